using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Security;

namespace Throughcare.Web.Api;

/// <summary>
/// Opaque bearer tokens for partner systems. A token is "tc_" and 32 random bytes; only its SHA-256 is stored, so
/// a copy of the database yields no usable token. Revoked or expired tokens, disabled users and non-integration
/// users are refused on the request that presents them.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ThroughcareDbContext db, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string Prefix = "tc_";

    public static string NewToken() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return AuthenticateResult.Fail("Malformed token");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var hash = Hash(token);
        var found = await (
            from t in db.ApiTokens
            join u in db.Users on t.UserId equals u.Id
            join o in db.Organisations on u.OrganisationId equals o.Id
            where t.TokenHash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now) && u.DisabledAt == null && u.IsIntegration
            select new { TokenId = t.Id, t.LastUsedAt, u.Id, u.UserName, u.DisplayName, u.OrganisationId, OrganisationName = o.Name })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired token");
        }

        if (found.LastUsedAt is null || now - found.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.ApiTokens.Where(t => t.Id == found.TokenId).ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAt, now), Context.RequestAborted);
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == found.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(Context.RequestAborted);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, found.Id.ToString()),
                new Claim(ClaimTypes.Name, found.UserName ?? ""),
                new Claim(ThroughcareClaims.DisplayName, found.DisplayName),
                new Claim(ThroughcareClaims.OrganisationId, found.OrganisationId.ToString()),
                new Claim(ThroughcareClaims.OrganisationName, found.OrganisationName),
                new Claim("throughcare:api-token", found.TokenId.ToString()),
                .. roles.Select(r => new Claim(ClaimTypes.Role, r)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

/// <summary>An organisation's administrator issues and revokes tokens for their own organisation's integration user, and no other.</summary>
public sealed class ApiTokenService(ThroughcareDbContext db, AuditLog audit, CurrentUser user, TimeProvider time, AdministrationScope scope)
{
    /// <summary>
    /// Issues a token for the administrator's own organisation, creating its integration user on first use; returns the
    /// token once, or null (audited as denied) for a user who administers no organisation.
    /// </summary>
    public async Task<string?> IssueAsync(string name, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        if (scope.OwnOrganisationId is not { } organisationId)
        {
            await scope.DenyAsync(AuditRecordTypes.ApiToken, null, cancellationToken);
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var integration = await db.Users.SingleOrDefaultAsync(u => u.OrganisationId == organisationId && u.IsIntegration, cancellationToken);
        if (integration is null)
        {
            var organisationName = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken);
            var id = Guid.NewGuid();
            integration = new ApplicationUser
            {
                Id = id,
                UserName = $"integration-{id:N}@throughcare.invalid",
                NormalizedUserName = $"INTEGRATION-{id:N}@THROUGHCARE.INVALID",
                DisplayName = $"Integration: {organisationName}",
                OrganisationId = organisationId,
                IsIntegration = true,
                CreatedAt = now,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(integration);
            var roleIds = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(cancellationToken);
            db.UserRoles.AddRange(roleIds.Select(r => new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = id, RoleId = r }));
        }

        var token = ApiTokenAuthenticationHandler.NewToken();
        var apiToken = new ApiToken
        {
            Id = Guid.NewGuid(),
            UserId = integration.Id,
            Name = name,
            TokenHash = ApiTokenAuthenticationHandler.Hash(token),
            CreatedAt = now,
            CreatedByUserId = user.RequireUserId(),
            ExpiresAt = now.AddYears(1),
        };
        db.ApiTokens.Add(apiToken);
        audit.Record(new ApiTokenIssued(apiToken.Id, organisationId, name));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public async Task<WriteResult> RevokeAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        var token = await scope.Tokens.SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (token is null)
        {
            await scope.DenyAsync(AuditRecordTypes.ApiToken, tokenId.ToString(), cancellationToken);
            return new WriteResult.NotFound();
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = time.GetUtcNow().UtcDateTime;
            audit.Record(new ApiTokenRevoked(tokenId, scope.OwnOrganisationId!.Value));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new WriteResult.Done(tokenId);
    }
}
