using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Web.Pages.Episodes.Appointments;

/// <summary>The choices on the appointment forms, and the names an appointment shows.</summary>
public static class AppointmentForm
{
    public static IEnumerable<SelectListItem> PlaceItems =>
        Enum.GetValues<AppointmentPlace>().Select(p => new SelectListItem(AppointmentLabels.Place(p), p.ToString()));

    public static IEnumerable<SelectListItem> RepeatItems =>
        [new SelectListItem("Does not repeat", ""), .. Enum.GetValues<RepeatRule>().Select(r => new SelectListItem(AppointmentLabels.Repeat(r), r.ToString()))];

    public static IEnumerable<SelectListItem> CancelledByItems =>
        Enum.GetValues<CancelledBy>().Select(c => new SelectListItem(c == CancelledBy.Person ? "The person" : "The service", c.ToString()));

    public static IEnumerable<SelectListItem> Choices(IEnumerable<AppointmentChoice> choices) =>
        choices.Select(c => new SelectListItem(c.Name, c.Id.ToString()));

    /// <summary>Display names of the staff and strands the appointments name.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(ThroughcareDbContext db, IEnumerable<Appointment> appointments, IEnumerable<Guid> more, CancellationToken cancellationToken)
    {
        var ids = appointments.SelectMany(a => new[] { a.WorkerUserId, a.SecondWorkerUserId ?? Guid.Empty, a.ServiceStrandId }).Concat(more).Distinct().ToList();
        var users = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        var strands = await db.ServiceStrands.Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        return users.Select(u => (u.Id, u.DisplayName)).Concat(strands.Select(s => (s.Id, s.Name))).ToDictionary(x => x.Item1, x => x.Item2);
    }

    /// <summary>The reschedule form as it opens: at the appointment's own time.</summary>
    public static RescheduleInput RescheduleFrom(Appointment a) => new()
    {
        Date = DateParts.From(Display.LondonDate(a.StartsAt)),
        Time = ContactInput.LondonTime(a.StartsAt),
        DurationMinutes = a.DurationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A stale reschedule's rows: the appointment as saved now beside the user's input.</summary>
    public static IEnumerable<(string Field, string? Saved, string? Yours)> Compare(Appointment saved, RescheduleInput input) =>
    [
        ("Date", Display.Date(Display.LondonDate(saved.StartsAt)), input.Date.TryGetDate(out var date) ? Display.Date(date) : null),
        ("Time", ContactInput.LondonTime(saved.StartsAt), input.Time),
        ("Length in minutes", saved.DurationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture), input.DurationMinutes),
        ("State", AppointmentLabels.State(saved.State), AppointmentLabels.State(AppointmentState.Booked)),
    ];

    /// <summary>A stale cancellation's rows.</summary>
    public static IEnumerable<(string Field, string? Saved, string? Yours)> Compare(Appointment saved, CancelInput input) =>
    [
        ("Date and time", Display.DateTime(saved.StartsAt), Display.DateTime(saved.StartsAt)),
        ("State", AppointmentLabels.State(saved.State), AppointmentLabels.Cancelled(input.CancelledBy!.Value)),
    ];

    /// <summary>The warning a booking's clashes give, or null when it clashes with nothing.</summary>
    public static async Task<ClashWarning?> ClashWarningAsync(ThroughcareDbContext db, AppointmentInput input, CancellationToken cancellationToken) =>
        await WarningAsync(db, await AppointmentClashes.ForAsync(db, input, cancellationToken), cancellationToken);

    /// <summary>The warning a move's clashes give, or null when it clashes with nothing.</summary>
    public static async Task<ClashWarning?> ClashWarningAsync(ThroughcareDbContext db, Guid appointmentId, RescheduleInput input, CancellationToken cancellationToken) =>
        await WarningAsync(db, await AppointmentClashes.ForAsync(db, appointmentId, input, cancellationToken), cancellationToken);

    private static async Task<ClashWarning?> WarningAsync(ThroughcareDbContext db, IReadOnlyList<AppointmentClash> clashes, CancellationToken cancellationToken) =>
        clashes.Count == 0 ? null : new ClashWarning(clashes, await NamesAsync(db, [], clashes.Select(c => c.UserId ?? Guid.Empty), cancellationToken));
}

/// <summary>Clashes as the form warns of them: when, and whose.</summary>
public sealed record ClashWarning(IReadOnlyList<AppointmentClash> Clashes, IReadOnlyDictionary<Guid, string> Names)
{
    public string Who(AppointmentClash clash) => clash.UserId is { } id ? Names.GetValueOrDefault(id) ?? "A worker" : $"Interpreter {clash.Interpreter}";
}

/// <summary>An appointment's summary list as its page shows it, on an episode or outside one, with the names it mentions.</summary>
public sealed record AppointmentSummary(Appointment Appointment, AppointmentSeries? Series, IReadOnlyDictionary<Guid, string> Names, DateTime Now)
{
    public string Name(Guid? id) => id is { } known && Names.TryGetValue(known, out var name) ? name : "Unknown";
}

/// <summary>What the booking form shows, on an episode or outside one.</summary>
public interface IBookingForm
{
    AppointmentInput Input { get; }
    Guid SubmissionId { get; }
    AppointmentRules Rules { get; }
    ClashWarning? Clashes { get; }
}

/// <summary>The version of the appointment a change form was shown at.</summary>
public interface IAppointmentVersion
{
    Guid Version { get; }
}

/// <summary>What the reschedule form shows.</summary>
public interface IRescheduleForm : IAppointmentVersion
{
    RescheduleInput Input { get; }
    ClashWarning? Clashes { get; }
}

/// <summary>What the cancel form shows.</summary>
public interface ICancelForm : IAppointmentVersion
{
    CancelInput Input { get; }
}
