using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Episodes;

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
    int OverdueActions,
    DateTime? NextAppointmentAt = null,
    int OverdueAppointments = 0)
{
    /// <summary>The UK date of the next appointment booked ahead.</summary>
    public DateOnly? NextAppointmentOn => NextAppointmentAt is { } at ? Display.LondonDate(at) : null;

    /// <summary>The earliest of the next review point, the next open action's due date and the next booked appointment.</summary>
    public DateOnly? NextDue => new[] { NextReviewDue, NextActionDue, NextAppointmentOn }.Min();

    public string NextDueWhat => NextDue is null ? "" : NextDue == NextReviewDue ? "Review" : NextDue == NextActionDue ? "Action" : "Appointment";

    public bool ReviewDue(DateOnly today) => NextReviewDue is { } due && ReviewSchedule.IsDueSoon(due, today);

    /// <summary>A caseload is full when it holds as many cases as the service's capacity for one worker, or more.</summary>
    public static bool IsFull(int held, int capacity) => held >= capacity;
}

/// <summary>The ways a caseload can be narrowed, each a link from the home page to exactly the rows it counted.</summary>
public enum CaseloadFilter { ReviewDue, OverdueActions, AtRisk, Closing }

/// <summary>
/// Which caseload rows each filter keeps, and its name in a link (<c>?show=review-due</c>): the lists filter with
/// <see cref="Matches"/> and the home page counts with it, so a count and the list it opens cannot disagree.
/// </summary>
public static class CaseloadFilters
{
    private static readonly Dictionary<CaseloadFilter, string> Slugs = new()
    {
        [CaseloadFilter.ReviewDue] = "review-due",
        [CaseloadFilter.OverdueActions] = "overdue-actions",
        [CaseloadFilter.AtRisk] = "at-risk",
        [CaseloadFilter.Closing] = "closing",
    };

    public static string Slug(this CaseloadFilter filter) => Slugs[filter];

    public static CaseloadFilter? Parse(string? show) => Slugs.Where(s => s.Value == show).Select(s => (CaseloadFilter?)s.Key).FirstOrDefault();

    public static bool Matches(this CaseloadRow row, CaseloadFilter filter, DateOnly today) => filter switch
    {
        CaseloadFilter.ReviewDue => row.ReviewDue(today),
        CaseloadFilter.OverdueActions => row.OverdueActions > 0,
        CaseloadFilter.AtRisk => row.Signal.AtRisk,
        _ => row.State == EpisodeState.Closing,
    };

    public static IReadOnlyList<CaseloadRow> Where(this IReadOnlyList<CaseloadRow> rows, CaseloadFilter? filter, DateOnly today) =>
        filter is { } only ? rows.Where(r => r.Matches(only, today)).ToList() : rows;

    public static int Count(this IReadOnlyList<CaseloadRow> rows, CaseloadFilter filter, DateOnly today) => rows.Count(r => r.Matches(filter, today));

    public static string Describe(CaseloadFilter filter) => filter switch
    {
        CaseloadFilter.ReviewDue => "review due",
        CaseloadFilter.OverdueActions => "with an overdue action",
        CaseloadFilter.AtRisk => "at risk of disengagement",
        _ => "waiting for their closure to be signed off",
    };
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

        // Only booked appointments are ahead or overdue: one query for every episode, the rules applied to each.
        var appointments = (await db.Appointments.AsNoTracking()
                .Where(a => a.EpisodeId != null && ids.Contains(a.EpisodeId.Value) && a.State == AppointmentState.Booked)
                .Select(a => new Appointment { EpisodeId = a.EpisodeId, StartsAt = a.StartsAt, State = a.State })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.EpisodeId!.Value);

        return open.Select(e =>
        {
            var service = services[e.ServiceId];
            var own = contacts[e.Id].ToList();
            var pending = actions[e.Id].ToList();
            var booked = appointments[e.Id].ToList();
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
                EngagementRules.Assess(e.State, e.StartedOn, own.Select(c => (c.OccurredAt, c.Attendance)), booked, now, service),
                pending.Count(a => a.IsOverdue(today)),
                booked.Where(a => a.StartsAt >= now).Select(a => (DateTime?)a.StartsAt).Min(),
                booked.Count(a => AppointmentDue.IsOverdue(a, now)));
        })
        .OrderBy(r => r.NextDue ?? DateOnly.MaxValue)
        .ThenBy(r => r.PersonName, StringComparer.Ordinal)
        .ToList();
    }
}
