using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.ReferenceData;

namespace Throughcare.Core.Domain.ReleaseLists;

/// <summary>The person was on a borough's release list sent to its leads: who it went to, as the person's own record of sharing.</summary>
public sealed record ReleaseListShared(Guid PersonId, Guid SendId, string Borough, IReadOnlyList<string> Recipients) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.ReleaseList, SendId, PersonId);

    public override string Action() => AuditActions.Export;

    public override AuditDescription Describe(AuditLabels labels) =>
        new($"On {Boroughs.All.LabelFor(Borough) ?? Borough}'s release list, sent to its leads", [new FieldChange("Sent to", null, string.Join(", ", Recipients))]);
}

/// <summary>A borough lead was added to, or removed from, the people its release list goes to.</summary>
public sealed record BoroughLeadChanged(Guid LeadId, string Borough, string Name, string Email, bool Removed) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.ReleaseList, LeadId, null);

    public override string Action() => Removed ? AuditActions.Delete : AuditActions.Create;

    public override AuditDescription Describe(AuditLabels labels) =>
        new($"{(Removed ? "Removed" : "Added")} as a lead for {Boroughs.All.LabelFor(Borough) ?? Borough}", [new FieldChange("Lead", null, $"{Name} ({Email})")]);
}
