using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.Appointments;

/// <summary>
/// Books, moves, cancels and closes appointments with a person outside any episode: liaison and diversion in a custody
/// suite or court, a hub's drop-in. They are booked on a strand of the user's own organisation's services, seen and
/// worked only by that organisation (<see cref="PersonAppointmentAccess"/>), and closed with their attendance alone, as
/// there is no episode to record a contact on. Each write is checked, versioned and audited in one transaction.
/// </summary>
public sealed class PersonAppointments(ThroughcareDbContext db, AuditLog audit, CurrentUser user, TimeProvider time, PersonAppointmentAccess access) : IAppointmentBook
{
    public const string NotPermitted = "You cannot book appointments for your organisation";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>What a booking for this person is checked against, or null when the user may not see the person.</summary>
    public async Task<AppointmentRules?> RulesAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (user.OrganisationId is not { } organisationId || !await db.People.AnyAsync(p => p.Id == personId && p.MergedIntoPersonId == null, cancellationToken))
        {
            return null;
        }

        var strands = await db.ServiceStrands.AsNoTracking()
            .Where(s => db.Services.Any(v => v.Id == s.ServiceId && v.OrganisationId == organisationId))
            .OrderBy(s => s.Name)
            .Select(s => new AppointmentChoice(s.Id, s.Name))
            .ToListAsync(cancellationToken);
        return new AppointmentRules(EpisodeState.Active, strands, await AppointmentWrites.WorkersAsync(db, organisationId, cancellationToken), Now, OutsideEpisode: true);
    }

    /// <summary>Whether this submission has booked already, so a form sent twice is not warned of clashing with itself.</summary>
    public Task<bool> IsBookedAsync(Guid personId, Guid submissionId, CancellationToken cancellationToken) =>
        access.Visible().AnyAsync(a => a.SubmissionId == submissionId && a.PersonId == personId, cancellationToken);

    /// <summary>Books one appointment, or a repeating series, for the user's organisation; a second submission with the same id answers with the first.</summary>
    public Task<WriteResult> BookAsync(Guid personId, Guid submissionId, AppointmentInput input, bool bookAnyway, CancellationToken cancellationToken)
    {
        var firstId = Guid.NewGuid();
        var existing = access.Visible().Where(a => a.SubmissionId == submissionId && a.PersonId == personId).Select(a => (Guid?)a.Id);
        return Submissions.CreateOnceAsync(db, existing, async () =>
        {
            if (await RulesAsync(personId, cancellationToken) is not { } rules)
            {
                return new WriteResult.NotFound();
            }

            var organisationId = user.RequireOrganisationId();
            if (!PersonAppointmentAccess.RightsFor(user, organisationId).Has(PersonAppointmentRight.Work))
            {
                return new WriteResult.Refused(NotPermitted);
            }

            if (AppointmentWrites.Refuse(rules.Validate(input)) is { } refused)
            {
                return new WriteResult.Refused(refused.Message, refused.Field);
            }

            if (!bookAnyway && (await AppointmentClashes.ForAsync(db, input, cancellationToken)).Count > 0)
            {
                return new WriteResult.Refused(AppointmentService.ClashMessage);
            }

            var (series, booked) = AppointmentWrites.Book(input, personId, null, organisationId, input.StrandId!.Value, firstId, submissionId, user.RequireUserId(), Now);
            if (series is not null)
            {
                db.AppointmentSeries.Add(series);
            }

            foreach (var appointment in booked)
            {
                db.Appointments.Add(appointment);
                audit.Record(new PersonAppointmentBooked(personId, appointment.Id, AppointmentFacts.Of(appointment), series?.Id));
            }

            return await db.SaveOrConflictAsync(new WriteResult.Done(firstId), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Moves a booked appointment to a new time; the audit keeps the time it had.</summary>
    public Task<WriteResult> RescheduleAsync(Guid personId, Guid appointmentId, Guid version, RescheduleInput input, bool bookAnyway, CancellationToken cancellationToken) =>
        ChangeBookedAsync(personId, appointmentId, version, async appointment =>
        {
            var rules = await RulesAsync(personId, cancellationToken) ?? throw new InvalidOperationException("The appointment's person cannot be read.");
            if (AppointmentWrites.Refuse(rules.Validate(input)) is { } refused)
            {
                return refused;
            }

            if (!bookAnyway && (await AppointmentClashes.ForAsync(db, appointmentId, input, cancellationToken)).Count > 0)
            {
                return new Refusal(AppointmentService.ClashMessage);
            }

            var (fromStart, fromMinutes) = AppointmentWrites.Reschedule(appointment, input);
            audit.Record(new PersonAppointmentRescheduled(personId, appointment.Id, fromStart, fromMinutes, appointment.StartsAt, appointment.DurationMinutes, input.Reason!.Trim()));
            return null;
        }, cancellationToken);

    /// <summary>Cancels a booked appointment, recording who called it off and why.</summary>
    public Task<WriteResult> CancelAsync(Guid personId, Guid appointmentId, Guid version, CancelInput input, CancellationToken cancellationToken) =>
        ChangeBookedAsync(personId, appointmentId, version, async appointment =>
        {
            if (AppointmentWrites.Refuse(AppointmentRules.Validate(input)) is { } refused)
            {
                return refused;
            }

            await AppointmentWrites.CancelAsync(db, appointment, input, user.RequireUserId(), Now, cancellationToken);
            audit.Record(new PersonAppointmentCancelled(personId, appointment.Id, appointment.CancelledBy!.Value, appointment.CancellationReason!));
            return null;
        }, cancellationToken);

    /// <summary>Closes an appointment whose time has come with the attendance recorded: attended, late, did not attend or cancelled.</summary>
    public Task<WriteResult> CloseAsync(Guid personId, Guid appointmentId, Guid version, Attendance? outcome, CancellationToken cancellationToken) =>
        ChangeBookedAsync(personId, appointmentId, version, appointment =>
        {
            if (outcome is not { } attendance || !Enum.IsDefined(attendance))
            {
                return Task.FromResult<Refusal?>(new Refusal(CloseMessage, "Outcome"));
            }

            if (!AppointmentDue.AwaitsClosing(appointment, Now))
            {
                return Task.FromResult<Refusal?>(new Refusal(NotDueMessage));
            }

            AppointmentWrites.Close(appointment, attendance, null, user.RequireUserId(), Now);
            audit.Record(new PersonAppointmentClosed(personId, appointment.Id, attendance));
            return Task.FromResult<Refusal?>(null);
        }, cancellationToken);

    public const string CloseMessage = "Select whether the person attended";
    public const string NotDueMessage = "This appointment cannot be closed yet: its time has not come";

    /// <summary>Loads a booked appointment of the user's organisation at the version the user saw, changes it and bumps its version.</summary>
    private async Task<WriteResult> ChangeBookedAsync(Guid personId, Guid appointmentId, Guid version, Func<Appointment, Task<Refusal?>> change, CancellationToken cancellationToken)
    {
        var appointment = await access.Visible().SingleOrDefaultAsync(a => a.Id == appointmentId && a.PersonId == personId, cancellationToken);
        if (appointment is null)
        {
            return new WriteResult.NotFound();
        }

        if (!PersonAppointmentAccess.RightsFor(user, appointment.OrganisationId).Has(PersonAppointmentRight.Work))
        {
            return new WriteResult.Refused(NotPermitted);
        }

        if (appointment.Version != version)
        {
            return new WriteResult.Conflict();
        }

        if (appointment.State != AppointmentState.Booked)
        {
            return new WriteResult.Refused(AppointmentService.NotBookedMessage);
        }

        if (await change(appointment) is { } refused)
        {
            db.ChangeTracker.Clear();
            return new WriteResult.Refused(refused.Message, refused.Field);
        }

        // A change saved by someone else since it was read fails the save rather than overwriting it.
        appointment.Version = Guid.NewGuid();
        return await db.SaveOrConflictAsync(new WriteResult.Done(appointmentId), cancellationToken);
    }
}
