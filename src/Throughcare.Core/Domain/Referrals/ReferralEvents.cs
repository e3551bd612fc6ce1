using Throughcare.Core.Domain.Audit;

namespace Throughcare.Core.Domain.Referrals;

/// <summary>A referrer started a referral to a service. Referral events are read by the two organisations at its ends.</summary>
[ReadRequires(ReferralRight.See)]
public sealed record ReferralStarted(Guid ReferralId, Guid PersonId, Guid ServiceId) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Referral, ReferralId, PersonId, ReferralId);

    public override string Action() => AuditActions.Create;

    public override IEnumerable<Guid> Mentions() => [ServiceId];

    public override AuditDescription Describe(AuditLabels labels) => new($"Referral to {labels.Name(ServiceId)} started");
}

/// <summary>The referrer changed the referral's answers (values as stored: codes by name, dates as ISO).</summary>
[ReadRequires(ReferralRight.See)]
public sealed record ReferralAnswersChanged(Guid ReferralId, Guid PersonId, IReadOnlyList<FieldChange> Changes) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Referral, ReferralId, PersonId, ReferralId);

    public override AuditDescription Describe(AuditLabels labels) => new("Referral answers changed", ReferralLabels.Labelled(Changes));
}

[ReadRequires(ReferralRight.See)]
public sealed record ReferralDocumentAdded(Guid ReferralId, Guid PersonId, Guid DocumentId, string DocumentType, string FileName) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Document, DocumentId, PersonId, ReferralId);

    public override string Action() => AuditActions.Create;

    public override AuditDescription Describe(AuditLabels labels) => new("Document added to a referral", [new FieldChange(ReferralLabels.DocumentType(DocumentType), null, FileName)]);
}

[ReadRequires(ReferralRight.See)]
public sealed record ReferralDocumentRemoved(Guid ReferralId, Guid PersonId, Guid DocumentId, string DocumentType, string FileName) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Document, DocumentId, PersonId, ReferralId);

    public override string Action() => AuditActions.Delete;

    public override AuditDescription Describe(AuditLabels labels) => new("Document removed from a referral", [new FieldChange(ReferralLabels.DocumentType(DocumentType), FileName, null)]);
}

/// <summary>The referral moved in its life cycle: sent, screened, information asked for, accepted, declined or withdrawn.</summary>
[ReadRequires(ReferralRight.See)]
public sealed record ReferralStateChanged(Guid ReferralId, Guid PersonId, ReferralState From, ReferralState To, ReferralCloseReason? CloseReason, string? Note) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Referral, ReferralId, PersonId, ReferralId);

    public override AuditDescription Describe(AuditLabels labels) => new(
        To switch
        {
            ReferralState.Submitted => "Referral sent",
            ReferralState.AwaitingInformation => "More information asked for",
            ReferralState.Screening => "Screening started",
            _ => $"Referral {ReferralStates.Label(To).ToLowerInvariant()}",
        },
        [new FieldChange("State", ReferralStates.Label(From), ReferralStates.Label(To))],
        CloseReason is { } reason ? ReferralStates.Label(reason) + (Note is null ? "" : $": {Note}") : Note);
}

/// <summary>The receiving service treated an eligibility rule as met, and why: screening, which the referrer never reads.</summary>
[ReadRequires(ReferralRight.SeeScreening)]
public sealed record ScreeningRuleOverridden(Guid ReferralId, Guid PersonId, string Rule, string Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Referral, ReferralId, PersonId, ReferralId);

    public override AuditDescription Describe(AuditLabels labels) => new("Eligibility rule overridden", [new FieldChange("Rule", null, Services.Eligibility.RuleName(Rule))], Reason);
}
