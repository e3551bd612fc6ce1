using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Throughcare.Core.Domain.Appointments;

/// <summary>
/// When an appointment asks to be closed, and when it is overdue: the one statement of both, for the diary, My cases,
/// the episode and the reports. An appointment still booked after its start asks to be closed as a contact; still booked
/// a day after its start, it is overdue.
/// </summary>
public static class AppointmentDue
{
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromDays(1);

    public static bool AwaitsClosing(Appointment appointment, DateTime now) =>
        appointment.State == AppointmentState.Booked && appointment.StartsAt <= now;

    public static bool IsOverdue(Appointment appointment, DateTime now) =>
        appointment.State == AppointmentState.Booked && appointment.StartsAt <= now - OverdueAfter;

    /// <summary>The same rule as <see cref="IsOverdue"/>, for a query.</summary>
    public static Expression<Func<Appointment, bool>> Overdue(DateTime now)
    {
        var cutoff = now - OverdueAfter;
        return a => a.State == AppointmentState.Booked && a.StartsAt <= cutoff;
    }

    /// <summary>One episode's overdue appointments, for the at-risk rule wherever one episode is shown.</summary>
    public static Task<List<Appointment>> OverdueAsync(this IQueryable<Appointment> appointments, Guid episodeId, DateTime now, CancellationToken cancellationToken) =>
        appointments.AsNoTracking().Where(a => a.EpisodeId == episodeId).Where(Overdue(now)).ToListAsync(cancellationToken);
}
