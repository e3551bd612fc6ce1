using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
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

    /// <summary>Its own administrators manage its staff; a partnership administrator only adds its administrators.</summary>
    public bool RunsIt { get; private set; }
    public bool CanAddAdministrator { get; private set; }

    [BindProperty]
    public TeamInput Team { get; set; } = new();

    public Task OnGetAsync(Guid organisationId) => LoadAsync(organisationId);

    public async Task<IActionResult> OnPostAddTeamAsync(Guid organisationId)
    {
        await LoadAsync(organisationId);
        if (!Validator.Validate(Team).AddTo(ModelState, "Team"))
        {
            return Page();
        }

        return await this.AnswerAsync(await organisations.AddTeamAsync(organisationId, Team.Name!.Trim(), HttpContext.RequestAborted), new WriteAnswer
        {
            Done = _ => RedirectToPage("/Admin/Organisations/View", new { organisationId }),
            Flash = "Team added",
            RefusedField = "Team.Name",
        });
    }

    private async Task LoadAsync(Guid organisationId)
    {
        Organisation = await db.Organisations.Include(o => o.Teams).AsNoTracking().SingleAsync(o => o.Id == organisationId);
        StaffCount = await db.Users.CountAsync(u => u.OrganisationId == organisationId);
        RunsIt = scope.MayRun(organisationId);
        CanAddAdministrator = scope.IsPartnershipAdministrator;
    }

    public sealed class TeamInput
    {
        public string? Name { get; set; }
    }
}
