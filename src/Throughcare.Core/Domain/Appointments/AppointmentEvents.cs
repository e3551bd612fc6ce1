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

    public override AuditDescription Describe(AuditLabels labels) => new(SeriesId is null ? "Appointment booked" : "Appointment booked in a repeating series",
        Appointment.Labelled(labels).Where(f => f.Value is not null).Select(f => new FieldChange(f.Field, null, f.Value)).ToList());
}

/// <summary>An appointment moved; the audit keeps its earlier time.</summary>
[ReadRequires(EpisodeRight.See)]
public sealed record AppointmentRescheduled(Guid EpisodeId, Guid PersonId, Guid AppointmentId, DateTime FromStartsAt, int FromDurationMinutes, DateTime ToStartsAt, int ToDurationMinutes, string Reason)
    : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Appointment, AppointmentId, PersonId, EpisodeId);

    public override AuditDescription Describe(AuditLabels labels)
    {
        var changes = new List<FieldChange>();
        if (FromStartsAt != ToStartsAt)
        {
            changes.Add(new FieldChange("Date and time", Display.DateTime(FromStartsAt), Display.DateTime(ToStartsAt)));
        }

        if (FromDurationMinutes != ToDurationMinutes)
        {
            changes.Add(new FieldChange("Length", AppointmentLabels.Length(FromDurationMinutes), AppointmentLabels.Length(ToDurationMinutes)));
        }

        return new AuditDescription("Appointment rescheduled", changes, Reason);
    }
}

[ReadRequires(EpisodeRight.See)]
public sealed record AppointmentCancelled(Guid EpisodeId, Guid PersonId, Guid AppointmentId, CancelledBy CancelledBy, string Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Appointment, AppointmentId, PersonId, EpisodeId);

    public override AuditDescription Describe(AuditLabels labels) =>
        new("Appointment cancelled", [new FieldChange("State", "Booked", AppointmentLabels.Cancelled(CancelledBy))], Reason);
}

[ReadRequires(EpisodeRight.See)]
public sealed record AppointmentClosed(Guid EpisodeId, Guid PersonId, Guid AppointmentId, Guid ContactId, Attendance Outcome) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Appointment, AppointmentId, PersonId, EpisodeId);

    public override AuditDescription Describe(AuditLabels labels) =>
        new("Appointment closed as a contact", [new FieldChange("State", "Booked", "Closed"), new FieldChange("Attendance", null, EpisodeStates.Label(Outcome))]);
}

/// <summary>How appointments read on the pages and in the change history.</summary>
public static class AppointmentLabels
{
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
