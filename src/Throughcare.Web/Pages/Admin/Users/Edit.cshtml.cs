using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Users;

/// <summary>A member of staff's account; AdministrationRouteFilter lets only their own organisation's administrators here.</summary>
public sealed class EditModel(ThroughcareDbContext db, UserManager<ApplicationUser> users, UserAdministration administration, AdministrationScope scope) : PageModel
{
    public sealed record ConflictRow(string Field, string? Saved, string? Mine);

    [BindProperty]
    public UserInput Input { get; set; } = new();

    /// <summary>The account's concurrency stamp when the form was shown.</summary>
    [BindProperty]
    public string? Version { get; set; }

    public string Name { get; private set; } = "";
    public string? Email { get; private set; }
    public string Organisation { get; private set; } = "";
    public bool Disabled { get; private set; }
    public bool TwoFactor { get; private set; }
    public StaffProfile Profile { get; private set; } = StaffProfile.None;
    public IReadOnlyList<SelectListItem> TeamItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RoleItems { get; private set; } = [];

    /// <summary>Roles the person holds that this administrator may not grant or take away.</summary>
    public IReadOnlyList<string> OtherRoles { get; private set; } = [];

    /// <summary>On a conflict: each field where what is saved now differs from what this administrator entered.</summary>
    public IReadOnlyList<ConflictRow>? Conflict { get; private set; }

    public async Task OnGetAsync(Guid userId)
    {
        var user = await LoadAsync(userId);
        Show(new SavedStaffUser(user.DisplayName, user.TeamId, [.. await users.GetRolesAsync(user)], Profile, user.ConcurrencyStamp));
    }

    public async Task<IActionResult> OnPostAsync(Guid userId)
    {
        var user = await LoadAsync(userId);
        if (!UserInput.Validator(creating: false).Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        if (!await UserInput.TeamBelongsAsync(db, Input.ParsedTeamId, user.OrganisationId))
        {
            ModelState.AddModelError("Input.TeamId", "Select a team in this person's organisation");
            return Page();
        }

        var mine = new UpdateStaffUser
        {
            UserId = userId,
            Version = Version,
            DisplayName = Input.DisplayName!.Trim(),
            TeamId = Input.ParsedTeamId,
            Roles = Input.Roles.Distinct().ToList(),
            Profile = Input.ToProfile(),
        };
        return await this.AnswerAsync((await administration.UpdateAsync(mine, HttpContext.RequestAborted)).InForm("Input"), new WriteAnswer
        {
            Done = _ => RedirectToPage("/Admin/Users/Edit", new { userId }),
            Flash = "Changes saved",
            RefusedField = "Input.Roles",
            Conflict = conflict =>
            {
                // The table shows what is saved now; the form keeps what this administrator entered, under the saved version.
                var saved = (SavedStaffUser)conflict.Current!;
                Conflict = Compare(saved, mine);
                Version = saved.Version;
                return Task.CompletedTask;
            },
        });
    }

    public Task<IActionResult> OnPostDisableAsync(Guid userId) => SetDisabledAsync(userId, true);

    public Task<IActionResult> OnPostEnableAsync(Guid userId) => SetDisabledAsync(userId, false);

    private async Task<IActionResult> SetDisabledAsync(Guid userId, bool disabled) =>
        await this.AnswerAsync(await administration.SetDisabledAsync(userId, disabled, HttpContext.RequestAborted), new WriteAnswer
        {
            Done = _ => RedirectToPage("/Admin/Users/Edit", new { userId }),
            Flash = disabled ? "Account disabled" : "Account enabled",
        });

    /// <summary>Fills the form with the account as saved.</summary>
    private void Show(SavedStaffUser saved)
    {
        Input = new UserInput
        {
            DisplayName = saved.DisplayName,
            TeamId = saved.TeamId?.ToString(),
            Roles = [.. saved.Roles],
            JobRole = saved.Profile.JobRole,
            Languages = [.. saved.Profile.Languages],
            GenderIdentity = saved.Profile.GenderIdentity,
        };
        Version = saved.Version;
        OtherRoles = [.. saved.Roles.Except(RoleItems.Select(r => r.Value)).Order()];
    }

    private List<ConflictRow> Compare(SavedStaffUser saved, UpdateStaffUser mine)
    {
        string? Team(Guid? id) => id is null ? null : TeamItems.FirstOrDefault(t => t.Value == id.ToString())?.Text;
        static string Roles(IEnumerable<string> roles) => string.Join(", ", roles.Order().Select(StaffRoles.Label));
        static string Languages(IEnumerable<string> codes) => string.Join(", ", codes.Order().Select(l => Core.Domain.ReferenceData.Languages.All.LabelFor(l) ?? l));
        ConflictRow[] rows =
        [
            new("Full name", saved.DisplayName, mine.DisplayName),
            new("Team", Team(saved.TeamId), Team(mine.TeamId)),

            // Roles this administrator may not grant stay as they are, so compare the ones they may.
            new("Roles", Roles(saved.Roles.Intersect(RoleItems.Select(r => r.Value))), Roles(mine.Roles)),
            new("Job role", JobRoles.All.LabelFor(saved.Profile.JobRole), JobRoles.All.LabelFor(mine.Profile.JobRole)),
            new("Languages", Languages(saved.Profile.Languages), Languages(mine.Profile.Languages)),
            new("Gender identity", GenderIdentities.All.LabelFor(saved.Profile.GenderIdentity), GenderIdentities.All.LabelFor(mine.Profile.GenderIdentity)),
        ];
        return [.. rows.Where(r => (r.Saved ?? "") != (r.Mine ?? ""))];
    }

    private async Task<ApplicationUser> LoadAsync(Guid userId)
    {
        var user = await scope.Staff.Include(u => u.Organisation).AsNoTracking().SingleAsync(u => u.Id == userId);
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
