using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Appointments;

/// <summary>One appointment as a diary lists it, with its state as people read it.</summary>
public sealed record DiaryEntry(
    Guid AppointmentId,
    Guid? EpisodeId,
    Guid PersonId,
    string PersonName,
    DateTime StartsAt,
    int DurationMinutes,
    AppointmentPlace Place,
    string? PlaceDetail,
    Guid WorkerUserId,
    Guid? SecondWorkerUserId,
    string? Interpreter,
    AppointmentState State,
    CancelledBy? CancelledBy,
    Attendance? Outcome,
    bool AwaitsClosing,
    bool Overdue)
{
    /// <summary>The UK date it starts on: the day of the diary it belongs to.</summary>
    public DateOnly Day => Display.LondonDate(StartsAt);

    /// <summary>Whether this worker takes part in it, as its worker or its second worker.</summary>
    public bool Involves(Guid userId) => WorkerUserId == userId || SecondWorkerUserId == userId;
}

public enum DiaryView { Day, Week }

/// <summary>A day, or a week from Monday to Sunday, of UK days: its UTC bounds move with British Summer Time.</summary>
public sealed record DiaryPeriod(DiaryView View, DateOnly First, DateOnly Last)
{
    public static DiaryPeriod Day(DateOnly day) => new(DiaryView.Day, day, day);

    public static DiaryPeriod Week(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new(DiaryView.Week, monday, monday.AddDays(6));
    }

    public static DiaryPeriod For(DiaryView view, DateOnly day) => view == DiaryView.Week ? Week(day) : Day(day);

    /// <summary>The period a diary's query names (<c>?view=week&amp;date=2026-03-29</c>): today's day when it names none, or none that exists.</summary>
    public static DiaryPeriod Parse(string? view, string? date, DateOnly today) =>
        For(view == "week" ? DiaryView.Week : DiaryView.Day,
            DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : today);

    /// <summary>The period as a diary's query names it.</summary>
    public (string View, string Date) Query => (View == DiaryView.Week ? "week" : "day", First.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    public bool Contains(DateOnly day) => day >= First && day <= Last;

    /// <summary>The first instant of the first day, in UTC.</summary>
    public DateTime StartsAt => Display.FromLondon(First, TimeOnly.MinValue);

    /// <summary>The first instant after the last day, in UTC.</summary>
    public DateTime EndsAt => Display.FromLondon(Last.AddDays(1), TimeOnly.MinValue);

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, Last.DayNumber - First.DayNumber + 1).Select(First.AddDays);

    public DiaryPeriod Previous => For(View, First.AddDays(View == DiaryView.Week ? -7 : -1));

    public DiaryPeriod Next => For(View, First.AddDays(View == DiaryView.Week ? 7 : 1));
}

/// <summary>
/// Reads diaries: the appointments of some workers (as worker or second worker) that the user may see, through
/// <see cref="DiaryAccess"/>. Every person an answer lists is queued as a read on <see cref="ReadAudit"/> here, before the
/// answer is returned, so no page can list an appointment without recording it.
/// </summary>
public sealed class DiaryReader(ThroughcareDbContext db, CurrentUser user, ReadAudit reads, TimeProvider time)
{
    public const string Purpose = "diary";

    public DiaryAccess Access { get; } = new(db, user);

    /// <summary>The workers' appointments that start within the period, earliest first.</summary>
    public Task<IReadOnlyList<DiaryEntry>> InPeriodAsync(IReadOnlyCollection<Guid> workerIds, DiaryPeriod period, CancellationToken cancellationToken)
    {
        var (from, to) = (period.StartsAt, period.EndsAt);
        return LoadAsync(workerIds, a => a.StartsAt >= from && a.StartsAt < to, _ => true, cancellationToken);
    }

    /// <summary>The worker's appointments whose time has passed and that are still to be closed as a contact, earliest first.</summary>
    public Task<IReadOnlyList<DiaryEntry>> AwaitingClosingAsync(Guid workerId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return LoadAsync([workerId], a => a.State == AppointmentState.Booked && a.StartsAt <= now, e => e.AwaitsClosing, cancellationToken);
    }

    /// <summary>How many of the worker's appointments await closing: a count that shows no one, so it records no read.</summary>
    public async Task<int> CountAwaitingClosingAsync(Guid workerId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return (await FindAsync([workerId], a => a.State == AppointmentState.Booked && a.StartsAt <= now, cancellationToken)).Count(e => e.AwaitsClosing);
    }

    private async Task<IReadOnlyList<DiaryEntry>> LoadAsync(
        IReadOnlyCollection<Guid> workerIds,
        System.Linq.Expressions.Expression<Func<Appointment, bool>> narrow,
        Func<DiaryEntry, bool> keep,
        CancellationToken cancellationToken)
    {
        var entries = (await FindAsync(workerIds, narrow, cancellationToken)).Where(keep).ToList();
        reads.ShownPeople(entries.Select(e => e.PersonId).Distinct(), AuditActions.View, Purpose);
        return entries;
    }

    private async Task<IReadOnlyList<DiaryEntry>> FindAsync(
        IReadOnlyCollection<Guid> workerIds,
        System.Linq.Expressions.Expression<Func<Appointment, bool>> narrow,
        CancellationToken cancellationToken)
    {
        if (workerIds.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        var found = await db.Appointments.AsNoTracking()
            .Where(a => workerIds.Contains(a.WorkerUserId) || (a.SecondWorkerUserId != null && workerIds.Contains(a.SecondWorkerUserId.Value)))
            .Where(narrow)
            .GroupJoin(db.Episodes, a => a.EpisodeId, e => e.Id, (a, es) => new { Appointment = a, Episodes = es })
            .SelectMany(x => x.Episodes.DefaultIfEmpty(), (x, e) => new
            {
                x.Appointment,
                ServiceOrganisationId = e == null ? (Guid?)null : e.ServiceOrganisationId,
                ReferringOrganisationId = e == null ? (Guid?)null : e.ReferringOrganisationId,
                State = e == null ? (EpisodeState?)null : e.State,
            })
            .Join(db.People, x => x.Appointment.PersonId, p => p.Id, (x, p) => new { x.Appointment, x.ServiceOrganisationId, x.ReferringOrganisationId, x.State, Name = p.Details.GivenName + " " + p.Details.FamilyName })
            .ToListAsync(cancellationToken);

        // An appointment on an episode the user cannot find has no episode here (the episodes' filter): it is not listed.
        return found
            .Where(x => x.Appointment.EpisodeId is null
                ? Access.MaySeeOutsideEpisode(x.Appointment.OrganisationId)
                : x.State is { } state && Access.MaySeeEpisode(x.ServiceOrganisationId!.Value, x.ReferringOrganisationId!.Value, state))
            .Select(x =>
            {
                var a = x.Appointment;
                return new DiaryEntry(a.Id, a.EpisodeId, a.PersonId, x.Name, a.StartsAt, a.DurationMinutes, a.Place, a.PlaceDetail, a.WorkerUserId, a.SecondWorkerUserId,
                    a.Interpreter, a.State, a.CancelledBy, a.Outcome, AppointmentDue.AwaitsClosing(a, now), AppointmentDue.IsOverdue(a, now));
            })
            .OrderBy(e => e.StartsAt)
            .ThenBy(e => e.PersonName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The display names of the staff these entries name, workers and second workers.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> StaffNamesAsync(IEnumerable<DiaryEntry> entries, CancellationToken cancellationToken)
    {
        var ids = entries.Select(e => e.WorkerUserId).Concat(entries.Select(e => e.SecondWorkerUserId).OfType<Guid>()).Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<Guid, string>() : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }
}

/// <summary>How an appointment's place, length and state read in a diary.</summary>
public static class DiaryLabels
{
    public static string Length(int minutes) => (minutes / 60, minutes % 60) switch
    {
        (0, var m) => $"{m} minutes",
        (1, 0) => "1 hour",
        (var h, 0) => $"{h} hours",
        (1, var m) => $"1 hour {m} minutes",
        (var h, var m) => $"{h} hours {m} minutes",
    };

    /// <summary>The tags a diary row shows for the appointment's state: text and GOV.UK tag colour.</summary>
    public static IReadOnlyList<(string Text, string Colour)> Tags(DiaryEntry entry) => entry.State switch
    {
        AppointmentState.Cancelled => [(entry.CancelledBy == CancelledBy.Person ? "Cancelled by the person" : "Cancelled by the service", "grey")],
        AppointmentState.Closed => [("Closed", "green"), (entry.Outcome is { } outcome ? EpisodeStates.Label(outcome) : "No outcome", entry.Outcome == Attendance.DidNotAttend ? "red" : "blue")],
        _ when entry.Overdue => [("Overdue", "red")],
        _ when entry.AwaitsClosing => [("Awaits closing", "yellow")],
        _ => [("Booked", "blue")],
    };

    /// <summary>A UK wall-clock time, "9:30am".</summary>
    public static string Time(DateTime utc) =>
        Display.ToLondon(utc).ToString("h:mmtt", System.Globalization.CultureInfo.GetCultureInfo("en-GB")).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);
}
