namespace Throughcare.Core.Domain.Accounts;

/// <summary>
/// Lists an audited action of a partnership administrator for an organisation it touched, so that the organisation's
/// data protection officer sees it. The action itself is the audit row; this only says whose business it was.
/// </summary>
public sealed class PartnershipAction
{
    public Guid Id { get; set; }
    public Guid AuditEventId { get; set; }
    public Guid OrganisationId { get; set; }
}
