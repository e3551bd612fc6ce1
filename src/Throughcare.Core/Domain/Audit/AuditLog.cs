using System.Text.Json;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.Audit;

/// <summary>
/// Adds audit rows to the unit of work. A write's row is saved by the service's own SaveChangesAsync, so the change
/// and its audit commit together; a read is saved at once, before any personal data is returned.
/// </summary>
public sealed class AuditLog(ThroughcareDbContext db, CurrentUser user, TimeProvider time)
{
    public AuditEvent Add(string recordType, string? recordId, string action, Guid? personId = null, object? details = null, AuditOutcome outcome = AuditOutcome.Success, string? purpose = null) =>
        db.AuditEvents.Add(Create(recordType, recordId, action, personId, details, outcome, purpose)).Entity;

    /// <summary>A row about the current user's request, not yet part of any unit of work (reads go to <see cref="AuditAppender"/>).</summary>
    public AuditEvent Create(
        string recordType,
        string? recordId,
        string action,
        Guid? personId = null,
        object? details = null,
        AuditOutcome outcome = AuditOutcome.Success,
        string? purpose = null)
    {
        return new AuditEvent
        {
            OccurredAt = AuditChain.TruncateToMicroseconds(time.GetUtcNow().UtcDateTime),
            UserId = user.UserId,
            UserName = user.UserName,
            OrganisationId = user.OrganisationId,
            Role = user.Roles.Count == 0 ? null : string.Join(",", user.Roles),
            PersonId = personId,
            RecordType = recordType,
            RecordId = recordId,
            Action = action,
            Outcome = outcome,
            Purpose = purpose,
            CorrelationId = user.CorrelationId,
            ClientRequestId = user.ClientRequestId,
            Details = details is null ? null : JsonSerializer.Serialize(details, JsonOptions),
        };
    }

    /// <summary>Adds the row for a typed event to the unit of work: it commits with the change it records.</summary>
    public AuditEvent Record(AuditedEvent e, AuditOutcome outcome = AuditOutcome.Success, string? purpose = null)
    {
        var subject = e.Subject();
        var audit = Add(subject.RecordType, subject.RecordId.ToString(), e.Action(), subject.PersonId, outcome: outcome, purpose: purpose);
        audit.EventType = AuditEventTypes.NameOf(e);
        audit.AggregateId = subject.AggregateId;
        audit.Details = AuditEventTypes.Serialize(e);
        return audit;
    }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

public static class AuditRecordTypes
{
    public const string Person = "person";
    public const string Organisation = "organisation";
    public const string Team = "team";
    public const string User = "user";
    public const string Session = "session";
    public const string Audit = "audit";
    public const string Service = "service";
    public const string Referral = "referral";
    public const string Document = "document";
    public const string Episode = "episode";
    public const string Contact = "contact";
    public const string Appointment = "appointment";
    public const string NeedsAssessment = "needs-assessment";
    public const string Goal = "goal";
    public const string GoalAction = "goal-action";
    public const string Measure = "measure";
    public const string Instrument = "instrument";
    public const string EpisodeReview = "episode-review";
    public const string ReflectiveReview = "reflective-review";
    public const string ApiToken = "api-token";
    public const string CareRole = "care-role";
    public const string ResettlementPathway = "resettlement-pathway";
    public const string ReminderPreference = "reminder-preference";
    public const string CalendarFeed = "calendar-feed";
    public const string CustodyPeriod = "custody-period";
    public const string Milestone = "milestone";
    public const string JourneyTemplate = "journey-template";
    public const string ReleaseList = "release-list";
}
