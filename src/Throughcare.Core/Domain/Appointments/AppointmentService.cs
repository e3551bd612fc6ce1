using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Appointments;

/// <summary>A booked appointment that overlaps a new one for the same worker, second worker or interpreter.</summary>
public sealed record AppointmentClash(Guid AppointmentId, DateTime StartsAt, int DurationMinutes, Guid? UserId, string? Interpreter);

/// <summary>The one statement of a clash: booked appointments of the same worker or interpreter whose times overlap, in any episode.</summary>
public static class AppointmentClashes
{
    public static async Task<IReadOnlyList<AppointmentClash>> FindAsync(
        ThroughcareDbContext db, IReadOnlyList<(DateTime StartsAt, int Minutes)> slots, IReadOnlyCollection<Guid> userIds, string? interpreter, Guid? except,
        CancellationToken cancellationToken)
    {
        if (slots.Count == 0)
        {
            return [];
        }

        var from = slots.Min(s => s.StartsAt).AddMinutes(-SessionLengthRule.MaximumMinutes);
        var to = slots.Max(s => s.StartsAt.AddMinutes(s.Minutes));
        var name = string.IsNullOrWhiteSpace(interpreter) ? null : interpreter.Trim().ToLowerInvariant();
        var candidates = await db.Appointments.AsNoTracking()
            .Where(a => a.State == AppointmentState.Booked && a.StartsAt >= from && a.StartsAt < to && a.Id != except
                && (userIds.Contains(a.WorkerUserId) || (a.SecondWorkerUserId != null && userIds.Contains(a.SecondWorkerUserId.Value))
                    || (name != null && a.Interpreter != null && a.Interpreter.ToLower() == name)))
            .OrderBy(a => a.StartsAt)
            .ToListAsync(cancellationToken);
        var clashes = new List<AppointmentClash>();
        foreach (var a in candidates.Where(a => slots.Any(s => a.StartsAt < s.StartsAt.AddMinutes(s.Minutes) && s.StartsAt < a.EndsAt)))
        {
            clashes.AddRange(new[] { a.WorkerUserId, a.SecondWorkerUserId }.OfType<Guid>().Where(userIds.Contains)
                .Select(u => new AppointmentClash(a.Id, a.StartsAt, a.DurationMinutes, u, null)));
            if (name is not null && string.Equals(a.Interpreter?.Trim(), interpreter!.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                clashes.Add(new AppointmentClash(a.Id, a.StartsAt, a.DurationMinutes, null, a.Interpreter));
            }
        }

        return clashes;
    }

    /// <summary>Where the appointments an input would book clash with others; empty while the input is not valid.</summary>
    public static Task<IReadOnlyList<AppointmentClash>> ForAsync(ThroughcareDbContext db, AppointmentInput input, CancellationToken cancellationToken) =>
        FindAsync(db, AppointmentWrites.Slots(input), AppointmentWrites.People(input.WorkerUserId, input.SecondWorkerUserId), input.Interpreter, null, cancellationToken);

    /// <summary>Where an appointment moved to this time would clash with others.</summary>
    public static async Task<IReadOnlyList<AppointmentClash>> ForAsync(ThroughcareDbContext db, Guid appointmentId, RescheduleInput input, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointmentId, cancellationToken);
        IReadOnlyList<(DateTime, int)> slots = input.StartsAt() is { } at && input.Minutes() is { } minutes ? [(at, minutes)] : [];
        return await FindAsync(db, slots, AppointmentWrites.People(appointment.WorkerUserId, appointment.SecondWorkerUserId), appointment.Interpreter, appointmentId, cancellationToken);
    }
}

/// <summary>
/// What booking, moving and cancelling do to the rows, whether the appointment is on an episode or outside one: each
/// writer (<see cref="AppointmentService"/>, <see cref="PersonAppointments"/>) wraps these in its own access check,
/// version check, audit and transaction.
/// </summary>
public static class AppointmentWrites
{
    /// <summary>The organisation's staff who may work episodes, by name: the workers an appointment can be booked with.</summary>
    public static Task<List<AppointmentChoice>> WorkersAsync(ThroughcareDbContext db, Guid organisationId, CancellationToken cancellationToken)
    {
        var roles = Capabilities.Roles[Capabilities.WorkEpisodes];
        return db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && u.DisabledAt == null && !u.IsIntegration
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .OrderBy(u => u.DisplayName)
            .Select(u => new AppointmentChoice(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
    }

    /// <summary>The series row (for a repeating booking) and one appointment per date, the first with the form's submission id.</summary>
    public static (AppointmentSeries? Series, List<Appointment> Appointments) Book(
        AppointmentInput input, Guid personId, Guid? episodeId, Guid organisationId, Guid strandId, Guid firstId, Guid submissionId, Guid userId, DateTime now)
    {
        var dates = input.Dates()!;
        AppointmentSeries? series = null;
        if (input.Repeat is { } rule)
        {
            input.Date.TryGetDate(out var first);
            input.LastDate.TryGetDate(out var last);
            series = new AppointmentSeries
            {
                Id = Guid.NewGuid(),
                EpisodeId = episodeId,
                Rule = rule,
                FirstDate = first,
                LastDate = last,
                Exceptions = [.. input.ParseSkipDates()!.Distinct().Order()],
                CreatedAt = now,
                CreatedByUserId = userId,
            };
        }

        var appointments = dates.Select(date => new Appointment
        {
            Id = date == dates[0] ? firstId : Guid.NewGuid(),
            PersonId = personId,
            EpisodeId = episodeId,
            ServiceStrandId = strandId,
            OrganisationId = organisationId,
            StartsAt = ContactInput.At(DateParts.From(date), input.Time)!.Value,
            DurationMinutes = input.Minutes()!.Value,
            Place = input.Place!.Value,
            PlaceDetail = TextRules.Tidy(input.PlaceDetail),
            WorkerUserId = input.WorkerUserId!.Value,
            SecondWorkerUserId = input.SecondWorkerUserId,
            Interpreter = TextRules.Tidy(input.Interpreter),
            SeriesId = series?.Id,
            State = AppointmentState.Booked,
            BookedAt = now,
            BookedByUserId = userId,
            SubmissionId = date == dates[0] ? submissionId : null,
        }).ToList();
        return (series, appointments);
    }

    /// <summary>Moves the appointment and returns the time it had; a moved appointment is reminded of again, at its new time.</summary>
    public static (DateTime StartsAt, int Minutes) Reschedule(Appointment appointment, RescheduleInput input)
    {
        var from = (appointment.StartsAt, appointment.DurationMinutes);
        appointment.StartsAt = input.StartsAt()!.Value;
        appointment.DurationMinutes = input.Minutes()!.Value;
        appointment.ReminderQueuedAt = null;
        return from;
    }

    /// <summary>Cancels the appointment, recording who called it off and why; its series skips its date from then on.</summary>
    public static async Task CancelAsync(ThroughcareDbContext db, Appointment appointment, CancelInput input, Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        appointment.State = AppointmentState.Cancelled;
        appointment.CancelledAt = now;
        appointment.CancelledByUserId = userId;
        appointment.CancelledBy = input.CancelledBy!.Value;
        appointment.CancellationReason = input.Reason!.Trim();
        if (appointment.SeriesId is { } seriesId)
        {
            var series = await db.AppointmentSeries.SingleAsync(s => s.Id == seriesId, cancellationToken);
            series.Exceptions = [.. series.Exceptions.Append(Display.LondonDate(appointment.StartsAt)).Distinct().Order()];
        }
    }

    /// <summary>Closes the appointment with its attendance, and the contact it became where it was on an episode.</summary>
    public static void Close(Appointment appointment, Attendance outcome, Guid? contactId, Guid userId, DateTime now)
    {
        appointment.State = AppointmentState.Closed;
        appointment.ContactId = contactId;
        appointment.Outcome = outcome;
        appointment.ClosedAt = now;
        appointment.ClosedByUserId = userId;
        appointment.Version = Guid.NewGuid();
    }

    public static IReadOnlyList<(DateTime, int)> Slots(AppointmentInput input) =>
        input.Dates() is { } dates && input.Minutes() is { } minutes
            ? dates.Select(d => ContactInput.At(DateParts.From(d), input.Time)).OfType<DateTime>().Select(at => (at, minutes)).ToList()
            : [];

    public static Guid[] People(Guid? worker, Guid? second) => new[] { worker, second }.OfType<Guid>().ToArray();

    /// <summary>The validator's first complaint, on the property it names.</summary>
    public static Refusal? Refuse(FluentValidation.Results.ValidationResult result) =>
        result.IsValid ? null : new Refusal(result.Errors[0].ErrorMessage, result.Errors[0].PropertyName);
}

/// <summary>
/// Where appointments are booked and changed: an episode (<see cref="AppointmentService"/>, keyed by the episode), or a
/// person outside any episode (<see cref="PersonAppointments"/>, keyed by the person). The pages and the API book and
/// change through this, whichever it is.
/// </summary>
public interface IAppointmentBook
{
    /// <summary>What a booking is checked against, or null when the record cannot be seen.</summary>
    Task<AppointmentRules?> RulesAsync(Guid ownerId, CancellationToken cancellationToken);

    Task<bool> IsBookedAsync(Guid ownerId, Guid submissionId, CancellationToken cancellationToken);

    Task<WriteResult> BookAsync(Guid ownerId, Guid submissionId, AppointmentInput input, bool bookAnyway, CancellationToken cancellationToken);

    Task<WriteResult> RescheduleAsync(Guid ownerId, Guid appointmentId, Guid version, RescheduleInput input, bool bookAnyway, CancellationToken cancellationToken);

    Task<WriteResult> CancelAsync(Guid ownerId, Guid appointmentId, Guid version, CancelInput input, CancellationToken cancellationToken);
}

/// <summary>
/// Books, moves, cancels and closes appointments on an episode. Every write goes through EpisodeWork, so it is checked
/// against the episode's access and state, versioned and audited in the same transaction.
/// </summary>
public sealed class AppointmentService(EpisodeWork work) : IAppointmentBook
{
    public const string ClashMessage = "The appointment clashes with others: check them, then book anyway if it is right";
    public const string NotBookedMessage = "Only a booked appointment can be changed";

    /// <summary>What an appointment on this episode is checked against, or null when the episode cannot be seen.</summary>
    public async Task<AppointmentRules?> RulesAsync(Guid episodeId, CancellationToken cancellationToken)
    {
        var episode = await work.Db.Episodes.AsNoTracking().Include(e => e.Strands).SingleOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        return episode is null ? null : await RulesAsync(episode, cancellationToken);
    }

    private async Task<AppointmentRules> RulesAsync(Episode episode, CancellationToken cancellationToken)
    {
        var db = work.Db;
        var running = episode.Strands.Where(s => s.EndedAt == null).Select(s => s.ServiceStrandId).Distinct().ToList();
        var strands = await db.ServiceStrands.AsNoTracking().Where(s => running.Contains(s.Id)).OrderBy(s => s.Name)
            .Select(s => new AppointmentChoice(s.Id, s.Name)).ToListAsync(cancellationToken);
        return new AppointmentRules(episode.State, strands, await AppointmentWrites.WorkersAsync(db, episode.ServiceOrganisationId, cancellationToken), work.Now);
    }

    /// <summary>Whether this submission has booked already: a form sent twice is answered with what it booked, not warned of clashing with itself.</summary>
    public Task<bool> IsBookedAsync(Guid episodeId, Guid submissionId, CancellationToken cancellationToken) =>
        work.Db.Appointments.AnyAsync(a => a.SubmissionId == submissionId && a.EpisodeId == episodeId, cancellationToken);

    /// <summary>
    /// Books one appointment, or a repeating series of them with its series row, in one transaction. A clash refuses it
    /// unless the user has seen the clashes and books anyway; a second submission with the same id answers with the first.
    /// </summary>
    public Task<WriteResult> BookAsync(Guid episodeId, Guid submissionId, AppointmentInput input, bool bookAnyway, CancellationToken cancellationToken)
    {
        var firstId = Guid.NewGuid();
        var existing = work.Db.Appointments.Where(a => a.SubmissionId == submissionId && a.EpisodeId == episodeId).Select(a => (Guid?)a.Id);
        return work.AddOnceAsync(episodeId, existing, firstId, async episode =>
        {
            var rules = await RulesAsync(episode, cancellationToken);
            if (Refuse(rules.Validate(input)) is { } refused)
            {
                return refused;
            }

            if (!bookAnyway && (await AppointmentClashes.ForAsync(work.Db, input, cancellationToken)).Count > 0)
            {
                return new Refusal(ClashMessage);
            }

            var strand = episode.Strands.Where(s => s.ServiceStrandId == input.StrandId && s.EndedAt == null).Select(s => s.ServiceStrandId).First();
            var (series, booked) = AppointmentWrites.Book(input, episode.PersonId, episode.Id, episode.ServiceOrganisationId, strand, firstId, submissionId, work.User.RequireUserId(), work.Now);
            if (series is not null)
            {
                work.Add(series);
            }

            foreach (var appointment in booked)
            {
                work.Add(appointment);
                work.Record(new AppointmentBooked(episode.Id, episode.PersonId, appointment.Id, AppointmentFacts.Of(appointment), series?.Id));
            }

            return null;
        }, cancellationToken);
    }

    /// <summary>Moves a booked appointment to a new time; the audit keeps the time it had.</summary>
    public Task<WriteResult> RescheduleAsync(Guid episodeId, Guid appointmentId, Guid version, RescheduleInput input, bool bookAnyway, CancellationToken cancellationToken) =>
        ChangeBookedAsync(episodeId, appointmentId, version, async (episode, appointment) =>
        {
            if (Refuse((await RulesAsync(episode, cancellationToken)).Validate(input)) is { } refused)
            {
                return refused;
            }

            if (!bookAnyway && (await AppointmentClashes.ForAsync(work.Db, appointmentId, input, cancellationToken)).Count > 0)
            {
                return new Refusal(ClashMessage);
            }

            var (fromStart, fromMinutes) = AppointmentWrites.Reschedule(appointment, input);
            work.Record(new AppointmentRescheduled(episode.Id, episode.PersonId, appointment.Id, fromStart, fromMinutes, appointment.StartsAt, appointment.DurationMinutes, input.Reason!.Trim()));
            return null;
        }, cancellationToken);

    /// <summary>Cancels a booked appointment, recording who called it off and why; a series skips its date from then on.</summary>
    public Task<WriteResult> CancelAsync(Guid episodeId, Guid appointmentId, Guid version, CancelInput input, CancellationToken cancellationToken) =>
        ChangeBookedAsync(episodeId, appointmentId, version, async (episode, appointment) =>
        {
            if (Refuse(AppointmentRules.Validate(input)) is { } refused)
            {
                return refused;
            }

            await AppointmentWrites.CancelAsync(work.Db, appointment, input, work.User.RequireUserId(), work.Now, cancellationToken);
            work.Record(new AppointmentCancelled(episode.Id, episode.PersonId, appointment.Id, appointment.CancelledBy!.Value, appointment.CancellationReason!));
            return null;
        }, cancellationToken);

    /// <summary>
    /// Closes an appointment that awaits closing as the contact being recorded, inside that contact's own change: the
    /// appointment must be this episode's and still booked.
    /// </summary>
    public async Task<Refusal?> CloseAsync(Episode episode, Guid appointmentId, Contact contact, CancellationToken cancellationToken)
    {
        var appointment = await work.Db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId && a.EpisodeId == episode.Id, cancellationToken);
        if (appointment is null || !AppointmentDue.AwaitsClosing(appointment, work.Now))
        {
            return new Refusal("This appointment cannot be closed: it is not booked, or its time has not come yet");
        }

        AppointmentWrites.Close(appointment, contact.Attendance, contact.Id, work.User.RequireUserId(), work.Now);
        work.Record(new AppointmentClosed(episode.Id, episode.PersonId, appointment.Id, contact.Id, contact.Attendance));
        return null;
    }

    /// <summary>Loads a booked appointment of the episode at the version the user saw, changes it and bumps its version.</summary>
    private async Task<WriteResult> ChangeBookedAsync(Guid episodeId, Guid appointmentId, Guid version, Func<Episode, Appointment, Task<Refusal?>> change, CancellationToken cancellationToken)
    {
        var current = await work.Db.Appointments.AsNoTracking().Where(a => a.Id == appointmentId && a.EpisodeId == episodeId)
            .Select(a => new { a.Version, a.State }).SingleOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return new WriteResult.NotFound();
        }

        if (current.Version != version)
        {
            return new WriteResult.Conflict();
        }

        if (current.State != AppointmentState.Booked)
        {
            return new WriteResult.Refused(NotBookedMessage);
        }

        return (await work.ChangeAsync(episodeId, null, async episode =>
        {
            var appointment = await work.Db.Appointments.SingleAsync(a => a.Id == appointmentId, cancellationToken);

            // A change saved by someone else since the check above fails the save rather than overwriting it.
            work.Db.Entry(appointment).Property(a => a.Version).OriginalValue = version;
            var refused = await change(episode, appointment);
            appointment.Version = Guid.NewGuid();
            return refused;
        }, cancellationToken)).DoneAs(appointmentId);
    }

    private static Refusal? Refuse(FluentValidation.Results.ValidationResult result) => AppointmentWrites.Refuse(result);
}
