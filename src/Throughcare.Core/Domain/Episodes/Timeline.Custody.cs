using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Episodes;

/// <summary>The custody half of the timeline: receptions, moves, releases and recalls, key dates that moved and the milestones that moved with them.</summary>
public static partial class Timeline
{
    /// <summary>Custody follows the person's own rule (<see cref="CustodyAccess"/>): whoever sees the person sees these.</summary>
    private static async Task AddCustodyAsync(ThroughcareDbContext db, CustodyAccess access, Guid personId, List<Entry> entries, CancellationToken cancellationToken)
    {
        var periods = await access.Visible().AsNoTracking().Include(p => p.Moves).Include(p => p.KeyDateChanges).Where(p => p.PersonId == personId).ToListAsync(cancellationToken);
        if (periods.Count == 0)
        {
            return;
        }

        var prisonIds = periods.SelectMany(p => p.Moves.Select(m => m.ToPrisonId).Append(p.ReceptionPrisonId)).Distinct().ToList();
        var prisons = await db.Organisations.AsNoTracking().Where(o => prisonIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        foreach (var period in periods)
        {
            var link = new TimelineLink("/People/Custody/View", new Dictionary<string, string> { ["personId"] = personId.ToString(), ["custodyPeriodId"] = period.Id.ToString() });
            var prison = prisons.GetValueOrDefault(period.ReceptionPrisonId, "prison");
            entries.Add(new(new(Display.FromLondon(period.ReceptionOn, TimeOnly.MinValue), Custody,
                period.RecalledFromPeriodId is null ? $"Received into {prison}" : $"Recalled to {prison}", null, CustodyLabels.Sentence(period.SentenceType), link), period.CreatedByUserId));
            foreach (var move in period.Moves)
            {
                entries.Add(new(new(Display.FromLondon(move.MovedOn, TimeOnly.MinValue), Custody, $"Moved to {prisons.GetValueOrDefault(move.ToPrisonId, "another prison")}", null,
                    CustodyLabels.Move(move.Reason) + (move.Note is null ? "" : ": " + move.Note), link), move.RecordedByUserId));
            }

            foreach (var change in period.KeyDateChanges)
            {
                entries.Add(new(new(change.ChangedAt, Custody, $"{CustodyLabels.Date(change.KeyDate)} date changed", null,
                    $"From {Shown(change.From)} to {Shown(change.To)}" + (change.Reason is null ? "" : $". {change.Reason}"), link), change.ChangedByUserId));
            }

            if (period.ReleasedOn is { } released)
            {
                entries.Add(new(new(Display.FromLondon(released, TimeOnly.MinValue), Custody, $"Released from {prisons.GetValueOrDefault(period.CurrentPrisonId, "prison")}", null,
                    period.ReleaseKind is { } kind ? CustodyLabels.Release(kind) : null, link)));
            }
        }

        // The milestones that followed an anchor as it moved, as the journey recorded them.
        var journey = new TimelineLink("/People/Journey/Index", new Dictionary<string, string> { ["personId"] = personId.ToString() });
        var ids = periods.Select(p => p.Id).ToList();
        var moved = await db.AuditEvents.AsNoTracking()
            .Where(a => a.PersonId == personId && a.EventType == nameof(MilestoneDatesMoved) && a.RecordType == AuditRecordTypes.CustodyPeriod)
            .Select(a => new { a.OccurredAt, a.UserId, a.EventType, a.Details })
            .ToListAsync(cancellationToken);
        foreach (var row in moved)
        {
            if (AuditEventTypes.Read(row.EventType, row.Details) is MilestoneDatesMoved e && ids.Contains(e.CustodyPeriodId))
            {
                var what = string.Join("; ", e.Changes.Select(c => $"{c.Field}: {c.From} to {c.To}"));
                entries.Add(new(new(row.OccurredAt, Custody, e.Describe(AuditLabels.None).Title, null, e.Reason is null ? what : $"{what}. Why: {e.Reason}", journey), row.UserId));
            }
        }

        var done = await db.Milestones.AsNoTracking().Where(m => ids.Contains(m.CustodyPeriodId) && m.State == MilestoneState.Done && m.RecordedAt != null)
            .Join(db.MilestoneDefinitions.AsNoTracking(), m => m.DefinitionId, d => d.Id, (m, d) => new { m.RecordedAt, m.RecordedByUserId, m.DoneOn, d.Title })
            .ToListAsync(cancellationToken);
        entries.AddRange(done.Select(m => new Entry(new(m.RecordedAt!.Value, Custody, $"Milestone done: {m.Title}", null, m.DoneOn is { } on ? $"Done {Display.Date(on)}" : null, journey), m.RecordedByUserId)));
    }

    private static string Shown(DateOnly? date) => date is { } d ? Display.Date(d) : "none";
}
