using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Custody;

/// <summary>A custody period was recorded: the prison, the sentence and whichever key dates were known.</summary>
public sealed record CustodyPeriodRecorded(Guid PersonId, Guid CustodyPeriodId, Guid PrisonId, IReadOnlyList<FieldChange> Changes, Guid? RecalledFromPeriodId = null) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.CustodyPeriod, CustodyPeriodId, PersonId);

    public override string Action() => AuditActions.Create;

    public override IEnumerable<Guid> Mentions() => [PrisonId];

    public override AuditDescription Describe(AuditLabels labels) =>
        new(RecalledFromPeriodId is null ? $"Custody recorded at {labels.Name(PrisonId)}" : $"Recalled to custody at {labels.Name(PrisonId)}", Changes);
}

/// <summary>Key dates or the release plan changed; the reason says why a date moved.</summary>
public sealed record CustodyDatesChanged(Guid PersonId, Guid CustodyPeriodId, IReadOnlyList<FieldChange> Changes, string? Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.CustodyPeriod, CustodyPeriodId, PersonId);

    public override AuditDescription Describe(AuditLabels labels) => new("Custody dates changed", Changes, Reason);
}

/// <summary>Case outcome indicators after release were recorded or changed.</summary>
public sealed record CaseOutcomesRecorded(Guid PersonId, Guid CustodyPeriodId, IReadOnlyList<FieldChange> Changes) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.CustodyPeriod, CustodyPeriodId, PersonId);

    public override AuditDescription Describe(AuditLabels labels) => new("Outcomes after release recorded", Changes);
}

public sealed record PrisonMoveRecorded(Guid PersonId, Guid CustodyPeriodId, Guid FromPrisonId, Guid ToPrisonId, DateOnly MovedOn, MoveReason Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.CustodyPeriod, CustodyPeriodId, PersonId);

    public override IEnumerable<Guid> Mentions() => [FromPrisonId, ToPrisonId];

    public override AuditDescription Describe(AuditLabels labels) => new($"Moved to {labels.Name(ToPrisonId)}",
    [
        new FieldChange("Prison", labels.Name(FromPrisonId), labels.Name(ToPrisonId)),
        new FieldChange("Moved on", null, Display.Date(MovedOn)),
        new FieldChange("Reason", null, CustodyLabels.Move(Reason)),
    ]);
}

public sealed record ReleaseRecorded(Guid PersonId, Guid CustodyPeriodId, DateOnly ReleasedOn, ReleaseKind Kind, ReleaseAccommodation Accommodation, string Borough) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.CustodyPeriod, CustodyPeriodId, PersonId);

    public override AuditDescription Describe(AuditLabels labels) => new("Released",
    [
        new FieldChange("Released on", null, Display.Date(ReleasedOn)),
        new FieldChange("How", null, CustodyLabels.Release(Kind)),
        new FieldChange("Accommodation", null, CustodyLabels.Accommodation(Accommodation)),
        new FieldChange("Borough", null, ReferenceData.Boroughs.All.LabelFor(Borough) ?? Borough),
    ]);
}
