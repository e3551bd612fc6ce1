using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.People;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Appointments;

/// <summary>Appointments and reminder preferences written straight to the database, around an episode's scenario.</summary>
public static class AppointmentRows
{
    public const string Crn = "X123456";

    /// <summary>An episode whose person has a recognisable name, a CRN and (unless told not to) an email address and a mobile number of their own.</summary>
    public static async Task<EpisodeScenario> ScenarioAsync(ThroughcareFactory factory, bool withEmail = true, bool withPhone = true)
    {
        var email = withEmail ? $"person-{Guid.NewGuid():N}@example.test" : null;
        var phone = withPhone ? $"07700 9{Random.Shared.Next(0, 100_000):D5}" : null;
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        await factory.WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == scenario.PersonId);
            person.Details = person.Details with { GivenName = "Jordan", FamilyName = "Secretname", Crn = Crn, Email = email, Phone = phone };
            PersonService.SetSearchKeys(person);
            return await db.SaveChangesAsync();
        });
        return scenario;
    }

    /// <summary>An appointment starting at the whole minute of <paramref name="startsAt"/>, as booked appointments do.</summary>
    public static Task<Appointment> AddAsync(
        ThroughcareFactory factory,
        EpisodeScenario scenario,
        DateTime startsAt,
        AppointmentState state = AppointmentState.Booked,
        AppointmentPlace place = AppointmentPlace.Prison,
        string? placeDetail = "HMP Brixton",
        Guid? workerUserId = null,
        Guid? secondWorkerUserId = null) =>
        factory.WithDbAsync(async db =>
        {
            var now = factory.UtcNow;
            var appointment = new Appointment
            {
                Id = Guid.NewGuid(),
                PersonId = scenario.PersonId,
                EpisodeId = scenario.Episode.Id,
                ServiceStrandId = scenario.EmotionalStrand.Id,
                OrganisationId = scenario.Service.OrganisationId,
                StartsAt = new DateTime(startsAt.Ticks - (startsAt.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc),
                DurationMinutes = 60,
                Place = place,
                PlaceDetail = placeDetail,
                WorkerUserId = workerUserId ?? scenario.EmotionalWorker.Id,
                SecondWorkerUserId = secondWorkerUserId,
                State = state,
                BookedAt = now,
                BookedByUserId = scenario.EmotionalWorker.Id,
            };
            if (state == AppointmentState.Cancelled)
            {
                (appointment.CancelledAt, appointment.CancelledByUserId, appointment.CancelledBy, appointment.CancellationReason) = (now, scenario.EmotionalWorker.Id, CancelledBy.Person, "Unwell");
            }
            else if (state == AppointmentState.Closed)
            {
                (appointment.ClosedAt, appointment.ClosedByUserId, appointment.Outcome) = (now, scenario.EmotionalWorker.Id, Attendance.Attended);
            }

            db.Appointments.Add(appointment);
            await db.SaveChangesAsync();
            return appointment;
        });

    public static Task<int> PreferAsync(ThroughcareFactory factory, EpisodeScenario scenario, bool consents, ReminderChannel? channel) =>
        factory.WithDbAsync(db =>
        {
            db.ReminderPreferences.Add(new ReminderPreference { PersonId = scenario.PersonId, Consents = consents, Channel = channel, RecordedAt = factory.UtcNow, RecordedByUserId = scenario.EmotionalWorker.Id });
            return db.SaveChangesAsync();
        });

    public static Task<(string? Email, string? Phone)> ContactAsync(ThroughcareFactory factory, EpisodeScenario scenario) =>
        factory.WithDbAsync(async db =>
        {
            var person = await db.People.Where(p => p.Id == scenario.PersonId).Select(p => new { p.Details.Email, p.Details.Phone }).SingleAsync();
            return (person.Email, person.Phone);
        });

    public static Task<Appointment> FindAsync(ThroughcareFactory factory, Guid appointmentId) =>
        factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointmentId));
}
