using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Users;

/// <summary>A member of staff's account; AdministrationRouteFilter lets only their own organisation's administrators here.</summary>
public sealed class EditModel(ThroughcareDbContext db, UserManager<ApplicationUser> users, UserAdministration administration, AdministrationScope scope) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public string Name { get; private set; } = "";
    public string? Email { get; private set; }
    public string Organisation { get; private set; } = "";
    public bool Disabled { get; private set; }
    public bool TwoFactor { get; private set; }
    public string? Saved { get; private set; }
    public StaffProfile Profile { get; private set; } = StaffProfile.None;
    public IReadOnlyList<SelectListItem> TeamItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RoleItems { get; private set; } = [];

    /// <summary>Roles the person holds that this administrator may not grant or take away.</summary>
    public IReadOnlyList<string> OtherRoles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid userId, string? saved)
    {
        var user = await LoadAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        Saved = saved switch
        {
            "updated" => "Changes saved",
            "disabled" => "Account disabled",
            "enabled" => "Account enabled",
            _ => null,
        };
        Input = new UserInput { DisplayName = user.DisplayName, TeamId = user.TeamId?.ToString(), Roles = [.. await users.GetRolesAsync(user)] };
        OtherRoles = [.. Input.Roles.Except(RoleItems.Select(r => r.Value)).Order()];
        (Input.JobRole, Input.Languages, Input.GenderIdentity) = (user.JobRole, [.. user.Languages], user.GenderIdentity);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid userId)
    {
        var user = await LoadAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        if (!UserInput.Validator(creating: false).Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        if (!await UserInput.TeamBelongsAsync(db, Input.ParsedTeamId, user.OrganisationId))
        {
            ModelState.AddModelError("Input.TeamId", "Select a team in this person's organisation");
            return Page();
        }

        var result = await administration.UpdateAsync(userId, Input.DisplayName!.Trim(), Input.ParsedTeamId, Input.Roles.Distinct().ToList(), Input.ToProfile(), HttpContext.RequestAborted);
        if (result.Errors.Any(e => e.Code == UserAdministration.NotFound))
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("Input.Roles", string.Join(". ", result.Errors.Select(e => e.Description)));
            return Page();
        }

        return Redirect($"/admin/users/{userId}?saved=updated");
    }

    public Task<IActionResult> OnPostDisableAsync(Guid userId) => SetDisabledAsync(userId, true);

    public Task<IActionResult> OnPostEnableAsync(Guid userId) => SetDisabledAsync(userId, false);

    private async Task<IActionResult> SetDisabledAsync(Guid userId, bool disabled) =>
        await administration.SetDisabledAsync(userId, disabled, HttpContext.RequestAborted)
            ? Redirect($"/admin/users/{userId}?saved={(disabled ? "disabled" : "enabled")}")
            : NotFound();

    private async Task<ApplicationUser?> LoadAsync(Guid userId)
    {
        var user = await scope.Staff.Include(u => u.Organisation).AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId);
        if (user is null)
        {
            return null;
        }

        Name = user.DisplayName;
        Email = user.Email;
        Organisation = user.Organisation!.Name;
        Disabled = user.IsDisabled;
        TwoFactor = user.TwoFactorEnabled;
        Profile = new StaffProfile(user.JobRole, user.Languages, user.GenderIdentity);
        TeamItems = await UserInput.TeamItemsAsync(db, user.OrganisationId);
        RoleItems = UserInput.RoleItems(await scope.GrantableRolesAsync(user.OrganisationId, HttpContext.RequestAborted));
        return user;
    }
}
