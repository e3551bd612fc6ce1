using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Appointments;

/// <summary>
/// What became of the appointments offered: every appointment booked for the period counts as offered, whatever happened
/// to it; each then counts once, by its outcome when closed as a contact, by who called it off when cancelled, or as
/// still open while it is booked.
/// </summary>
public sealed record AppointmentCounts(int Offered, int Kept, int Late, int DidNotAttend, int CancelledByPerson, int CancelledByService, int StillOpen)
{
    public static AppointmentCounts Of(IReadOnlyCollection<Appointment> appointments)
    {
        int Closed(Attendance outcome) => appointments.Count(a => a.State == AppointmentState.Closed && a.Outcome == outcome);
        int Cancelled(CancelledBy by) => appointments.Count(a => a.State == AppointmentState.Cancelled && a.CancelledBy == by);
        return new AppointmentCounts(
            appointments.Count,
            Closed(Attendance.Attended),
            Closed(Attendance.Late),
            Closed(Attendance.DidNotAttend),
            Closed(Attendance.CancelledByPerson) + Cancelled(CancelledBy.Person),
            Closed(Attendance.CancelledByService) + Cancelled(CancelledBy.Service),
            appointments.Count(a => a.State == AppointmentState.Booked));
    }
}

/// <summary>One worker's appointments in the period, by the worker they were booked with.</summary>
public sealed record WorkerAppointmentCounts(Guid UserId, string Name, AppointmentCounts Counts);

/// <summary>A service's appointments in a period of UK days, per worker and in total.</summary>
public sealed record AppointmentFiguresReport(DateOnly From, DateOnly To, IReadOnlyList<WorkerAppointmentCounts> Workers, AppointmentCounts Total)
{
    /// <summary>The period a report covers when none is asked for: the three whole months before this one.</summary>
    public static (DateOnly From, DateOnly To) DefaultPeriod(DateOnly today)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        return (thisMonth.AddMonths(-3), thisMonth.AddDays(-1));
    }

    /// <summary>The longest period a report covers.</summary>
    public const int MaximumDays = 366;

    /// <summary>
    /// The service's appointments that start on a UK day from <paramref name="from"/> to <paramref name="to"/>, of
    /// episodes the user's organisation may find (the database's access filter on episodes) and, outside episodes, on the
    /// service's strands by the user's own organisation: counts alone, no one named.
    /// </summary>
    public static async Task<AppointmentFiguresReport> LoadAsync(ThroughcareDbContext db, Guid serviceId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (starts, ends) = (Display.FromLondon(from, TimeOnly.MinValue), Display.FromLondon(to.AddDays(1), TimeOnly.MinValue));
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.StartsAt >= starts && a.StartsAt < ends)
            .Where(a => a.EpisodeId == null
                ? a.OrganisationId == db.AccessOrganisationId && db.ServiceStrands.Any(s => s.Id == a.ServiceStrandId && s.ServiceId == serviceId)
                : db.Episodes.Any(e => e.Id == a.EpisodeId && e.ServiceId == serviceId))
            .Select(a => new Appointment { WorkerUserId = a.WorkerUserId, State = a.State, CancelledBy = a.CancelledBy, Outcome = a.Outcome })
            .ToListAsync(cancellationToken);
        var workerIds = appointments.Select(a => a.WorkerUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => workerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var workers = appointments.GroupBy(a => a.WorkerUserId)
            .Select(g => new WorkerAppointmentCounts(g.Key, names.GetValueOrDefault(g.Key, "Unknown"), AppointmentCounts.Of(g.ToList())))
            .OrderBy(w => w.Name, StringComparer.Ordinal)
            .ToList();
        return new AppointmentFiguresReport(from, to, workers, AppointmentCounts.Of(appointments));
    }
}
