using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Audit;

public sealed record HistoryEntry(DateTime At, string By, AuditDescription Description);

/// <summary>
/// A person's change history, read from the audit trail: each event is shown only to those the access object of the
/// record it describes lets read it (a referral's events to the two organisations at its ends, an episode's to its
/// service team, and what the referrer may see of it to them), and rendered by its type, with labels, not codes.
/// </summary>
public sealed class AuditHistory(ThroughcareDbContext db, IEnumerable<IRecordAccess> accesses, ReferenceData.PathwayCatalogue pathways)
{
    /// <summary>Rows written before events were typed, about the person's own record: shown as they were written.</summary>
    private static readonly string[] LegacyPersonActions = [AuditActions.Create, AuditActions.Update, AuditActions.Merge, AuditActions.MergedInto];

    /// <summary>The rows a history can show: typed events and the legacy changes, never reads. The filter of the index that serves it.</summary>
    public const string ChangesFilterSql =
        "\"EventType\" IS NOT NULL OR \"Action\" = 'create' OR \"Action\" = 'update' OR \"Action\" = 'merge' OR \"Action\" = 'merged-into'";

    /// <summary><see cref="ChangesFilterSql"/> as a query says it, so that the database sees the index's own condition.</summary>
    private static readonly Expression<Func<AuditEvent, bool>> HistoryRows = a => a.EventType != null
        || a.Action == AuditActions.Create || a.Action == AuditActions.Update || a.Action == AuditActions.Merge || a.Action == AuditActions.MergedInto;

    public async Task<(IReadOnlyList<HistoryEntry> Entries, int CurrentPage, int TotalPages)> ForPersonAsync(Guid personId, int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        // A kept record's history includes the records merged into it.
        var ids = await db.People.IgnoreQueryFilters().Where(p => p.MergedIntoPersonId == personId).Select(p => p.Id).ToListAsync(cancellationToken);
        ids.Add(personId);
        var readable = await ReadableAsync(ids, cancellationToken);
        var query = db.AuditEvents.AsNoTracking()
            .Where(a => a.PersonId != null && ids.Contains(a.PersonId.Value))
            .Where(HistoryRows)
            .Where(readable)
            .OrderByDescending(a => a.Sequence)
            .Select(a => new Row(a.EventType, a.Action, a.Details, a.OccurredAt, a.UserId, a.UserName, a.OrganisationId, a.PersonId == personId));
        var (rows, current, total) = await Infrastructure.Database.Paging.PageAsync(query, pageNumber, pageSize, cancellationToken);

        var events = rows.Select(r => (Row: r, Event: AuditEventTypes.Read(r.EventType, r.Details))).ToList();
        var mentioned = events.SelectMany(e => e.Event?.Mentions() ?? []).Concat(rows.Select(r => r.UserId).OfType<Guid>()).Concat(rows.Select(r => r.OrganisationId).OfType<Guid>());
        var labels = await LabelsAsync(db, await pathways.GetAsync(cancellationToken), mentioned, personId, cancellationToken);
        return (events.Select(e => new HistoryEntry(
            e.Row.OccurredAt,
            $"{labels.Name(e.Row.UserId, e.Row.UserName ?? "System")}{(e.Row.OrganisationId is null ? "" : $", {labels.Name(e.Row.OrganisationId)}")}",
            e.Event?.Describe(labels) ?? DescribeLegacy(e.Row))).ToList(), current, total);
    }

    /// <summary>
    /// The names of the staff, organisations, services, strands and people the ids stand for, looked up at once; a person
    /// is named only if the user may see them.
    /// </summary>
    public static async Task<AuditLabels> LabelsAsync(ThroughcareDbContext db, ReferenceData.PathwayList pathways, IEnumerable<Guid> ids, Guid? historyOf, CancellationToken cancellationToken)
    {
        var mentioned = ids.Distinct().ToList();
        var names = await db.Users.IgnoreQueryFilters().Where(u => mentioned.Contains(u.Id)).Select(u => new { u.Id, Name = u.DisplayName })
            .Concat(db.Organisations.Where(o => mentioned.Contains(o.Id)).Select(o => new { o.Id, o.Name }))
            .Concat(db.Services.Where(s => mentioned.Contains(s.Id)).Select(s => new { s.Id, s.Name }))
            .Concat(db.ServiceStrands.Where(s => mentioned.Contains(s.Id)).Select(s => new { s.Id, s.Name }))
            .Concat(db.People.Where(p => mentioned.Contains(p.Id)).Select(p => new { p.Id, Name = p.Details.GivenName + " " + p.Details.FamilyName }))
            .ToDictionaryAsync(n => n.Id, n => n.Name, cancellationToken);
        return new AuditLabels(names, historyOf, pathways);
    }

    /// <summary>
    /// Which rows the user may read: the person's own record's events (seeing the person is enough), and each aggregate's
    /// events whose type needs a right the aggregate's access object granted on that record.
    /// </summary>
    private async Task<Expression<Func<AuditEvent, bool>>> ReadableAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken)
    {
        var personTypes = AuditEventTypes.All.Where(t => AuditEventTypes.ReadRightOf(t) is null).Select(t => t.Name).ToList();
        Expression<Func<AuditEvent, bool>> readable = a => a.AggregateId == null
            && ((a.EventType != null && personTypes.Contains(a.EventType))
                || (a.EventType == null && a.RecordType == AuditRecordTypes.Person && LegacyPersonActions.Contains(a.Action)));
        foreach (var access in accesses)
        {
            var types = AuditEventTypes.All.Select(t => (Type: t, Right: AuditEventTypes.ReadRightOf(t)))
                .Where(t => t.Right?.GetType() == access.SeeRight.GetType()).ToList();
            if (types.Count == 0)
            {
                continue;
            }

            var records = await access.ListForPeopleAsync(personIds, cancellationToken);
            foreach (var group in records.GroupBy(r => string.Join(",", types.Where(t => r.Allows(t.Right!)).Select(t => t.Type.Name))))
            {
                var allowed = group.Key.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
                var aggregateIds = group.Select(r => (Guid?)r.Id).ToList();
                if (allowed.Count > 0)
                {
                    readable = Or(readable, a => aggregateIds.Contains(a.AggregateId) && allowed.Contains(a.EventType!));
                }
            }
        }

        return readable;
    }

    private static Expression<Func<AuditEvent, bool>> Or(Expression<Func<AuditEvent, bool>> left, Expression<Func<AuditEvent, bool>> right)
    {
        var parameter = left.Parameters[0];
        var body = new Rebind(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<AuditEvent, bool>>(Expression.OrElse(left.Body, body), parameter);
    }

    private static AuditDescription DescribeLegacy(Row row)
    {
        var details = row.Details is null ? null : JsonSerializer.Deserialize<LegacyDetails>(row.Details, AuditLog.JsonOptions);
        var title = row.Action switch
        {
            AuditActions.Create => row.IsThisRecord ? "Record created" : "Merged record created",
            AuditActions.Merge => "Another record merged into this one",
            AuditActions.MergedInto => "Record merged into this one",
            _ => "Details changed",
        };
        return new AuditDescription(title, People.PersonFieldDisplay.Labelled(details?.Changes ?? []), details?.Reason);
    }

    private sealed record Row(string? EventType, string Action, string? Details, DateTime OccurredAt, Guid? UserId, string? UserName, Guid? OrganisationId, bool IsThisRecord);

    private sealed record LegacyDetails(IReadOnlyList<FieldChange>? Changes, string? Reason);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
