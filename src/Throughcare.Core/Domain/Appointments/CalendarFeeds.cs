using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.Appointments;

/// <summary>The member of staff whose calendar an address serves.</summary>
public sealed record CalendarFeedOwner(Guid UserId, string UserName, string DisplayName, Guid OrganisationId, string OrganisationName);

/// <summary>
/// A member of staff's own calendar feed address: a random token shown once, of which only the SHA-256 hash is kept, so
/// neither the database nor its backups can give the address away. One address is live at a time; making a new one or
/// revoking it ends the old one.
/// </summary>
public sealed class CalendarFeeds(ThroughcareDbContext db, AuditLog audit, CurrentUser user, TimeProvider time)
{
    /// <summary>32 random bytes, base64url: 43 characters.</summary>
    public const int TokenLength = 43;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>When the user's live address was made, if they have one.</summary>
    public Task<DateTime?> ActiveSinceAsync(CancellationToken cancellationToken)
    {
        var userId = user.RequireUserId();
        return db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId && f.RevokedAt == null)
            .OrderByDescending(f => f.CreatedAt).Select(f => (DateTime?)f.CreatedAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Ends any live address and makes a new one; returns its token, which is never shown again.</summary>
    public async Task<string> CreateAsync(CancellationToken cancellationToken)
    {
        var userId = user.RequireUserId();
        await RevokeLiveAsync(userId, cancellationToken);
        var token = Base64UrlToken();
        var feed = db.CalendarFeeds.Add(new CalendarFeed { Id = Guid.NewGuid(), UserId = userId, TokenHash = Hash(token), CreatedAt = time.GetUtcNow().UtcDateTime }).Entity;
        audit.Record(new CalendarFeedCreated(userId, feed.Id));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public async Task<WriteResult> RevokeAsync(CancellationToken cancellationToken)
    {
        var userId = user.RequireUserId();
        if (!await RevokeLiveAsync(userId, cancellationToken))
        {
            return new WriteResult.Refused("You do not have a calendar address to revoke");
        }

        await db.SaveChangesAsync(cancellationToken);
        return new WriteResult.Done(userId);
    }

    /// <summary>Whose calendar a token opens: null for an unknown or revoked one, or a disabled account.</summary>
    public Task<CalendarFeedOwner?> FindOwnerAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length != TokenLength)
        {
            return Task.FromResult<CalendarFeedOwner?>(null);
        }

        var hash = Hash(token);
        return (from f in db.CalendarFeeds
                where f.TokenHash == hash && f.RevokedAt == null
                join u in db.Users on f.UserId equals u.Id
                where u.DisabledAt == null
                select new CalendarFeedOwner(u.Id, u.UserName ?? "", u.DisplayName, u.OrganisationId, u.Organisation!.Name))
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
    }

    private async Task<bool> RevokeLiveAsync(Guid userId, CancellationToken cancellationToken)
    {
        var live = await db.CalendarFeeds.Where(f => f.UserId == userId && f.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var feed in live)
        {
            feed.RevokedAt = time.GetUtcNow().UtcDateTime;
            audit.Record(new CalendarFeedRevoked(userId, feed.Id));
        }

        return live.Count > 0;
    }

    private static string Base64UrlToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
