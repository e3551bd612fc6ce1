using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Users;

public sealed class UserInput
{
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? OrganisationId { get; set; }
    public string? TeamId { get; set; }
    public string[] Roles { get; set; } = [];
    public string? Password { get; set; }

    public static InlineValidator<UserInput> Validator(bool creating) => new()
    {
        v => v.RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter the person's full name").SafeText("Full name", 200),
        v => v.RuleFor(x => x.Email).NotEmpty().WithMessage("Enter an email address").When(_ => creating),
        v => v.RuleFor(x => x.Email).SafeText("Email address", 256)
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.com").When(x => creating && !string.IsNullOrEmpty(x.Email)),
        v => v.RuleFor(x => x.OrganisationId).Must(o => Guid.TryParse(o, out _)).When(_ => creating).WithMessage("Select an organisation"),
        v => v.RuleFor(x => x.TeamId).Must(t => Guid.TryParse(t, out _)).When(x => x.TeamId is not null).WithMessage("Select a team"),
        v => v.RuleFor(x => x.Roles).NotEmpty().WithMessage("Select at least one role"),
        v => v.RuleForEach(x => x.Roles).Must(r => StaffRoles.All.Contains(r)).WithMessage("Select a role from the list"),
        v => v.RuleFor(x => x.Password).NotEmpty().WithMessage("Enter a temporary password").When(_ => creating),
        v => v.RuleFor(x => x.Password).MaximumLength(256).WithMessage("Password must be 256 characters or fewer"),
    };

    public static IEnumerable<SelectListItem> RoleItems => StaffRoles.All.Select(r => new SelectListItem(StaffRoles.Label(r), r));

    public Guid? ParsedTeamId => Guid.TryParse(TeamId, out var id) ? id : null;

    /// <summary>The team must belong to the user's organisation.</summary>
    public static async Task<bool> TeamBelongsAsync(ThroughcareDbContext db, Guid? teamId, Guid organisationId) =>
        teamId is null || await db.Teams.AnyAsync(t => t.Id == teamId && t.OrganisationId == organisationId);

    public static async Task<List<SelectListItem>> TeamItemsAsync(ThroughcareDbContext db, Guid? organisationId) =>
        await db.Teams.Where(t => organisationId == null || t.OrganisationId == organisationId)
            .OrderBy(t => t.Organisation!.Name).ThenBy(t => t.Name)
            .Select(t => new SelectListItem(t.Organisation!.Name + ": " + t.Name, t.Id.ToString()))
            .ToListAsync();
}
