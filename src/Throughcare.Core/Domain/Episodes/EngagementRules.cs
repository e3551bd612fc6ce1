using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Episodes;

/// <summary>What the contacts say about engagement, computed on demand and never stored.</summary>
public sealed record EngagementSignal(bool AtRisk, string? Reason, int MissedInARow, DateTime? LastAttendedAt);

/// <summary>
/// Flags an open episode at risk when contacts stop or fail, by the service's own thresholds: so many did-not-attends
/// in a row, or so many weeks without an attended contact (counted from the start of the day the episode started, in
/// the UK, when there has been none). Cancellations by the service never count against the person. An appointment left
/// overdue (<see cref="AppointmentDue"/>: never closed, a day after its time) counts as a did-not-attend at its time; one
/// closed as did-not-attend has made a contact that counts already, so it is not counted twice. The overview, the
/// engagement page, caseloads and the API all ask <see cref="Assess"/>, so they cannot disagree.
/// </summary>
public static class EngagementRules
{
    /// <summary>Whether the episode is at risk now, counting its overdue appointments as missed as well as its contacts.</summary>
    public static EngagementSignal Assess(
        EpisodeState state, DateOnly startedOn, IEnumerable<(DateTime OccurredAt, Attendance Attendance)> contacts, IEnumerable<Appointment> appointments, DateTime now, Service service) =>
        Assess(state, startedOn, contacts.Concat(Missed(appointments, now)), now, service);

    /// <summary>The appointments among these that count as missed: those left overdue, each at its time.</summary>
    public static IEnumerable<(DateTime OccurredAt, Attendance Attendance)> Missed(IEnumerable<Appointment> appointments, DateTime now) =>
        appointments.Where(a => AppointmentDue.IsOverdue(a, now)).Select(a => (a.StartsAt, Attendance.DidNotAttend));

    /// <summary>Whether the episode is at risk now, by its service's thresholds; a closed episode never is.</summary>
    public static EngagementSignal Assess(EpisodeState state, DateOnly startedOn, IEnumerable<(DateTime OccurredAt, Attendance Attendance)> contacts, DateTime now, Service service)
    {
        var signal = Assess(contacts, Display.FromLondon(startedOn, TimeOnly.MinValue), now, service.AtRiskMissedInARow, service.AtRiskWeeksWithoutContact);
        return EpisodeStates.IsOpen(state) ? signal : signal with { AtRisk = false, Reason = null };
    }

    private static EngagementSignal Assess(
        IEnumerable<(DateTime OccurredAt, Attendance Attendance)> contacts,
        DateTime episodeStartedAt,
        DateTime now,
        int missedInARowThreshold,
        int weeksWithoutContactThreshold)
    {
        var ordered = contacts.Where(c => c.OccurredAt <= now).OrderBy(c => c.OccurredAt).ToList();
        var missed = 0;
        foreach (var contact in Enumerable.Reverse(ordered))
        {
            if (contact.Attendance == Attendance.DidNotAttend)
            {
                missed++;
            }
            else if (contact.Attendance is Attendance.Attended or Attendance.Late)
            {
                break;
            }
        }

        DateTime? lastAttended = ordered.Where(c => c.Attendance is Attendance.Attended or Attendance.Late).Select(c => (DateTime?)c.OccurredAt).LastOrDefault();
        var since = lastAttended ?? episodeStartedAt;
        var weeks = (now - since).TotalDays / 7;
        if (missedInARowThreshold > 0 && missed >= missedInARowThreshold)
        {
            return new EngagementSignal(true, $"{missed} did-not-attends in a row", missed, lastAttended);
        }

        if (weeksWithoutContactThreshold > 0 && weeks >= weeksWithoutContactThreshold)
        {
            var wholeWeeks = (int)Math.Floor(weeks);
            return new EngagementSignal(true, lastAttended is null
                ? $"No attended contact in the {wholeWeeks} weeks since the episode opened"
                : $"No attended contact for {wholeWeeks} weeks", missed, lastAttended);
        }

        return new EngagementSignal(false, null, missed, lastAttended);
    }
}
