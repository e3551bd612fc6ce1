using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Pages.People;

namespace Throughcare.Web.Pages.Episodes;

/// <summary>What the pages under /episodes/{episodeId} know about the episode in view, and who is looking.</summary>
public sealed record EpisodeInView(Guid Id, Guid PersonId, Guid ServiceId, string ServiceName, Guid ServiceOrganisationId, Guid ReferringOrganisationId, EpisodeState State, Guid Version)
{
    /// <summary>Staff of the service's organisation: they see and work the episode.</summary>
    public bool ViewerIsServiceTeam { get; init; }

    /// <summary>The strand workers (past and present) and the service's managers: they see restricted notes.</summary>
    public bool ViewerIsEpisodeTeam { get; init; }

    /// <summary>The service organisation's data protection officer: sees everything, restricted notes included, and changes nothing.</summary>
    public bool ViewerIsDpo { get; init; }

    public bool ViewerIsManager { get; init; }

    /// <summary>May read restricted notes.</summary>
    public bool MaySeeRestricted => ViewerIsEpisodeTeam || ViewerIsDpo;

    /// <summary>May record contacts, plans, measures and reviews.</summary>
    public bool MayWork => ViewerIsServiceTeam && !ViewerIsDpo && State != EpisodeState.Closed;
}

/// <summary>Marks the one page the referring organisation may open: it shows the episode's state and closure summary only.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReferrerMayViewAttribute : Attribute;

/// <summary>
/// Loads the route's episode through the access filter for every page under /episodes/{episodeId}. The service's
/// organisation works it; the referring organisation opens only pages marked ReferrerMayView; anyone else gets 404
/// and an audited denial.
/// </summary>
public sealed class EpisodeRouteFilter : IAsyncPageFilter
{
    public const string ItemKey = "throughcare:episode";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.RouteData.Values["episodeId"] is not string raw)
        {
            await next();
            return;
        }

        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<ThroughcareDbContext>();
        var user = services.GetRequiredService<CurrentUser>();
        var episode = Guid.TryParse(raw, out var episodeId) ? await EpisodeAccess.FindAsync(db, user, episodeId, context.HttpContext.RequestAborted) : null;
        var referrerMayView = context.HandlerInstance.GetType().IsDefined(typeof(ReferrerMayViewAttribute), inherit: false);
        if (episode is null || (!episode.ViewerIsServiceTeam && !referrerMayView))
        {
            services.GetRequiredService<AuditLog>().Add(AuditRecordTypes.Episode, raw.Length > 100 ? raw[..100] : raw, AuditActions.AccessDenied,
                details: new { path = context.HttpContext.Request.Path.Value }, outcome: AuditOutcome.Denied);
            await db.SaveChangesAsync(context.HttpContext.RequestAborted);
            context.Result = new NotFoundResult();
            return;
        }

        context.HttpContext.Items[EpisodeRouteFilter.ItemKey] = episode;
        context.HttpContext.Items[PersonRouteFilter.ItemKey] = await db.People.AsNoTracking().Where(p => p.Id == episode.PersonId)
            .Select(p => new PersonHeader(p.Id, p.Details.GivenName + " " + p.Details.FamilyName, p.Details.DateOfBirth, p.Details.Crn, p.Details.PrisonNumber, p.Details.NhsNumber))
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        await next();
    }
}

/// <summary>Who may do what with an episode: the one place that answers it, for pages and the API alike.</summary>
public static class EpisodeAccess
{
    /// <summary>The episode as the current user may see it, or null when they may not see it at all.</summary>
    public static async Task<EpisodeInView?> FindAsync(ThroughcareDbContext db, CurrentUser user, Guid episodeId, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.AsNoTracking().Where(e => e.Id == episodeId)
            .Select(e => new EpisodeInView(e.Id, e.PersonId, e.ServiceId, db.Services.Where(s => s.Id == e.ServiceId).Select(s => s.Name).Single(), e.ServiceOrganisationId, e.ReferringOrganisationId, e.State, e.Version))
            .SingleOrDefaultAsync(cancellationToken);
        if (episode is null || user.UserId is not { } userId)
        {
            return null;
        }

        var inService = user.OrganisationId == episode.ServiceOrganisationId;
        var roles = user.Roles;
        var isManager = inService && roles.Contains(StaffRoles.Manager);
        var isDpo = inService && roles.Contains(StaffRoles.DataProtectionOfficer);
        var isWorker = inService && await db.EpisodeStrands.AnyAsync(s => s.EpisodeId == episodeId && s.WorkerUserId == userId, cancellationToken);
        var serviceTeam = inService && (isManager || isDpo || roles.Contains(StaffRoles.Practitioner));
        return episode with
        {
            ViewerIsServiceTeam = serviceTeam,
            ViewerIsEpisodeTeam = serviceTeam && (isWorker || isManager),
            ViewerIsDpo = isDpo,
            ViewerIsManager = isManager,
        };
    }
}
