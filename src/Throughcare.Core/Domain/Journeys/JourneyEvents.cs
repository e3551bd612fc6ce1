using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Journeys;

/// <summary>Milestones' due dates followed an anchor that moved (a key date, the release, another milestone); the reason is the anchor's.</summary>
public sealed record MilestoneDatesMoved(Guid PersonId, Guid CustodyPeriodId, IReadOnlyList<FieldChange> Changes, string? Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.CustodyPeriod, CustodyPeriodId, PersonId);

    public override AuditDescription Describe(AuditLabels labels) =>
        new(Changes.Count == 1 ? "A milestone's date moved" : $"{Changes.Count} milestones' dates moved", Changes, Reason);
}

public sealed record MilestoneDone(Guid PersonId, Guid MilestoneId, string Title, DateOnly DoneOn) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Milestone, MilestoneId, PersonId);

    public override AuditDescription Describe(AuditLabels labels) => new($"Milestone done: {Title}", [new FieldChange("Done on", null, Display.Date(DoneOn))]);
}

public sealed record MilestoneNotApplicable(Guid PersonId, Guid MilestoneId, string Title, string Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Milestone, MilestoneId, PersonId);

    public override AuditDescription Describe(AuditLabels labels) => new($"Milestone not applicable: {Title}", [], Reason);
}

public sealed record MilestoneReopened(Guid PersonId, Guid MilestoneId, string Title, string Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Milestone, MilestoneId, PersonId);

    public override AuditDescription Describe(AuditLabels labels) => new($"Milestone reopened: {Title}", [], Reason);
}
