using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Notifications;

namespace Throughcare.Core.Domain.Appointments;

/// <summary>A reminder of the appointment was queued to the person; the message itself is not kept here, only its channel.</summary>
[ReadRequires(EpisodeRight.See)]
public sealed record AppointmentReminderQueued(Guid AppointmentId, Guid EpisodeId, Guid PersonId, Guid OutboxMessageId, OutboxChannel Channel) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Appointment, AppointmentId, PersonId, EpisodeId);

    public override string Action() => AuditActions.Create;

    public override AuditDescription Describe(AuditLabels labels) => ReminderWording.Queued(Channel);
}

/// <summary>A reminder of an appointment outside any episode was queued: read, like the appointment, by the organisation that booked it.</summary>
[ReadRequires(Appointments.PersonAppointmentRight.See)]
public sealed record PersonAppointmentReminderQueued(Guid AppointmentId, Guid PersonId, Guid OutboxMessageId, OutboxChannel Channel) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Appointment, AppointmentId, PersonId, AppointmentId);

    public override string Action() => AuditActions.Create;

    public override AuditDescription Describe(AuditLabels labels) => ReminderWording.Queued(Channel);
}

/// <summary>Staff recorded whether the person agrees to appointment reminders and how they would like them.</summary>
public sealed record ReminderPreferenceChanged(Guid PersonId, IReadOnlyList<FieldChange> Changes) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.ReminderPreference, PersonId, PersonId);

    public override AuditDescription Describe(AuditLabels labels) => new("Appointment reminders changed", Changes);
}

/// <summary>A member of staff made a calendar feed address for their own appointments (the address itself is never kept).</summary>
public sealed record CalendarFeedCreated(Guid UserId, Guid FeedId) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.CalendarFeed, FeedId, null);

    public override string Action() => AuditActions.Create;

    public override AuditDescription Describe(AuditLabels labels) => new("Calendar feed created");
}

public sealed record CalendarFeedRevoked(Guid UserId, Guid FeedId) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.CalendarFeed, FeedId, null);

    public override AuditDescription Describe(AuditLabels labels) => new("Calendar feed revoked");
}
