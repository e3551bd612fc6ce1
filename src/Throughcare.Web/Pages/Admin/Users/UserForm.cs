using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Users;

/// <summary>
/// The staff account form. It has no organisation field: an account always joins the organisation the page is for, so
/// an organisation posted with the form is never bound.
/// </summary>
public sealed class UserInput
{
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? TeamId { get; set; }
    public string[] Roles { get; set; } = [];
    public string? Password { get; set; }
    public string? JobRole { get; set; }
    public string[] Languages { get; set; } = [];
    public string? GenderIdentity { get; set; }

    public static InlineValidator<UserInput> Validator(bool creating) => new()
    {
        v => v.RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter the person's full name").SafeText("Full name", 200),
        v => v.RuleFor(x => x.Email).NotEmpty().WithMessage("Enter an email address").When(_ => creating),
        v => v.RuleFor(x => x.Email).SafeText("Email address", 256)
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.com").When(x => creating && !string.IsNullOrEmpty(x.Email)),
        v => v.RuleFor(x => x.TeamId).Must(t => Guid.TryParse(t, out _)).When(x => x.TeamId is not null).WithMessage("Select a team"),
        v => v.RuleFor(x => x.Roles).NotEmpty().WithMessage("Select at least one role"),

        // A known role the administrator may not grant is refused, and audited, by UserAdministration.
        v => v.RuleForEach(x => x.Roles).Must(r => StaffRoles.All.Contains(r)).WithMessage("Select a role from the list"),
        v => v.RuleFor(x => x.Password).NotEmpty().WithMessage("Enter a temporary password").When(_ => creating),
        v => v.RuleFor(x => x.Password).MaximumLength(256).WithMessage("Password must be 256 characters or fewer"),
        v => v.RuleFor(x => x.JobRole).Must(r => JobRoles.All.Contains(r)).When(x => !string.IsNullOrEmpty(x.JobRole)).WithMessage("Select a job role from the list"),
        v => v.RuleFor(x => x.Languages).Must(all => all.All(Core.Domain.ReferenceData.Languages.All.Contains)).WithMessage("Select languages from the list"),
        v => v.RuleFor(x => x.GenderIdentity).Must(g => GenderIdentities.All.Contains(g)).When(x => !string.IsNullOrEmpty(x.GenderIdentity)).WithMessage("Select a gender identity from the list"),
    };

    public static IEnumerable<SelectListItem> JobRoleItems => JobRoles.All.Select(r => new SelectListItem(r.Label, r.Code));

    public static IEnumerable<SelectListItem> LanguageItems => Core.Domain.ReferenceData.Languages.All.Select(l => new SelectListItem(l.Label, l.Code));

    public static IEnumerable<SelectListItem> GenderIdentityItems => GenderIdentities.All.Select(g => new SelectListItem(g.Label, g.Code));

    /// <summary>Codes as stored, whatever case was posted; blank choices are none.</summary>
    public StaffProfile ToProfile() => new(
        JobRoles.All.Find(JobRole)?.Code,
        Languages.Select(l => Core.Domain.ReferenceData.Languages.All.Find(l)!.Code).Distinct().ToList(),
        GenderIdentities.All.Find(GenderIdentity)?.Code);

    public static string LanguageLabels(StaffProfile profile) => string.Join(", ", profile.Languages.Select(l => Core.Domain.ReferenceData.Languages.All.LabelFor(l) ?? l));

    public static IReadOnlyList<SelectListItem> RoleItems(IEnumerable<string> roles) => [.. roles.Select(r => new SelectListItem(StaffRoles.Label(r), r))];

    public Guid? ParsedTeamId => Guid.TryParse(TeamId, out var id) ? id : null;

    /// <summary>The team must belong to the user's organisation.</summary>
    public static async Task<bool> TeamBelongsAsync(ThroughcareDbContext db, Guid? teamId, Guid organisationId) =>
        teamId is null || await db.Teams.AnyAsync(t => t.Id == teamId && t.OrganisationId == organisationId);

    public static async Task<List<SelectListItem>> TeamItemsAsync(ThroughcareDbContext db, Guid organisationId) =>
        [.. (await db.Teams.Where(t => t.OrganisationId == organisationId).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync())
            .Select(t => new SelectListItem(t.Name, t.Id.ToString()))];
}
