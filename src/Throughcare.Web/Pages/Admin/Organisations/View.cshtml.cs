using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Organisations;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Organisations;

public sealed class ViewModel(ThroughcareDbContext db, OrganisationService organisations) : PageModel
{
    private static readonly InlineValidator<TeamInput> Validator = new()
    {
        v => v.RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the team's name").SafeText("Team name", 200),
    };

    public Organisation Organisation { get; private set; } = null!;
    public int StaffCount { get; private set; }
    public string? Saved { get; private set; }

    [BindProperty]
    public TeamInput Team { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid organisationId, string? saved)
    {
        Saved = saved switch
        {
            "created" => "Organisation added",
            "updated" => "Organisation details saved",
            "team" => "Team added",
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

        if (!await organisations.AddTeamAsync(organisationId, Team.Name!.Trim(), HttpContext.RequestAborted))
        {
            ModelState.AddModelError("Team.Name", "This organisation already has a team with this name");
            return Page();
        }

        return Redirect($"/admin/organisations/{organisationId}?saved=team");
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
        return true;
    }

    public sealed class TeamInput
    {
        public string? Name { get; set; }
    }
}
