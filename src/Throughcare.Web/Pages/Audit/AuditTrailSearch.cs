using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Audit;

/// <summary>What a data protection officer asked the audit trail for, with the staff account and people it resolved to.</summary>
public sealed record AuditTrailCriteria(
    Guid OwnOrganisation, string? StaffEmail, Guid? StaffUserId, bool ByPerson, IReadOnlyList<Guid> People, Guid? StaffOrganisation, DateOnly? From, DateOnly? To);

/// <summary>One event as the search and its export show it: names and labels, never ids or codes.</summary>
public sealed record AuditTrailRow(
    DateTime OccurredAt, string Who, string? Email, string Organisation, string Roles, string Action, string WhatHappened, string Record, string? Person, string Outcome, string Purpose);

/// <summary>
/// The organisation's part of the audit trail (its staff's events, and events about people it works with) narrowed by the
/// criteria, and each row put into words. The page shows one page of it; the export streams all of it, a batch at a time.
/// </summary>
public sealed class AuditTrailSearch(ThroughcareDbContext db, Throughcare.Core.Domain.ReferenceData.PathwayCatalogue pathways)
{
    private const int BatchSize = 500;

    public IQueryable<AuditEvent> Events(AuditTrailCriteria criteria)
    {
        var events = db.AuditEvents.AsNoTracking()
            .Where(a => a.OrganisationId == criteria.OwnOrganisation || (a.PersonId != null && db.People.Any(p => p.Id == a.PersonId)));
        if (criteria.StaffEmail is { } email)
        {
            events = events.Where(a => a.UserName == email);
        }

        if (criteria.ByPerson)
        {
            var people = criteria.People.ToList();
            events = events.Where(a => a.PersonId != null && people.Contains(a.PersonId.Value));
        }

        if (criteria.StaffOrganisation is { } organisation)
        {
            events = events.Where(a => a.OrganisationId == organisation);
        }

        // The dates are days in the UK: each starts at midnight in London, an hour before midnight UTC in summer.
        if (criteria.From is { } from)
        {
            var start = StartOfUkDay(from);
            events = events.Where(a => a.OccurredAt >= start);
        }

        // The last day there is (31 December 9999) has no next day to stop before: nothing can be later anyway.
        if (criteria.To is { } to && to < DateOnly.MaxValue)
        {
            var end = StartOfUkDay(to.AddDays(1));
            events = events.Where(a => a.OccurredAt < end);
        }

        return events;
    }

    public static IQueryable<Stored> Newest(IQueryable<AuditEvent> events) =>
        events.OrderByDescending(a => a.Sequence).Select(a => new Stored(
            a.Sequence, a.OccurredAt, a.UserId, a.UserName, a.OrganisationId, a.Role, a.PersonId, a.RecordType, a.Action, a.Outcome, a.Purpose, a.EventType, a.Details));

    /// <summary>The people the rows name whom the user may see: naming them on a page or in a file is a read of their record.</summary>
    public static IEnumerable<Guid> PeopleShown(IEnumerable<Stored> rows, AuditLabels labels) =>
        rows.Select(r => r.PersonId).OfType<Guid>().Where(labels.Knows).Distinct();

    public async Task<(IReadOnlyList<AuditTrailRow> Rows, AuditLabels Labels)> LabelAsync(IReadOnlyList<Stored> rows, CancellationToken cancellationToken)
    {
        var typed = rows.Select(r => AuditEventTypes.Read(r.EventType, r.Details)).ToList();
        var ids = rows.SelectMany(r => new[] { r.UserId, r.OrganisationId, r.PersonId }).OfType<Guid>().Concat(typed.SelectMany(e => e?.Mentions() ?? []));
        var labels = await AuditHistory.LabelsAsync(db, await pathways.GetAsync(cancellationToken), ids, null, cancellationToken);
        return (rows.Select((r, i) => new AuditTrailRow(
            r.OccurredAt,
            labels.Name(r.UserId, r.UserName is null ? "Someone not signed in" : "A former member of staff"),
            r.UserName,
            r.OrganisationId is null ? "" : labels.Name(r.OrganisationId, "An organisation no longer listed"),
            AuditTrailText.Roles(r.Role),
            AuditTrailText.Action(r.Action),
            AuditTrailText.WhatHappened(typed[i], r.Action, r.Details, labels),
            AuditTrailText.RecordType(r.RecordType),
            r.PersonId is null ? null : labels.Name(r.PersonId, "A person your organisation does not work with"),
            AuditTrailText.Outcome(r.Outcome),
            AuditTrailText.Purpose(r.Purpose))).ToList(), labels);
    }

    /// <summary>Every matching row, newest first, read and labelled a batch at a time so that no export holds the whole trail.</summary>
    public async IAsyncEnumerable<IReadOnlyList<AuditTrailRow>> AllAsync(AuditTrailCriteria criteria, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var before = long.MaxValue;
        while (true)
        {
            var batch = await Newest(Events(criteria).Where(a => a.Sequence < before)).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                yield break;
            }

            yield return (await LabelAsync(batch, cancellationToken)).Rows;
            before = batch[^1].Sequence;
        }
    }

    /// <summary>Midnight in London on the day, in UTC; the first day there is starts at the first instant there is.</summary>
    private static DateTime StartOfUkDay(DateOnly day) =>
        day == DateOnly.MinValue ? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc) : Display.FromLondon(day, TimeOnly.MinValue);

    public sealed record Stored(
        long Sequence, DateTime OccurredAt, Guid? UserId, string? UserName, Guid? OrganisationId, string? Role, Guid? PersonId, string RecordType,
        string Action, AuditOutcome Outcome, string? Purpose, string? EventType, string? Details);
}
