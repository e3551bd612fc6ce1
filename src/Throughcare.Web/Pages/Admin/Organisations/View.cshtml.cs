using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Organisations;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Organisations;

/// <summary>An organisation and its teams; AdministrationRouteFilter lets only those who may edit it here.</summary>
public sealed class ViewModel(ThroughcareDbContext db, OrganisationService organisations, AdministrationScope scope) : PageModel
{
    private static readonly InlineValidator<TeamInput> Validator = new()
    {
        v => v.RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the team's name").SafeText("Team name", 200),
    };

    public Organisation Organisation { get; private set; } = null!;
    public int StaffCount { get; private set; }
    public string? Saved { get; private set; }

    /// <summary>Its own administrators manage its staff; a partnership administrator only adds its administrators.</summary>
    public bool RunsIt { get; private set; }
    public bool CanAddAdministrator { get; private set; }

    [BindProperty]
    public TeamInput Team { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid organisationId, string? saved)
    {
        Saved = saved switch
        {
            "created" => "Organisation added",
            "updated" => "Organisation details saved",
            "team" => "Team added",
            "administrator" => "Administrator added",
            _ => null,
        };
        return await LoadAsync(organisationId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddTeamAsync(Guid organisationId)
    {
        if (!await LoadAsync(organisationId))
        {
            return NotFound();
        }

        if (!Validator.Validate(Team).AddTo(ModelState, "Team"))
        {
            return Page();
        }

        switch (await organisations.AddTeamAsync(organisationId, Team.Name!.Trim(), HttpContext.RequestAborted))
        {
            case OrganisationOutcome.Saved:
                return Redirect($"/admin/organisations/{organisationId}?saved=team");
            case OrganisationOutcome.NameTaken:
                ModelState.AddModelError("Team.Name", "This organisation already has a team with this name");
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid organisationId)
    {
        var organisation = await db.Organisations.Include(o => o.Teams).AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId);
        if (organisation is null)
        {
            return false;
        }

        Organisation = organisation;
        StaffCount = await db.Users.CountAsync(u => u.OrganisationId == organisationId);
        RunsIt = scope.MayRun(organisationId);
        CanAddAdministrator = scope.IsPartnershipAdministrator;
        return true;
    }

    public sealed class TeamInput
    {
        public string? Name { get; set; }
    }
}
