using System.Globalization;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Appointments;

/// <summary>An appointment's facts as the audit keeps them.</summary>
public sealed record AppointmentFacts(
    DateTime StartsAt, int DurationMinutes, AppointmentPlace Place, string? PlaceDetail, Guid ServiceStrandId, Guid WorkerUserId, Guid? SecondWorkerUserId, string? Interpreter)
{
    public static AppointmentFacts Of(Appointment a) => new(a.StartsAt, a.DurationMinutes, a.Place, a.PlaceDetail, a.ServiceStrandId, a.WorkerUserId, a.SecondWorkerUserId, a.Interpreter);

    /// <summary>How a booking reads in the change history.</summary>
    public AuditDescription Booked(AuditLabels labels, Guid? seriesId) => new(seriesId is null ? "Appointment booked" : "Appointment booked in a repeating series",
        Labelled(labels).Where(f => f.Value is not null).Select(f => new FieldChange(f.Field, null, f.Value)).ToList());

    public IReadOnlyList<(string Field, string? Value)> Labelled(AuditLabels labels) =>
    [
        ("Date and time", Display.DateTime(StartsAt)),
        ("Length", AppointmentLabels.Length(DurationMinutes)),
        ("Place", AppointmentLabels.Place(Place, PlaceDetail)),
        ("Strand", labels.Name(ServiceStrandId, "Strand")),
        ("Worker", labels.Name(WorkerUserId)),
        ("Second worker", SecondWorkerUserId is null ? null : labels.Name(SecondWorkerUserId)),
        ("Interpreter", Interpreter),
    ];
}

[ReadRequires(EpisodeRight.See)]
public sealed record AppointmentBooked(Guid EpisodeId, Guid PersonId, Guid AppointmentId, AppointmentFacts Appointment, Guid? SeriesId) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Appointment, AppointmentId, PersonId, EpisodeId);

    public override string Action() => AuditActions.Create;

    public override IEnumerable<Guid> Mentions() =>
        [Appointment.ServiceStrandId, Appointment.WorkerUserId, .. Appointment.SecondWorkerUserId is { } second ? new[] { second } : []];

    public override AuditDescription Describe(AuditLabels labels) => Appointment.Booked(labels, SeriesId);
}

/// <summary>An appointment moved; the audit keeps its earlier time.</summary>
[ReadRequires(EpisodeRight.See)]
public sealed record AppointmentRescheduled(Guid EpisodeId, Guid PersonId, Guid AppointmentId, DateTime FromStartsAt, int FromDurationMinutes, DateTime ToStartsAt, int ToDurationMinutes, string Reason)
    : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Appointment, AppointmentId, PersonId, EpisodeId);

    public override AuditDescription Describe(AuditLabels labels) => AppointmentLabels.Rescheduled(FromStartsAt, FromDurationMinutes, ToStartsAt, ToDurationMinutes, Reason);
}

[ReadRequires(EpisodeRight.See)]
public sealed record AppointmentCancelled(Guid EpisodeId, Guid PersonId, Guid AppointmentId, CancelledBy CancelledBy, string Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Appointment, AppointmentId, PersonId, EpisodeId);

    public override AuditDescription Describe(AuditLabels labels) => AppointmentLabels.CancelledDescription(CancelledBy, Reason);
}

[ReadRequires(EpisodeRight.See)]
public sealed record AppointmentClosed(Guid EpisodeId, Guid PersonId, Guid AppointmentId, Guid ContactId, Attendance Outcome) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Appointment, AppointmentId, PersonId, EpisodeId);

    public override AuditDescription Describe(AuditLabels labels) =>
        new("Appointment closed as a contact", [new FieldChange("State", "Booked", "Closed"), new FieldChange("Attendance", null, EpisodeStates.Label(Outcome))]);
}

/// <summary>An appointment outside any episode was booked: its own record, read by the organisation that booked it.</summary>
[ReadRequires(PersonAppointmentRight.See)]
public sealed record PersonAppointmentBooked(Guid PersonId, Guid AppointmentId, AppointmentFacts Appointment, Guid? SeriesId) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Appointment, AppointmentId, PersonId, AppointmentId);

    public override string Action() => AuditActions.Create;

    public override IEnumerable<Guid> Mentions() =>
        [Appointment.ServiceStrandId, Appointment.WorkerUserId, .. Appointment.SecondWorkerUserId is { } second ? new[] { second } : []];

    public override AuditDescription Describe(AuditLabels labels) => Appointment.Booked(labels, SeriesId);
}

[ReadRequires(PersonAppointmentRight.See)]
public sealed record PersonAppointmentRescheduled(Guid PersonId, Guid AppointmentId, DateTime FromStartsAt, int FromDurationMinutes, DateTime ToStartsAt, int ToDurationMinutes, string Reason)
    : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Appointment, AppointmentId, PersonId, AppointmentId);

    public override AuditDescription Describe(AuditLabels labels) => AppointmentLabels.Rescheduled(FromStartsAt, FromDurationMinutes, ToStartsAt, ToDurationMinutes, Reason);
}

[ReadRequires(PersonAppointmentRight.See)]
public sealed record PersonAppointmentCancelled(Guid PersonId, Guid AppointmentId, CancelledBy CancelledBy, string Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Appointment, AppointmentId, PersonId, AppointmentId);

    public override AuditDescription Describe(AuditLabels labels) => AppointmentLabels.CancelledDescription(CancelledBy, Reason);
}

/// <summary>An appointment outside any episode was closed with its attendance: there is no episode to record a contact on.</summary>
[ReadRequires(PersonAppointmentRight.See)]
public sealed record PersonAppointmentClosed(Guid PersonId, Guid AppointmentId, Attendance Outcome) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Appointment, AppointmentId, PersonId, AppointmentId);

    public override AuditDescription Describe(AuditLabels labels) =>
        new("Appointment closed", [new FieldChange("State", "Booked", "Closed"), new FieldChange("Attendance", null, EpisodeStates.Label(Outcome))]);
}

/// <summary>How appointments read on the pages and in the change history.</summary>
public static class AppointmentLabels
{
    public static AuditDescription Rescheduled(DateTime fromStartsAt, int fromMinutes, DateTime toStartsAt, int toMinutes, string reason)
    {
        var changes = new List<FieldChange>();
        if (fromStartsAt != toStartsAt)
        {
            changes.Add(new FieldChange("Date and time", Display.DateTime(fromStartsAt), Display.DateTime(toStartsAt)));
        }

        if (fromMinutes != toMinutes)
        {
            changes.Add(new FieldChange("Length", Length(fromMinutes), Length(toMinutes)));
        }

        return new AuditDescription("Appointment rescheduled", changes, reason);
    }

    public static AuditDescription CancelledDescription(CancelledBy by, string reason) =>
        new("Appointment cancelled", [new FieldChange("State", "Booked", Cancelled(by))], reason);

    public static string Place(AppointmentPlace place) => place switch
    {
        AppointmentPlace.ServiceLocation => "Service location",
        AppointmentPlace.Home => "The person's home",
        AppointmentPlace.Prison => "Prison",
        AppointmentPlace.Court => "Court",
        AppointmentPlace.Video => "Video",
        _ => "Phone",
    };

    public static string Place(AppointmentPlace place, string? detail) => detail is null ? Place(place) : $"{Place(place)}: {detail}";

    public static string Length(int minutes) => $"{minutes.ToString(CultureInfo.InvariantCulture)} minutes";

    public static string Cancelled(CancelledBy by) => by == CancelledBy.Person ? "Cancelled by the person" : "Cancelled by the service";

    public static string Repeat(RepeatRule rule) => rule == RepeatRule.Weekly ? "Every week" : "Every 2 weeks";

    public static string State(AppointmentState state) => state switch
    {
        AppointmentState.Booked => "Booked",
        AppointmentState.Cancelled => "Cancelled",
        _ => "Closed",
    };

    /// <summary>How the contact an appointment closes as took place, from where it was booked.</summary>
    public static ContactMode Mode(AppointmentPlace place) => place switch
    {
        AppointmentPlace.Home => ContactMode.HomeVisit,
        AppointmentPlace.Prison => ContactMode.PrisonVisit,
        AppointmentPlace.Video => ContactMode.Video,
        AppointmentPlace.Phone => ContactMode.Phone,
        _ => ContactMode.FaceToFace,
    };
}
