using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.ReferenceData;

namespace Throughcare.Core.Domain.Services;

/// <summary>
/// An administrator added a service their organisation runs; the changes are every setting given, from nothing (codes
/// as stored). A service is nobody's personal data: its events name no person and are read by the audit search.
/// </summary>
public sealed record ServiceCreated(Guid ServiceId, Guid OrganisationId, IReadOnlyList<FieldChange> Changes) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Service, ServiceId, null);

    public override string Action() => AuditActions.Create;

    public override IEnumerable<Guid> Mentions() => [OrganisationId];

    public override AuditDescription Describe(AuditLabels labels) => new($"Service added by {labels.Name(OrganisationId)}", ServiceLabels.Labelled(Changes));
}

/// <summary>An administrator changed a service's settings, each from and to (codes as stored).</summary>
public sealed record ServiceUpdated(Guid ServiceId, IReadOnlyList<FieldChange> Changes) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Service, ServiceId, null);

    public override AuditDescription Describe(AuditLabels labels) => new("Service details changed", ServiceLabels.Labelled(Changes));
}

/// <summary>An administrator added a strand of support to a service: its name, the job role that gives it and its interventions.</summary>
public sealed record ServiceStrandAdded(Guid ServiceId, Guid StrandId, string Name, string WorkerRole, string InterventionList) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Service, ServiceId, null);

    public override AuditDescription Describe(AuditLabels labels) => new("Strand added",
    [
        new FieldChange("Strand", null, $"{Name} ({JobRoles.All.LabelFor(WorkerRole) ?? WorkerRole})"),
        new FieldChange($"Interventions for {Name}", null, Interventions.Lists.LabelFor(InterventionList) ?? InterventionList),
    ]);
}
