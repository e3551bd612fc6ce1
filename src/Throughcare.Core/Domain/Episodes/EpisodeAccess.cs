using System.Linq.Expressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.Episodes;

public enum EpisodeRight
{
    /// <summary>The overview's state and, once closed, the closure summary: the referring organisation sees this much.</summary>
    SeeOverview,

    /// <summary>Everything the service records in the episode, restricted notes aside.</summary>
    See,

    /// <summary>Restricted notes: the episode's team (its workers, past and present, and the service's managers) and the data protection officer.</summary>
    SeeRestricted,

    /// <summary>Record contacts, plans, measures, reviews and engagement while the episode is open.</summary>
    Work,

    /// <summary>Add and end strands, extend the planned end and sign closures off: the service's managers.</summary>
    Manage,
}

/// <summary>An episode as the current user may see it.</summary>
public sealed record EpisodeInView(
    Guid Id, Guid PersonId, Guid ServiceId, string ServiceName, Guid ServiceOrganisationId, Guid ReferringOrganisationId,
    EpisodeState State, Guid Version, Rights<EpisodeRight> Rights, Rights<EpisodeRight> InAnyState) : IRecordInView
{
    public string RecordType => AuditRecordTypes.Episode;

    public string StateLabel => EpisodeStates.Label(State);

    public bool Allows(Enum right) => Rights.Has(right);

    public bool AllowsInAnotherState(Enum right) => InAnyState.Has(right);

    public bool May(EpisodeRight right) => Rights.Has(right);
}

/// <summary>
/// Who may see and work an episode, its contacts, plan, measures and reviews: the one place that answers it, for the
/// pages, the API, the timeline, caseloads and the change history. The service's organisation and the referring
/// organisation find an episode (the database's access filter, which also asks for an active care role); within them
/// the service team works it, its managers manage it, the episode's team and the data protection officer read
/// restricted notes, and the referrer sees the overview alone.
/// </summary>
public sealed class EpisodeAccess(ThroughcareDbContext db, CurrentUser user) : IRecordAccess
{
    /// <summary>Route values naming an episode's child records, each checked to belong to the episode in the route.</summary>
    private static readonly string[] ChildKeys = ["contactId", "goalId", "actionId", "strandId", "appointmentId"];

    /// <summary>
    /// The database's part of this decision: the service's organisation and the referring organisation find an
    /// episode, and only while they hold an active role in the person's care.
    /// </summary>
    public static readonly Expression<Func<ThroughcareDbContext, Episode, bool>> Filter = AccessFilter.Where<Episode>(
        (db, e) => db.AccessIsSystem || e.ServiceOrganisationId == db.AccessOrganisationId || e.ReferringOrganisationId == db.AccessOrganisationId,
        (db, e) => e.PersonId,
        PersonAccess.HoldsCareRole);

    public string RouteKey => "episodeId";

    public int Precedence => 10;

    public string RecordType => AuditRecordTypes.Episode;

    public Enum SeeRight => EpisodeRight.See;

    public async Task<IRecordInView?> FindAsync(Guid id, RouteValueDictionary routeValues, CancellationToken cancellationToken)
    {
        var episode = await FindAsync(id, cancellationToken);
        if (episode is null)
        {
            return null;
        }

        foreach (var key in ChildKeys.Where(routeValues.ContainsKey))
        {
            if (!Guid.TryParse(routeValues[key] as string, out var childId) || !await ChildBelongsAsync(id, key, childId, cancellationToken))
            {
                return null;
            }
        }

        // Someone who may not read a restricted note may not overwrite it by correcting the contact either.
        if (routeValues.ContainsKey("contactId") && !episode.May(EpisodeRight.SeeRestricted) && episode.May(EpisodeRight.Work)
            && await IsRestrictedAsync(Guid.Parse((string)routeValues["contactId"]!), cancellationToken))
        {
            episode = episode with { Rights = episode.Rights.Without(EpisodeRight.Work), InAnyState = episode.InAnyState.Without(EpisodeRight.Work) };
        }

        return episode;
    }

    /// <summary>The episode as the current user may see it, or null when they may not see it at all.</summary>
    public async Task<EpisodeInView?> FindAsync(Guid episodeId, CancellationToken cancellationToken) =>
        (await InViewAsync(db.Episodes.Where(e => e.Id == episodeId), cancellationToken)).SingleOrDefault();

    /// <summary>The user's own caseload: episodes of their organisation's services in which they hold a running strand.</summary>
    public IQueryable<Episode> Caseload()
    {
        var userId = user.RequireUserId();
        return db.Episodes.Where(e => e.ServiceOrganisationId == user.OrganisationId && e.Strands.Any(s => s.WorkerUserId == userId && s.EndedAt == null));
    }

    public async Task<IReadOnlyList<IRecordInView>> ListForPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        await InViewAsync(db.Episodes.Where(e => personIds.Contains(e.PersonId)), cancellationToken);

    /// <summary>The episodes among these that the user may see, each with its rights.</summary>
    private async Task<List<EpisodeInView>> InViewAsync(IQueryable<Episode> episodes, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } userId)
        {
            return [];
        }

        var found = await episodes.AsNoTracking()
            .Select(e => new
            {
                e.Id,
                e.PersonId,
                e.ServiceId,
                ServiceName = db.Services.Where(s => s.Id == e.ServiceId).Select(s => s.Name).Single(),
                e.ServiceOrganisationId,
                e.ReferringOrganisationId,
                e.State,
                e.Version,
                IsWorker = e.ServiceOrganisationId == user.OrganisationId && db.EpisodeStrands.Any(s => s.EpisodeId == e.Id && s.WorkerUserId == userId),
            })
            .ToListAsync(cancellationToken);
        return found
            .Select(e => new EpisodeInView(e.Id, e.PersonId, e.ServiceId, e.ServiceName, e.ServiceOrganisationId, e.ReferringOrganisationId, e.State, e.Version,
                RightsFor(user, e.ServiceOrganisationId, e.ReferringOrganisationId, e.State, e.IsWorker),
                Rights<EpisodeRight>.InAny(Enum.GetValues<EpisodeState>().Select(s => RightsFor(user, e.ServiceOrganisationId, e.ReferringOrganisationId, s, e.IsWorker)))))
            .Where(e => e.May(EpisodeRight.SeeOverview))
            .ToList();
    }

    /// <summary>What the user may do with an episode of this service, referred by this organisation, in this state.</summary>
    public static Rights<EpisodeRight> RightsFor(CurrentUser user, Guid serviceOrganisationId, Guid referringOrganisationId, EpisodeState state, bool isWorker)
    {
        var inService = user.OrganisationId == serviceOrganisationId;
        var isManager = inService && user.IsInRole(StaffRoles.Manager);
        var isDpo = inService && user.IsInRole(StaffRoles.DataProtectionOfficer);
        var serviceTeam = inService && user.Holds(Capabilities.ViewEpisodes);

        // The data protection officer reads everything and records nothing, whatever other role they hold.
        var works = serviceTeam && !isDpo && user.Holds(Capabilities.WorkEpisodes) && state != EpisodeState.Closed;
        return new RightsBuilder<EpisodeRight>()
            .Grant(EpisodeRight.SeeOverview, serviceTeam || (user.OrganisationId == referringOrganisationId && user.Holds(Capabilities.ViewEpisodes)))
            .Grant(EpisodeRight.See, serviceTeam)
            .Grant(EpisodeRight.SeeRestricted, serviceTeam && (isWorker || isManager || isDpo))
            .Grant(EpisodeRight.Work, works)
            .Grant(EpisodeRight.Manage, works && isManager)
            .Build();
    }

    private Task<bool> ChildBelongsAsync(Guid episodeId, string key, Guid childId, CancellationToken cancellationToken) => key switch
    {
        "contactId" => db.Contacts.AnyAsync(c => c.Id == childId && c.EpisodeId == episodeId, cancellationToken),
        "goalId" => db.Goals.AnyAsync(g => g.Id == childId && g.EpisodeId == episodeId, cancellationToken),
        "actionId" => db.GoalActions.AnyAsync(a => a.Id == childId && a.EpisodeId == episodeId, cancellationToken),
        "appointmentId" => db.Appointments.AnyAsync(a => a.Id == childId && a.EpisodeId == episodeId, cancellationToken),
        _ => db.EpisodeStrands.AnyAsync(s => s.Id == childId && s.EpisodeId == episodeId, cancellationToken),
    };

    private async Task<bool> IsRestrictedAsync(Guid contactId, CancellationToken cancellationToken) =>
        await db.Contacts.AnyAsync(c => c.Id == contactId && c.NoteRestricted, cancellationToken)
        || await db.ContactRevisions.AnyAsync(r => r.ContactId == contactId && r.NoteRestricted, cancellationToken);
}
