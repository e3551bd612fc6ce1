using Throughcare.Web.Domain.Audit;

namespace Throughcare.Web.Domain.Episodes;

/// <summary>One strand of a new episode and the worker allocated to it.</summary>
public sealed record StrandWorker(Guid ServiceStrandId, Guid WorkerUserId);

/// <summary>Allocation opened the person's episode with the service, a worker on each strand.</summary>
[ReadRequires(EpisodeRight.See)]
public sealed record EpisodeOpened(Guid EpisodeId, Guid PersonId, Guid ReferralId, Guid ServiceId, IReadOnlyList<StrandWorker> Strands) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Episode, EpisodeId, PersonId, EpisodeId);

    public override string Action() => AuditActions.Create;

    public override IEnumerable<Guid> Mentions() => [ServiceId, .. Strands.SelectMany(s => new[] { s.ServiceStrandId, s.WorkerUserId })];

    public override AuditDescription Describe(AuditLabels labels) =>
        new($"Episode with {labels.Name(ServiceId)} opened", Strands.Select(s => new FieldChange(labels.Name(s.ServiceStrandId, "Strand"), null, labels.Name(s.WorkerUserId))).ToList());
}

/// <summary>A strand passed to another worker; the earlier allocation is ended, not overwritten.</summary>
[ReadRequires(EpisodeRight.See)]
public sealed record EpisodeWorkerChanged(Guid EpisodeId, Guid PersonId, Guid EpisodeStrandId, Guid ServiceStrandId, Guid FromWorkerId, Guid ToWorkerId, string Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Episode, EpisodeId, PersonId, EpisodeId);

    public override IEnumerable<Guid> Mentions() => [ServiceStrandId, FromWorkerId, ToWorkerId];

    public override AuditDescription Describe(AuditLabels labels) =>
        new($"{labels.Name(ServiceStrandId, "Strand")}: worker changed", [new FieldChange("Worker", labels.Name(FromWorkerId), labels.Name(ToWorkerId))], Reason);
}
