using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Users;

public sealed class CreateModel(ThroughcareDbContext db, UserAdministration administration) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> OrganisationItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> TeamItems { get; private set; } = [];

    public async Task OnGetAsync() => await LoadChoicesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadChoicesAsync();
        if (!UserInput.Validator(creating: true).Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var organisationId = Guid.Parse(Input.OrganisationId!);
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId))
        {
            ModelState.AddModelError("Input.OrganisationId", "Select an organisation");
            return Page();
        }

        if (!await UserInput.TeamBelongsAsync(db, Input.ParsedTeamId, organisationId))
        {
            ModelState.AddModelError("Input.TeamId", "Select a team in the chosen organisation");
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
        var result = await administration.CreateAsync(details, Input.Password!, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            var errors = result.Errors.Select(error => error.Code.StartsWith("Password", StringComparison.Ordinal)
                ? (Field: "Input.Password", Message: PasswordErrors.Message(error))
                : (Field: "Input.Email", Message: error.Code is "DuplicateEmail" or "DuplicateUserName" ? "An account with this email address already exists" : error.Description));
            foreach (var (field, message) in errors.Distinct())
            {
                ModelState.AddModelError(field, message);
            }

            return Page();
        }

        return Redirect("/admin/users?saved=created");
    }

    private async Task LoadChoicesAsync()
    {
        OrganisationItems = await db.Organisations.OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync();
        TeamItems = await UserInput.TeamItemsAsync(db, null);
    }
}
