using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Accounts;

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

/// <summary>The change an administrator makes to a staff account, made only if it is still at the version their form showed.</summary>
public sealed record UpdateStaffUser
{
    public required Guid UserId { get; init; }

    /// <summary>The account's concurrency stamp when the form was shown.</summary>
    public required string? Version { get; init; }

    public required string DisplayName { get; init; }
    public Guid? TeamId { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    public StaffProfile Profile { get; init; } = StaffProfile.None;
}

/// <summary>A staff account as saved now, with its version: what a conflict shows beside the administrator's own input.</summary>
public sealed record SavedStaffUser(string DisplayName, Guid? TeamId, IReadOnlyList<string> Roles, StaffProfile Profile, string? Version);

/// <summary>
/// An administrator's changes to staff accounts, within what <see cref="AdministrationScope"/> allows them. Each is
/// audited in the same transaction; a refused one changes nothing and is audited as denied. Refusals name the form
/// field at fault by the name of its property (<see cref="StaffUserDetails"/>: Email, Roles; or Password).
/// </summary>
public sealed class UserAdministration(UserManager<ApplicationUser> users, ThroughcareDbContext db, AuditLog audit, TimeProvider time, AdministrationScope scope)
{
    public const string RoleNotGrantable = "Select a role from the list";
    public const string EmailTaken = "An account with this email address already exists";

    /// <summary>Adds the account; Done carries its id.</summary>
    public async Task<WriteResult> CreateAsync(StaffUserDetails details, string password, CancellationToken cancellationToken)
    {
        if (details.Roles.Except(await scope.GrantableRolesAsync(details.OrganisationId, cancellationToken)).Any())
        {
            return await RefuseAsync(null, cancellationToken);
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
            return Refused(result);
        }

        IReadOnlyList<FieldChange> changes =
        [
            new FieldChange(StaffAccountLabels.Name, null, details.DisplayName),
            new FieldChange(StaffAccountLabels.Email, null, details.Email),
            new FieldChange(StaffAccountLabels.Roles, null, string.Join(", ", details.Roles)),
            .. ProfileChanges(StaffProfile.None, details.Profile),
        ];
        scope.Touched(audit.Record(new StaffAccountCreated(user.Id, details.OrganisationId, changes)), details.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new WriteResult.Done(user.Id);
    }

    /// <summary>Changes the account if it is still at the form's version; a conflict carries a <see cref="SavedStaffUser"/>.</summary>
    public async Task<WriteResult> UpdateAsync(UpdateStaffUser options, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(options.UserId.ToString());
        if (user is null || !scope.MayRun(user.OrganisationId))
        {
            await scope.DenyAsync(AuditRecordTypes.User, options.UserId.ToString(), cancellationToken);
            return new WriteResult.NotFound();
        }

        var currentRoles = (await users.GetRolesAsync(user)).Order().ToList();
        if (user.ConcurrencyStamp != options.Version)
        {
            return new WriteResult.Conflict(Saved(user, currentRoles));
        }

        var grantable = await scope.GrantableRolesAsync(user.OrganisationId, cancellationToken);
        if (options.Roles.Except(grantable).Any())
        {
            return await RefuseAsync(options.UserId, cancellationToken);
        }

        // Roles the administrator may not grant, such as partnership administrator, stay as they are.
        List<string> roles = [.. options.Roles.Union(currentRoles.Except(grantable)).Order()];
        var changes = new List<FieldChange>();
        if (user.DisplayName != options.DisplayName)
        {
            changes.Add(new FieldChange(StaffAccountLabels.Name, user.DisplayName, options.DisplayName));
        }

        if (user.TeamId != options.TeamId)
        {
            changes.Add(new FieldChange(StaffAccountLabels.Team, user.TeamId?.ToString(), options.TeamId?.ToString()));
        }

        if (!currentRoles.SequenceEqual(roles))
        {
            changes.Add(new FieldChange(StaffAccountLabels.Roles, string.Join(", ", currentRoles), string.Join(", ", roles)));
        }

        changes.AddRange(ProfileChanges(new StaffProfile(user.JobRole, user.Languages, user.GenderIdentity), options.Profile));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.DisplayName = options.DisplayName;
        user.TeamId = options.TeamId;
        user.JobRole = options.Profile.JobRole;
        user.Languages = [.. options.Profile.Languages];
        user.GenderIdentity = options.Profile.GenderIdentity;
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
            // Someone saved the account between our reading it and writing it (the stamp EF checks changed).
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                var latest = await users.FindByIdAsync(options.UserId.ToString());
                return new WriteResult.Conflict(Saved(latest!, [.. (await users.GetRolesAsync(latest!)).Order()]));
            }

            return Refused(result);
        }

        scope.Touched(audit.Record(new StaffAccountUpdated(user.Id, user.OrganisationId, changes)), user.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new WriteResult.Done(user.Id);
    }

    public async Task<WriteResult> SetDisabledAsync(Guid userId, bool disabled, CancellationToken cancellationToken)
    {
        var user = await scope.Staff.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            await scope.DenyAsync(AuditRecordTypes.User, userId.ToString(), cancellationToken);
            return new WriteResult.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        user.DisabledAt = disabled ? now : null;
        user.SecurityStamp = Guid.NewGuid().ToString("N");

        // A change to the account: a form showing it before is out of date.
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        if (disabled)
        {
            foreach (var session in await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null).ToListAsync(cancellationToken))
            {
                session.RevokedAt = now;
            }
        }

        scope.Touched(audit.Record(disabled ? new StaffAccountDisabled(userId, user.OrganisationId) : new StaffAccountEnabled(userId, user.OrganisationId)), user.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        return new WriteResult.Done(userId);
    }

    private static SavedStaffUser Saved(ApplicationUser user, IReadOnlyList<string> roles) =>
        new(user.DisplayName, user.TeamId, roles, new StaffProfile(user.JobRole, [.. user.Languages], user.GenderIdentity), user.ConcurrencyStamp);

    /// <summary>A role the administrator may not grant: refused, and audited as a denied attempt.</summary>
    private async Task<WriteResult> RefuseAsync(Guid? userId, CancellationToken cancellationToken)
    {
        await scope.DenyAsync(AuditRecordTypes.User, userId?.ToString(), cancellationToken);
        return new WriteResult.Refused(RoleNotGrantable, nameof(StaffUserDetails.Roles));
    }

    /// <summary>What Identity refused, in the service's words, beside the field it is about.</summary>
    private static WriteResult.Refused Refused(IdentityResult result)
    {
        var error = result.Errors.First();
        return error.Code switch
        {
            _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => new(PasswordErrors.Message(error), "Password"),
            "DuplicateEmail" or "DuplicateUserName" => new(EmailTaken, nameof(StaffUserDetails.Email)),
            _ => new(error.Description, nameof(StaffUserDetails.Email)),
        };
    }

    private static IEnumerable<FieldChange> ProfileChanges(StaffProfile before, StaffProfile after)
    {
        if (before.JobRole != after.JobRole)
        {
            yield return new FieldChange(StaffAccountLabels.JobRole, before.JobRole, after.JobRole);
        }

        if (!before.Languages.Order(StringComparer.Ordinal).SequenceEqual(after.Languages.Order(StringComparer.Ordinal)))
        {
            yield return new FieldChange(StaffAccountLabels.Languages, Join(before.Languages), Join(after.Languages));
        }

        if (before.GenderIdentity != after.GenderIdentity)
        {
            yield return new FieldChange(StaffAccountLabels.GenderIdentity, before.GenderIdentity, after.GenderIdentity);
        }
    }

    private static string? Join(IReadOnlyList<string> codes) => codes.Count == 0 ? null : string.Join(", ", codes.Order(StringComparer.Ordinal));
}
