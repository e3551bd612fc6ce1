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

    public static DateTime Since(TimeProvider time) => Display.FromLondon(Display.Today(time).AddDays(1 - Days), TimeOnly.MinValue);

    public static async Task<IReadOnlyList<StaffDay>> DenialsAsync(ThroughcareDbContext db, Guid organisationId, TimeProvider time, CancellationToken cancellationToken)
    {
        var since = Since(time);
        var denied = await db.AuditEvents.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && a.Outcome == AuditOutcome.Denied && a.OccurredAt >= since)
            .Select(a => new { a.UserName, a.OccurredAt })
            .ToListAsync(cancellationToken);
        return denied.GroupBy(a => (a.UserName ?? "", Day: Display.LondonDate(a.OccurredAt)))
            .Select(g => new StaffDay(g.Key.Item1, g.Key.Day, g.Count()))
            .OrderByDescending(d => d.Day).ThenByDescending(d => d.Count).ThenBy(d => d.UserName, StringComparer.Ordinal)
            .ToList();
    }

    public static async Task<IReadOnlyList<StaffDay>> UnusualAsync(ThroughcareDbContext db, Guid organisationId, TimeProvider time, CancellationToken cancellationToken)
    {
        var since = Since(time);
        var reads = await db.AuditEvents.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && a.Outcome == AuditOutcome.Success && a.PersonId != null && a.UserName != null
                && PersonReads.Contains(a.Action) && a.OccurredAt >= since)
            .Select(a => new { a.UserName, a.OccurredAt, a.PersonId })
            .ToListAsync(cancellationToken);
        return reads.GroupBy(a => (a.UserName!, Day: Display.LondonDate(a.OccurredAt)))
            .Select(g => new StaffDay(g.Key.Item1, g.Key.Day, g.Select(a => a.PersonId).Distinct().Count()))
            .Where(d => d.Count > UnusualPeopleInADay)
            .OrderByDescending(d => d.Day).ThenByDescending(d => d.Count).ThenBy(d => d.UserName, StringComparer.Ordinal)
            .ToList();
    }
}
