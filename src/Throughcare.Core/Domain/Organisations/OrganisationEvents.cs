using Throughcare.Core.Domain.Audit;

namespace Throughcare.Core.Domain.Organisations;

/// <summary>A partnership administrator added an organisation; the changes are its details, from nothing.</summary>
public sealed record OrganisationCreated(Guid OrganisationId, IReadOnlyList<FieldChange> Changes) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Organisation, OrganisationId, null);

    public override string Action() => AuditActions.Create;

    public override AuditDescription Describe(AuditLabels labels) => new("Organisation added", OrganisationLabels.Labelled(Changes));
}

public sealed record OrganisationUpdated(Guid OrganisationId, IReadOnlyList<FieldChange> Changes) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Organisation, OrganisationId, null);

    public override AuditDescription Describe(AuditLabels labels) => new("Organisation details changed", OrganisationLabels.Labelled(Changes));
}

/// <summary>A partnership administrator opened an organisation's administration pages: an action of theirs the organisation sees.</summary>
public sealed record OrganisationOpened(Guid OrganisationId) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Organisation, OrganisationId, null);

    public override string Action() => AuditActions.View;

    public override AuditDescription Describe(AuditLabels labels) => new("Organisation's administration pages opened");
}

public sealed record TeamAdded(Guid TeamId, Guid OrganisationId, string Name) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Team, TeamId, null);

    public override string Action() => AuditActions.Create;

    public override IEnumerable<Guid> Mentions() => [OrganisationId];

    public override AuditDescription Describe(AuditLabels labels) => new($"Team added to {labels.Name(OrganisationId)}", [new FieldChange("Team", null, Name)]);
}

/// <summary>How an organisation's changes read: its kind by label, two-factor as yes or no.</summary>
public static class OrganisationLabels
{
    public static IReadOnlyList<FieldChange> Labelled(IReadOnlyList<FieldChange> changes) =>
        [.. changes.Select(c => c.Field switch
        {
            OrganisationDetails.KindField => c with { From = Kind(c.From), To = Kind(c.To) },
            OrganisationDetails.BoroughField => c with { From = Borough(c.From), To = Borough(c.To) },
            _ => c,
        })];

    private static string? Borough(string? code) => code is null ? null : ReferenceData.Boroughs.All.LabelFor(code) ?? code;

    private static string? Kind(string? value) => Enum.TryParse<OrganisationKind>(value, out var kind) ? OrganisationKinds.Label(kind) : value;
}
