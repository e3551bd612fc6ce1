using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Memory;

namespace Throughcare.Web.Infrastructure.Web;

/// <summary>
/// What someone searched for, held on the server for a short while under an unguessable token, so that a search can be
/// posted, redirected to a page the browser's Back button returns to, and paged by links, without a name, date of birth
/// or identifier ever appearing in a URL or a log. A token opens its criteria only for the user it was issued to and
/// only until it expires on the application's clock.
/// </summary>
public sealed class SearchTokens(IMemoryCache cache, TimeProvider time)
{
    /// <summary>How long a search can be returned to: as long as a session may sit idle.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private sealed record Entry(Guid UserId, object Criteria, DateTimeOffset ExpiresAt);

    public string Issue<T>(Guid userId, T criteria)
        where T : class
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));
        var expiresAt = time.GetUtcNow() + Lifetime;

        // The cache's own expiry only frees the memory; the application's clock decides when a token stops working.
        cache.Set(Key(token), new Entry(userId, criteria, expiresAt), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime + TimeSpan.FromMinutes(1) });
        return token;
    }

    /// <summary>The criteria a token holds, or null when it is unknown, expired, of another kind or another user's.</summary>
    public T? Find<T>(string? token, Guid userId)
        where T : class =>
        !string.IsNullOrEmpty(token) && token.Length <= 64
        && cache.TryGetValue(Key(token), out Entry? entry) && entry is not null
        && entry.UserId == userId && entry.ExpiresAt > time.GetUtcNow()
            ? entry.Criteria as T
            : null;

    private static string Key(string token) => "search-token:" + token;
}
