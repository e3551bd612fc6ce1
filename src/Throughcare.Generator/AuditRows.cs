using Throughcare.Core.Domain.Audit;

namespace Throughcare.Generator;

/// <summary>Audit rows as the application's AuditLog writes them, for a member of staff at a moment in the past.</summary>
public static class AuditRows
{
    public static AuditEvent Of(AuditedEvent e, Staff? by, DateTime at, Partnership.Ids ids)
    {
        var subject = e.Subject();
        var audit = Row(subject.RecordType, subject.RecordId, e.Action(), subject.PersonId, by, at, ids);
        audit.EventType = AuditEventTypes.NameOf(e);
        audit.AggregateId = subject.AggregateId;
        audit.Details = AuditEventTypes.Serialize(e);
        return audit;
    }

    /// <summary>A read of a person's data: the person page, an episode, a search listing them.</summary>
    public static AuditEvent Read(string recordType, Guid recordId, Guid personId, string action, Staff by, DateTime at, Partnership.Ids ids) =>
        Row(recordType, recordId, action, personId, by, at, ids);

    private static AuditEvent Row(string recordType, Guid recordId, string action, Guid? personId, Staff? by, DateTime at, Partnership.Ids ids) => new()
    {
        Id = ids.Next(),
        OccurredAt = AuditChain.TruncateToMicroseconds(at),
        UserId = by?.Id,
        UserName = by?.Email,
        OrganisationId = by?.OrganisationId,
        Role = by?.Role,
        PersonId = personId,
        RecordType = recordType,
        RecordId = recordId.ToString(),
        Action = action,
        Outcome = AuditOutcome.Success,
        CorrelationId = ids.Next().ToString("N"),
    };
}
