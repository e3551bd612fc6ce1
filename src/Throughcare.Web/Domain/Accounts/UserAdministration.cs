using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Infrastructure.Database;

namespace Throughcare.Web.Domain.Accounts;

public sealed record StaffUserDetails
{
    public required string DisplayName { get; init; }
    public required string Email { get; init; }
    public required Guid OrganisationId { get; init; }
    public Guid? TeamId { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    public StaffProfile Profile { get; init; } = StaffProfile.None;
}

/// <summary>What allocation matches a worker on: their job role (JobRoles), the languages they speak (Languages) and gender identity.</summary>
public sealed record StaffProfile(string? JobRole, IReadOnlyList<string> Languages, string? GenderIdentity)
{
    public static readonly StaffProfile None = new(null, [], null);
}

/// <summary>The message to show for a password Identity refused.</summary>
public static class PasswordErrors
{
    // Identity's own length check runs beside the policy and words its failure differently: show the policy's words.
    public static string Message(IdentityError error) =>
        error.Code == "PasswordTooShort" ? PasswordPolicy.TooShortMessage : error.Description;
}

/// <summary>
/// An administrator's changes to staff accounts, within what <see cref="AdministrationScope"/> allows them. Each is
/// audited in the same transaction; a refused one changes nothing and is audited as denied.
/// </summary>
public sealed class UserAdministration(UserManager<ApplicationUser> users, ThroughcareDbContext db, AuditLog audit, TimeProvider time, AdministrationScope scope)
{
    /// <summary>The error code of a refusal to grant a role the administrator may not grant.</summary>
    public const string RoleNotGrantable = "RoleNotGrantable";

    public const string NotFound = "UserNotFound";

    public async Task<IdentityResult> CreateAsync(StaffUserDetails details, string password, CancellationToken cancellationToken)
    {
        if (details.Roles.Except(await scope.GrantableRolesAsync(details.OrganisationId, cancellationToken)).Any())
        {
            return await RefuseAsync(null, RoleNotGrantable, cancellationToken);
        }

        var user = new ApplicationUser
        {
            Id = Guid.NewGuid(),
            UserName = details.Email,
            Email = details.Email,
            EmailConfirmed = true,
            DisplayName = details.DisplayName,
            OrganisationId = details.OrganisationId,
            TeamId = details.TeamId,
            JobRole = details.Profile.JobRole,
            Languages = [.. details.Profile.Languages],
            GenderIdentity = details.Profile.GenderIdentity,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, details.Roles);
        }

        if (!result.Succeeded)
        {
            return result;
        }

        var created = audit.Add(AuditRecordTypes.User, user.Id.ToString(), AuditActions.Create, details: new
        {
            changes = new[]
            {
                new FieldChange("Name", null, details.DisplayName),
                new FieldChange("Email", null, details.Email),
                new FieldChange("Roles", null, string.Join(", ", details.Roles)),
            }.Concat(ProfileChanges(StaffProfile.None, details.Profile)).ToArray(),
            organisation = details.OrganisationId,
        });
        scope.Touched(created, details.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<IdentityResult> UpdateAsync(Guid userId, string displayName, Guid? teamId, IReadOnlyList<string> roles, StaffProfile profile, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !scope.MayRun(user.OrganisationId))
        {
            return await RefuseAsync(userId, NotFound, cancellationToken);
        }

        var grantable = await scope.GrantableRolesAsync(user.OrganisationId, cancellationToken);
        if (roles.Except(grantable).Any())
        {
            return await RefuseAsync(userId, RoleNotGrantable, cancellationToken);
        }

        var currentRoles = (await users.GetRolesAsync(user)).Order().ToList();

        // Roles the administrator may not grant, such as partnership administrator, stay as they are.
        roles = [.. roles.Union(currentRoles.Except(grantable)).Order()];
        var changes = new List<FieldChange>();
        if (user.DisplayName != displayName)
        {
            changes.Add(new FieldChange("Name", user.DisplayName, displayName));
        }

        if (user.TeamId != teamId)
        {
            changes.Add(new FieldChange("Team", user.TeamId?.ToString(), teamId?.ToString()));
        }

        if (!currentRoles.SequenceEqual(roles.Order()))
        {
            changes.Add(new FieldChange("Roles", string.Join(", ", currentRoles), string.Join(", ", roles.Order())));
        }

        changes.AddRange(ProfileChanges(new StaffProfile(user.JobRole, user.Languages, user.GenderIdentity), profile));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.DisplayName = displayName;
        user.TeamId = teamId;
        user.JobRole = profile.JobRole;
        user.Languages = [.. profile.Languages];
        user.GenderIdentity = profile.GenderIdentity;
        var result = await users.RemoveFromRolesAsync(user, currentRoles.Except(roles));
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, roles.Except(currentRoles));
        }

        if (result.Succeeded)
        {
            // A new security stamp ends the user's sessions, so changed roles apply on their next request.
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return result;
        }

        scope.Touched(audit.Add(AuditRecordTypes.User, user.Id.ToString(), AuditActions.Update, details: new { changes }), user.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<bool> SetDisabledAsync(Guid userId, bool disabled, CancellationToken cancellationToken)
    {
        var user = await scope.Staff.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            await scope.DenyAsync(AuditRecordTypes.User, userId.ToString(), cancellationToken);
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        user.DisabledAt = disabled ? now : null;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        if (disabled)
        {
            foreach (var session in await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null).ToListAsync(cancellationToken))
            {
                session.RevokedAt = now;
            }
        }

        scope.Touched(audit.Add(AuditRecordTypes.User, userId.ToString(), disabled ? AuditActions.Disable : AuditActions.Enable), user.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<IdentityResult> RefuseAsync(Guid? userId, string code, CancellationToken cancellationToken)
    {
        await scope.DenyAsync(AuditRecordTypes.User, userId?.ToString(), cancellationToken);
        return IdentityResult.Failed(new IdentityError { Code = code, Description = code == RoleNotGrantable ? "Select a role from the list" : "User not found" });
    }

    private static IEnumerable<FieldChange> ProfileChanges(StaffProfile before, StaffProfile after)
    {
        if (before.JobRole != after.JobRole)
        {
            yield return new FieldChange("Job role", before.JobRole, after.JobRole);
        }

        if (!before.Languages.Order(StringComparer.Ordinal).SequenceEqual(after.Languages.Order(StringComparer.Ordinal)))
        {
            yield return new FieldChange("Languages", Join(before.Languages), Join(after.Languages));
        }

        if (before.GenderIdentity != after.GenderIdentity)
        {
            yield return new FieldChange("Gender identity", before.GenderIdentity, after.GenderIdentity);
        }
    }

    private static string? Join(IReadOnlyList<string> codes) => codes.Count == 0 ? null : string.Join(", ", codes.Order(StringComparer.Ordinal));
}
