using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Accounts;

/// <summary>Staff accounts an administrator may need to act on.</summary>
public enum AccountAttention
{
    /// <summary>Locked after too many failed sign-ins, and the lockout has not yet run out.</summary>
    Locked,

    /// <summary>Enabled, but no one has ever signed in with it: the person may not have received their details.</summary>
    NotYetSignedIn,
}

/// <summary>
/// Which accounts need attention, one rule each: the staff list filters with <see cref="IdsAsync"/> and the home page
/// counts with it.
/// </summary>
public static class AccountsNeedingAttention
{
    private static readonly Dictionary<AccountAttention, string> Slugs = new()
    {
        [AccountAttention.Locked] = "locked",
        [AccountAttention.NotYetSignedIn] = "not-yet-signed-in",
    };

    public static string Slug(this AccountAttention attention) => Slugs[attention];

    public static AccountAttention? Parse(string? show) => Slugs.Where(s => s.Value == show).Select(s => (AccountAttention?)s.Key).FirstOrDefault();

    public static async Task<IReadOnlyList<Guid>> IdsAsync(ThroughcareDbContext db, IQueryable<ApplicationUser> staff, AccountAttention attention, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var people = staff.Where(u => u.DisabledAt == null && !u.IsIntegration);
        if (attention == AccountAttention.NotYetSignedIn)
        {
            return await people.Where(u => !db.UserSessions.Any(s => s.UserId == u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        }

        // SQLite cannot compare DateTimeOffset values, so the lockouts are compared here; an organisation has few.
        var lockouts = await people.Where(u => u.LockoutEnd != null).Select(u => new { u.Id, u.LockoutEnd }).ToListAsync(cancellationToken);
        return lockouts.Where(u => u.LockoutEnd > now).Select(u => u.Id).ToList();
    }
}
