using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Web.Infrastructure.Security;

public sealed class SessionOptions
{
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How long this process trusts a session as it last read it: the window in which a change made by another node (or
    /// straight in the database) is not yet seen here. Changes this process makes apply on the next request (ADR 0020).
    /// </summary>
    public TimeSpan RecheckAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the last-seen time is written, so idle time is measured to within this.</summary>
    public static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);
}

/// <summary>Adds the user's organisation and name to the cookie principal.</summary>
public sealed class ThroughcareClaimsFactory(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options,
    ThroughcareDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var organisationName = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Name).SingleAsync();
        identity.AddClaim(new Claim(ThroughcareClaims.OrganisationId, user.OrganisationId.ToString()));
        identity.AddClaim(new Claim(ThroughcareClaims.OrganisationName, organisationName));
        identity.AddClaim(new Claim(ThroughcareClaims.DisplayName, user.DisplayName));
        return identity;
    }
}

/// <summary>Every sign-in opens a server-side session; sign-out revokes it, so a replayed cookie is refused.</summary>
public sealed class ThroughcareSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    ThroughcareDbContext db,
    TimeProvider time,
    IOptions<SessionOptions> sessionOptions)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            CreatedAt = now,
            LastSeenAt = now,
            AbsoluteExpiresAt = now + sessionOptions.Value.AbsoluteTimeout,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        var properties = authenticationProperties ?? new AuthenticationProperties();
        properties.IsPersistent = false;
        await base.SignInWithClaimsAsync(user, properties, additionalClaims.Append(new Claim(ThroughcareClaims.SessionId, session.Id.ToString())));
    }

    public override async Task SignOutAsync()
    {
        if (Guid.TryParse(Context.User.FindFirstValue(ThroughcareClaims.SessionId), out var sessionId))
        {
            var now = time.GetUtcNow().UtcDateTime;
            await db.UserSessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now));
        }

        await base.SignOutAsync();
    }
}

/// <summary>
/// Checks the session on every request: revoked, idle for 30 minutes, past 12 hours, a disabled user or a changed
/// security stamp all end it at once. The session's state comes from <see cref="SessionCache"/> when this process read
/// it within the last few seconds, so most requests do not read the database.
/// </summary>
public static class SessionValidator
{
    public const string TwoFactorSetupRequired = "throughcare:2fa-setup-required";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        try
        {
            await CheckAsync(context);
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            // The session cannot be checked, so the request cannot go on as anyone: it fails after authentication
            // (RethrowUnavailableDatabase), and the "service unavailable" page then renders as for someone signed
            // out, since authentication's result is kept for the request. The cookie is kept for when the database is back.
            context.RejectPrincipal();
            context.HttpContext.Items[UncheckedSession] = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
        }
    }

    private const string UncheckedSession = "throughcare:unchecked-session";

    /// <summary>Fails a request whose session could not be checked, once, so that the error page can render.</summary>
    public static Task RethrowUnavailableDatabase(HttpContext context, Func<Task> next)
    {
        if (context.Items[UncheckedSession] is System.Runtime.ExceptionServices.ExceptionDispatchInfo failure
            && context.Features.Get<IExceptionHandlerFeature>() is null)
        {
            failure.Throw();
        }

        return next();
    }

    private static async Task CheckAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<SessionOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var principal = context.Principal;
        var stampClaimType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;

        if (!Guid.TryParse(principal?.FindFirstValue(ThroughcareClaims.SessionId), out var sessionId))
        {
            await RejectAsync(context);
            return;
        }

        var cache = services.GetRequiredService<SessionCache>();
        var state = cache.Find(sessionId) ?? await ReadAsync(services.GetRequiredService<ThroughcareDbContext>(), cache, sessionId);
        var valid = state is not null
            && state.RevokedAt is null
            && state.DisabledAt is null
            && now < state.AbsoluteExpiresAt
            && now - state.LastSeenAt < options.IdleTimeout
            && state.SecurityStamp == principal!.FindFirstValue(stampClaimType);
        if (!valid)
        {
            await services.GetRequiredService<ThroughcareDbContext>().UserSessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now));
            await RejectAsync(context);
            return;
        }

        if (now - state!.LastSeenAt > SessionOptions.TouchEvery)
        {
            // Written as SQL so that it opens with the tag the cache's invalidator passes over (ExecuteUpdate drops tags).
            await services.GetRequiredService<ThroughcareDbContext>().Database.ExecuteSqlAsync(FormattableStringFactory.Create(
                "-- " + SessionCacheInvalidator.TouchTag + "\nUPDATE \"UserSessions\" SET \"LastSeenAt\" = {0} WHERE \"Id\" = {1}", now, sessionId));
            state = state with { LastSeenAt = now };
            cache.Touched(sessionId, state);
        }

        if (state.RequireTwoFactor && !state.TwoFactorEnabled)
        {
            context.HttpContext.Items[TwoFactorSetupRequired] = true;
        }
    }

    private static async Task<SessionState?> ReadAsync(ThroughcareDbContext db, SessionCache cache, Guid sessionId)
    {
        var generation = cache.Generation;
        var state = await (
            from s in db.UserSessions
            join u in db.Users on s.UserId equals u.Id
            join o in db.Organisations on u.OrganisationId equals o.Id
            where s.Id == sessionId
            select new SessionState(s.RevokedAt, s.LastSeenAt, s.AbsoluteExpiresAt, u.DisabledAt, u.SecurityStamp, u.TwoFactorEnabled, o.RequireTwoFactor))
            .SingleOrDefaultAsync();
        if (state is not null)
        {
            cache.Keep(sessionId, state, generation);
        }

        return state;
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
