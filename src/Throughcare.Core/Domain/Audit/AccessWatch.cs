using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Audit;

/// <summary>One member of staff's audit rows of one kind on one day in the UK.</summary>
public sealed record StaffDay(string UserName, DateOnly Day, int Count);

/// <summary>
/// What a data protection officer looks at first: the last week's denied attempts by their organisation's staff, and
/// unusual access. Access is unusual when one member of staff read more than <see cref="UnusualPeopleInADay"/>
/// different people's records on one day in the UK (views, search results, downloads and change histories): far more
/// than a day's casework, and what browsing or harvesting records looks like. Each day links to the audit search for
/// that person and day.
/// </summary>
public static class AccessWatch
{
    public const int Days = 7;
    public const int UnusualPeopleInADay = 50;

    private static readonly string[] PersonReads = [AuditActions.View, AuditActions.SearchResult, AuditActions.Download, AuditActions.ViewHistory];

    /// <summary>The last <see cref="Days"/> UK days, newest first, each as its span in UTC (a UK day is 23, 24 or 25 hours).</summary>
    private static IEnumerable<(DateOnly Day, DateTime From, DateTime To)> UkDays(TimeProvider time)
    {
        var today = Display.Today(time);
        for (var back = 0; back < Days; back++)
        {
            var day = today.AddDays(-back);
            yield return (day, Display.FromLondon(day, TimeOnly.MinValue), Display.FromLondon(day.AddDays(1), TimeOnly.MinValue));
        }
    }

    // Counted by the database, one UK day at a time: an organisation's week of audit rows can run to hundreds of
    // thousands, and only a handful of figures leave the database.
    public static async Task<IReadOnlyList<StaffDay>> DenialsAsync(ThroughcareDbContext db, Guid organisationId, TimeProvider time, CancellationToken cancellationToken)
    {
        var found = new List<StaffDay>();
        foreach (var (day, from, to) in UkDays(time))
        {
            var counts = await db.AuditEvents.AsNoTracking()
                .Where(a => a.OrganisationId == organisationId && a.Outcome == AuditOutcome.Denied && a.OccurredAt >= from && a.OccurredAt < to)
                .GroupBy(a => a.UserName ?? "")
                .Select(g => new { UserName = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            found.AddRange(counts.Select(c => new StaffDay(c.UserName, day, c.Count)));
        }

        return Ordered(found);
    }

    public static async Task<IReadOnlyList<StaffDay>> UnusualAsync(ThroughcareDbContext db, Guid organisationId, TimeProvider time, CancellationToken cancellationToken)
    {
        var found = new List<StaffDay>();
        foreach (var (day, from, to) in UkDays(time))
        {
            var counts = await db.AuditEvents.AsNoTracking()
                .Where(a => a.OrganisationId == organisationId && a.Outcome == AuditOutcome.Success && a.PersonId != null && a.UserName != null
                    && PersonReads.Contains(a.Action) && a.OccurredAt >= from && a.OccurredAt < to)
                .GroupBy(a => a.UserName!)
                .Select(g => new { UserName = g.Key, People = g.Select(a => a.PersonId).Distinct().Count() })
                .Where(c => c.People > UnusualPeopleInADay)
                .ToListAsync(cancellationToken);
            found.AddRange(counts.Select(c => new StaffDay(c.UserName, day, c.People)));
        }

        return Ordered(found);
    }

    private static List<StaffDay> Ordered(IEnumerable<StaffDay> days) =>
        [.. days.OrderByDescending(d => d.Day).ThenByDescending(d => d.Count).ThenBy(d => d.UserName, StringComparer.Ordinal)];
}
