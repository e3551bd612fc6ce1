using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Infrastructure.Database;

namespace Throughcare.Web.Domain.Episodes;

/// <summary>One open episode on a caseload, with what is due and what is worrying, all computed when asked.</summary>
public sealed record CaseloadRow(
    Guid EpisodeId,
    Guid PersonId,
    string PersonName,
    Guid ServiceId,
    string ServiceName,
    EpisodeState State,
    IReadOnlyList<Guid> WorkerIds,
    DateOnly? NextReviewDue,
    DateOnly? NextActionDue,
    DateTime? LastContactAt,
    EngagementSignal Signal,
    int OverdueActions)
{
    /// <summary>The earliest of the next review point and the next open action's due date.</summary>
    public DateOnly? NextDue => (NextReviewDue, NextActionDue) switch
    {
        ({ } review, { } action) => review < action ? review : action,
        ({ } review, null) => review,
        (null, var action) => action,
    };

    public string NextDueWhat => NextDue is null ? "" : NextDue == NextReviewDue ? "Review" : "Action";

    public bool ReviewDue(DateOnly today) => NextReviewDue is { } due && ReviewSchedule.IsDueSoon(due, today);
}

/// <summary>Builds caseload rows for a set of open episodes: the practitioner's "My cases" and a manager's team view.</summary>
public static class Caseload
{
    public static async Task<IReadOnlyList<CaseloadRow>> LoadAsync(ThroughcareDbContext db, IQueryable<Episode> episodes, DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var open = await episodes.AsNoTracking()
            .Where(e => e.State != EpisodeState.Closed)
            .Select(e => new
            {
                e.Id,
                e.PersonId,
                e.ServiceId,
                e.State,
                e.StartedOn,
                Workers = e.Strands.Where(s => s.EndedAt == null).Select(s => s.WorkerUserId).ToList(),
            })
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return [];
        }

        var ids = open.Select(e => e.Id).ToList();
        var personIds = open.Select(e => e.PersonId).Distinct().ToList();
        var serviceIds = open.Select(e => e.ServiceId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Details.GivenName + " " + p.Details.FamilyName, cancellationToken);
        var services = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var contacts = (await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.EpisodeId))
                .Select(c => new { c.EpisodeId, c.OccurredAt, c.Attendance }).ToListAsync(cancellationToken))
            .ToLookup(c => c.EpisodeId);
        var reviews = (await db.EpisodeReviews.AsNoTracking().Where(r => ids.Contains(r.EpisodeId)).Select(r => r.EpisodeId).ToListAsync(cancellationToken))
            .CountBy(id => id).ToDictionary();
        var actions = (await db.GoalActions.AsNoTracking()
                .Where(a => ids.Contains(a.EpisodeId) && a.DueOn != null)
                .ToListAsync(cancellationToken))
            .Where(a => a.IsOpen)
            .ToLookup(a => a.EpisodeId);

        return open.Select(e =>
        {
            var service = services[e.ServiceId];
            var own = contacts[e.Id].ToList();
            var pending = actions[e.Id].ToList();
            return new CaseloadRow(
                e.Id,
                e.PersonId,
                people.GetValueOrDefault(e.PersonId, "Person not visible"),
                e.ServiceId,
                service.Name,
                e.State,
                e.Workers,
                ReviewSchedule.NextDue(e.StartedOn, service.ReviewIntervalMonths, reviews.GetValueOrDefault(e.Id)),
                pending.Min(a => a.DueOn),
                own.Where(c => c.OccurredAt <= now).Select(c => (DateTime?)c.OccurredAt).Max(),
                EngagementRules.Assess(e.State, e.StartedOn, own.Select(c => (c.OccurredAt, c.Attendance)), now, service),
                pending.Count(a => a.IsOverdue(today)));
        })
        .OrderBy(r => r.NextDue ?? DateOnly.MaxValue)
        .ThenBy(r => r.PersonName, StringComparer.Ordinal)
        .ToList();
    }
}
