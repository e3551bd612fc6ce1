using System.Globalization;
using Throughcare.Core.Domain.Audit;

namespace Throughcare.Core.Domain.ReferenceData;

/// <summary>A partnership administrator added a resettlement pathway.</summary>
public sealed record PathwayAdded(Guid PathwayId, string Code, string Label, int Position) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.ResettlementPathway, PathwayId, null);

    public override string Action() => AuditActions.Create;

    public override AuditDescription Describe(AuditLabels labels) =>
        new($"Resettlement pathway {Label} added", [new FieldChange("Code", null, Code), new FieldChange("Position", null, Position.ToString(CultureInfo.InvariantCulture))]);
}

/// <summary>A pathway's label changed; its code, which records hold, did not.</summary>
public sealed record PathwayRenamed(Guid PathwayId, string Code, string From, string To) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.ResettlementPathway, PathwayId, null);

    public override AuditDescription Describe(AuditLabels labels) =>
        new("Resettlement pathway renamed", [new FieldChange("Label", From, To)]);
}

/// <summary>A pathway moved up or down the lists.</summary>
public sealed record PathwayMoved(Guid PathwayId, string Code, int From, int To) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.ResettlementPathway, PathwayId, null);

    public override AuditDescription Describe(AuditLabels labels) =>
        new($"Resettlement pathway {labels.Pathways.Label(Code)} moved",
            [new FieldChange("Position", From.ToString(CultureInfo.InvariantCulture), To.ToString(CultureInfo.InvariantCulture))]);
}

/// <summary>A pathway was retired (no longer offered on forms) or brought back.</summary>
public sealed record PathwayRetired(Guid PathwayId, string Code, bool Retired) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.ResettlementPathway, PathwayId, null);

    public override AuditDescription Describe(AuditLabels labels) =>
        new(Retired ? $"Resettlement pathway {labels.Pathways.Label(Code)} retired" : $"Resettlement pathway {labels.Pathways.Label(Code)} brought back",
            [new FieldChange("Retired", Retired ? "No" : "Yes", Retired ? "Yes" : "No")]);
}
