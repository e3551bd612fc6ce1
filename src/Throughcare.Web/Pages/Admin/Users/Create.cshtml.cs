using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Users;

/// <summary>An organisation's administrator adds a member of staff to their own organisation.</summary>
public sealed class CreateModel(ThroughcareDbContext db, UserAdministration administration, AdministrationScope scope) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public string Organisation { get; private set; } = "";
    public IReadOnlyList<SelectListItem> TeamItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RoleItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadChoicesAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadChoicesAsync() is not { } organisationId)
        {
            return NotFound();
        }

        if (!UserInput.Validator(creating: true).Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        if (!await UserInput.TeamBelongsAsync(db, Input.ParsedTeamId, organisationId))
        {
            ModelState.AddModelError("Input.TeamId", "Select a team in your organisation");
            return Page();
        }

        var details = new StaffUserDetails
        {
            DisplayName = Input.DisplayName!.Trim(),
            Email = Input.Email!.Trim(),
            OrganisationId = organisationId,
            TeamId = Input.ParsedTeamId,
            Roles = Input.Roles.Distinct().ToList(),
            Profile = Input.ToProfile(),
        };
        return await this.AnswerAsync((await administration.CreateAsync(details, Input.Password!, HttpContext.RequestAborted)).InForm("Input"), new WriteAnswer
        {
            Done = _ => RedirectToPage("/Admin/Users/Index"),
            Flash = "Account created",
        });
    }

    /// <summary>The administrator's own organisation, its teams and the roles they may grant there.</summary>
    private async Task<Guid?> LoadChoicesAsync()
    {
        if (scope.OwnOrganisationId is not { } organisationId)
        {
            return null;
        }

        Organisation = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync();
        TeamItems = await UserInput.TeamItemsAsync(db, organisationId);
        RoleItems = UserInput.RoleItems(await scope.GrantableRolesAsync(organisationId, HttpContext.RequestAborted));
        return organisationId;
    }
}
