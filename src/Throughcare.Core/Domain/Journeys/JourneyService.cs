using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Journeys;

/// <summary>A milestone marked done: when, and what shows it (optional).</summary>
public sealed class MilestoneDoneInput
{
    public DateParts DoneOn { get; set; } = new();
    public string? Evidence { get; set; }
}

/// <summary>
/// Keeps each custody period's milestones in step with their template and anchors, and records them done, not
/// applicable or reopened. <see cref="RefreshAsync"/> runs in the unit of work of every change to an anchor, so the
/// dates follow at once and the move is audited with the anchor's reason; done milestones keep their record.
/// </summary>
public sealed class JourneyService(ThroughcareDbContext db, AuditLog audit, CurrentUser user, TimeProvider time)
{
    public const string NotPermitted = "You cannot record the journey's milestones";
    public const string ReasonRequired = "Enter the reason";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The template version in force now: new custody periods take it.</summary>
    public Task<Guid> TemplateInForceAsync(CancellationToken cancellationToken) =>
        db.JourneyTemplates.Where(t => t.Name == ShippedJourney.Name).OrderByDescending(t => t.Version).Select(t => t.Id).FirstAsync(cancellationToken);

    /// <summary>
    /// Creates the period's missing milestones and re-dates the open ones from its anchors and conditions, in the
    /// caller's unit of work (the period tracked, with its changes applied). Moves of due dates are audited with the reason.
    /// </summary>
    public async Task RefreshAsync(CustodyPeriod period, string? reason, CancellationToken cancellationToken)
    {
        var definitions = await db.MilestoneDefinitions.AsNoTracking().Where(d => d.TemplateId == period.JourneyTemplateId).ToListAsync(cancellationToken);
        var rows = db.Milestones.Local.Where(m => m.CustodyPeriodId == period.Id).ToList();
        var loaded = await db.Milestones.Where(m => m.CustodyPeriodId == period.Id).ToListAsync(cancellationToken);
        rows = rows.UnionBy(loaded, m => m.Id).ToList();
        var byDefinition = rows.ToDictionary(m => m.DefinitionId);
        var codes = definitions.ToDictionary(d => d.Id, d => d.Code);
        var moved = new List<FieldChange>();

        // Chained milestones are dated from others' completion, which planning never changes: one pass dates them all.
        var facts = await FactsAsync(period.PersonId, rows, codes, cancellationToken);
        foreach (var planned in JourneyPlanner.Plan(definitions, period, facts))
        {
            if (!byDefinition.TryGetValue(planned.Definition.Id, out var row))
            {
                db.Milestones.Add(new Milestone
                {
                    Id = Guid.NewGuid(),
                    PersonId = period.PersonId,
                    CustodyPeriodId = period.Id,
                    DefinitionId = planned.Definition.Id,
                    State = MilestoneState.Open,
                    DueOn = planned.DueOn,
                    Applies = planned.Applies,
                });
                continue;
            }

            if (row.State != MilestoneState.Open || (row.DueOn == planned.DueOn && row.Applies == planned.Applies))
            {
                continue;
            }

            if (row.DueOn != planned.DueOn)
            {
                moved.Add(new FieldChange(planned.Definition.Title, Due(row.DueOn), Due(planned.DueOn)));
            }

            row.DueOn = planned.DueOn;
            row.Applies = planned.Applies;
            row.Version = Guid.NewGuid();
        }

        if (moved.Count > 0)
        {
            audit.Record(new MilestoneDatesMoved(period.PersonId, period.Id, moved, reason));
        }
    }

    /// <summary>Marks an open milestone done, on a date not in the future, with what shows it.</summary>
    public Task<WriteResult> CompleteAsync(Guid personId, Guid milestoneId, Guid version, MilestoneDoneInput input, CancellationToken cancellationToken) =>
        ChangeAsync(personId, milestoneId, version, async (milestone, period, title) =>
        {
            if (milestone.State != MilestoneState.Open)
            {
                return new Refusal("This milestone is already closed; reopen it first");
            }

            var today = Display.Today(time);
            var validator = new InlineValidator<MilestoneDoneInput>
            {
                v => v.RuleFor(x => x.DoneOn).Satisfies(_ => new DateRule("Date done", "Enter the date it was done", period.ReceptionOn.AddYears(-1), today,
                    "Date done must be no more than a year before the reception date", "Date done must be today or in the past")),
                v => v.RuleFor(x => x.Evidence).SafeText("Evidence", Milestone.EvidenceMaxLength, multiline: true),
            };
            if (validator.Validate(input).Errors.FirstOrDefault() is { } failure)
            {
                return new Refusal(failure.ErrorMessage, failure.PropertyName);
            }

            input.DoneOn.TryGetDate(out var doneOn);
            milestone.State = MilestoneState.Done;
            milestone.DoneOn = doneOn;
            milestone.Evidence = TextRules.Tidy(input.Evidence);
            Stamp(milestone);
            audit.Record(new Journeys.MilestoneDone(personId, milestone.Id, title, doneOn));
            await RefreshAsync(period, $"{title} done", cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>Marks an open milestone not applicable to this person, with the reason.</summary>
    public Task<WriteResult> NotApplicableAsync(Guid personId, Guid milestoneId, Guid version, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(personId, milestoneId, version, (milestone, period, title) =>
        {
            if (milestone.State != MilestoneState.Open)
            {
                return Task.FromResult<Refusal?>(new Refusal("This milestone is already closed; reopen it first"));
            }

            if (ReasonError(reason) is { } error)
            {
                return Task.FromResult<Refusal?>(new Refusal(error, "Reason"));
            }

            milestone.State = MilestoneState.NotApplicable;
            milestone.NotApplicableReason = reason!.Trim();
            Stamp(milestone);
            audit.Record(new MilestoneNotApplicable(personId, milestone.Id, title, milestone.NotApplicableReason));
            return Task.FromResult<Refusal?>(null);
        }, cancellationToken);

    /// <summary>Reopens a milestone marked done or not applicable by mistake; its date follows its anchor again.</summary>
    public Task<WriteResult> ReopenAsync(Guid personId, Guid milestoneId, Guid version, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(personId, milestoneId, version, async (milestone, period, title) =>
        {
            if (milestone.State == MilestoneState.Open)
            {
                return new Refusal("This milestone is open already");
            }

            if (ReasonError(reason) is { } error)
            {
                return new Refusal(error, "Reason");
            }

            milestone.State = MilestoneState.Open;
            milestone.DoneOn = null;
            milestone.Evidence = null;
            milestone.NotApplicableReason = null;
            Stamp(milestone);
            audit.Record(new MilestoneReopened(personId, milestone.Id, title, reason!.Trim()));
            await RefreshAsync(period, $"{title} reopened", cancellationToken);
            return null;
        }, cancellationToken);

    private static string? ReasonError(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? ReasonRequired
        : reason.Length > Milestone.ReasonMaxLength ? $"Reason must be {Milestone.ReasonMaxLength} characters or fewer"
        : !TextRules.IsSafe(reason, multiline: true) ? "Reason must not contain hidden control characters"
        : null;

    private void Stamp(Milestone milestone)
    {
        milestone.RecordedAt = Now;
        milestone.RecordedByUserId = user.RequireUserId();
        milestone.Version = Guid.NewGuid();
    }

    private async Task<WriteResult> ChangeAsync(
        Guid personId, Guid milestoneId, Guid version, Func<Milestone, CustodyPeriod, string, Task<Refusal?>> change, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.SingleOrDefaultAsync(m => m.Id == milestoneId && m.PersonId == personId && db.People.Any(p => p.Id == m.PersonId), cancellationToken);
        if (milestone is null)
        {
            return new WriteResult.NotFound();
        }

        if (!CustodyAccess.RightsFor(user).Has(CustodyRight.Record))
        {
            return new WriteResult.Refused(NotPermitted);
        }

        if (milestone.Version != version)
        {
            return new WriteResult.Conflict();
        }

        var period = await db.CustodyPeriods.SingleAsync(p => p.Id == milestone.CustodyPeriodId, cancellationToken);
        var title = await db.MilestoneDefinitions.Where(d => d.Id == milestone.DefinitionId).Select(d => d.Title).SingleAsync(cancellationToken);
        if (await change(milestone, period, title) is { } refused)
        {
            db.ChangeTracker.Clear();
            return new WriteResult.Refused(refused.Message, refused.Field);
        }

        return await db.SaveOrConflictAsync(new WriteResult.Done(milestoneId), cancellationToken);
    }

    private async Task<JourneyFacts> FactsAsync(Guid personId, IEnumerable<Milestone> rows, IReadOnlyDictionary<Guid, string> codes, CancellationToken cancellationToken)
    {
        // Facts, not a view: the whole person's open care counts, whoever's change moved the dates.
        var open = await db.Episodes.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.PersonId == personId && e.State != EpisodeState.Closed)
            .Select(e => new { e.ServiceId, e.StartedOn })
            .ToListAsync(cancellationToken);
        var done = rows.Where(m => m.State == MilestoneState.Done && m.DoneOn is not null && codes.ContainsKey(m.DefinitionId))
            .ToDictionary(m => codes[m.DefinitionId], m => m.DoneOn!.Value);
        return new JourneyFacts(open.Count == 0 ? null : open.Max(e => e.StartedOn), open.Select(e => e.ServiceId).ToHashSet(), done);
    }

    private static string Due(DateOnly? date) => date is { } d ? Display.Date(d) : "Not yet dated";
}
