using Throughcare.Core.Domain.Episodes;

namespace Throughcare.Core.Domain.Appointments;

/// <summary>Where an appointment takes place.</summary>
public enum AppointmentPlace { ServiceLocation, Home, Prison, Court, Video, Phone }

/// <summary>Booked until it is cancelled or closed as a contact; "overdue" (open a day after its time) is computed, never stored.</summary>
public enum AppointmentState { Booked, Cancelled, Closed }

/// <summary>Who called an appointment off.</summary>
public enum CancelledBy { Person, Service }

/// <summary>How a series of appointments repeats.</summary>
public enum RepeatRule { Weekly, Fortnightly }

/// <summary>How the person would like to be reminded.</summary>
public enum ReminderChannel { Email, TextMessage }

/// <summary>
/// A session booked ahead with a person, on one strand of their episode or, for work without an episode (liaison and
/// diversion in a custody suite, a hub's drop-in), on a strand of the booking organisation's own services: when, how
/// long, where, with which worker (and optionally a second worker or an interpreter). It is cancelled, or closed with
/// its attendance (as a contact, on an episode); a reschedule moves it and keeps the earlier time in the audit trail.
/// </summary>
public sealed class Appointment
{
    public const int PlaceDetailMaxLength = 200;
    public const int InterpreterMaxLength = 200;
    public const int ReasonMaxLength = 2000;

    public Guid Id { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>The episode it is booked on; null for an appointment with the person outside any episode.</summary>
    public Guid? EpisodeId { get; set; }
    public Guid ServiceStrandId { get; set; }

    /// <summary>The organisation of the service whose appointment it is: outside an episode, the only one that sees it.</summary>
    public Guid OrganisationId { get; set; }

    /// <summary>When it starts (UTC); entered and shown as UK time.</summary>
    public DateTime StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public AppointmentPlace Place { get; set; }

    /// <summary>Which location, prison or court, or the video link's name: what a calendar may show beside the initials.</summary>
    public string? PlaceDetail { get; set; }

    public Guid WorkerUserId { get; set; }
    public Guid? SecondWorkerUserId { get; set; }

    /// <summary>The interpreter booked, by name (interpreters rarely hold an account); clashes compare it case-insensitively.</summary>
    public string? Interpreter { get; set; }

    /// <summary>The repeating series it was booked in, if any.</summary>
    public Guid? SeriesId { get; set; }

    public AppointmentState State { get; set; }

    public DateTime? CancelledAt { get; set; }
    public Guid? CancelledByUserId { get; set; }
    public CancelledBy? CancelledBy { get; set; }
    public string? CancellationReason { get; set; }

    /// <summary>The contact it was closed as, with the attendance recorded on it; none for an appointment outside an episode.</summary>
    public Guid? ContactId { get; set; }
    public Attendance? Outcome { get; set; }
    public DateTime? ClosedAt { get; set; }
    public Guid? ClosedByUserId { get; set; }

    /// <summary>When the reminder to the person was queued: each appointment is reminded of once.</summary>
    public DateTime? ReminderQueuedAt { get; set; }

    public DateTime BookedAt { get; set; }
    public Guid BookedByUserId { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public Guid? SubmissionId { get; set; }

    public DateTime EndsAt => StartsAt.AddMinutes(DurationMinutes);
}

/// <summary>A repeating booking: its rule, its first and last dates, and the dates skipped.</summary>
public sealed class AppointmentSeries
{
    public Guid Id { get; set; }

    /// <summary>The episode it is booked on; null outside an episode.</summary>
    public Guid? EpisodeId { get; set; }
    public RepeatRule Rule { get; set; }
    public DateOnly FirstDate { get; set; }
    public DateOnly LastDate { get; set; }

    /// <summary>Dates within the series on which no appointment was made.</summary>
    public List<DateOnly> Exceptions { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
}

/// <summary>Whether and how a person agreed to be reminded of appointments: recorded once per person, with who recorded it.</summary>
public sealed class ReminderPreference
{
    public Guid PersonId { get; set; }
    public bool Consents { get; set; }
    public ReminderChannel? Channel { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>
/// A worker's calendar feed: an unguessable address (only its SHA-256 hash is kept) that serves their appointments as
/// iCalendar with initials and place alone. Revoking it ends the address; a new one can be made.
/// </summary>
public sealed class CalendarFeed
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
