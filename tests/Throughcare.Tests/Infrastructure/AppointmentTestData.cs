using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Tests.Infrastructure;

/// <summary>Appointments written straight to the database on an episode scenario, booked with its emotional worker unless told otherwise.</summary>
public sealed class AppointmentTestData(ThroughcareFactory factory)
{
    /// <summary>A UK wall-clock time as the UTC instant an appointment stores.</summary>
    public static DateTime Uk(DateOnly date, int hour, int minute = 0) => Display.FromLondon(date, new TimeOnly(hour, minute));

    public async Task<Appointment> CreateAsync(EpisodeScenario scenario, DateTime startsAt, Action<Appointment>? configure = null)
    {
        var appointment = new Appointment
        {
            Id = Guid.NewGuid(),
            PersonId = scenario.PersonId,
            EpisodeId = scenario.Episode.Id,
            ServiceStrandId = scenario.EmotionalStrand.Id,
            OrganisationId = scenario.Service.OrganisationId,
            StartsAt = startsAt,
            DurationMinutes = 60,
            Place = AppointmentPlace.ServiceLocation,
            WorkerUserId = scenario.EmotionalWorker.Id,
            State = AppointmentState.Booked,
            BookedAt = factory.UtcNow,
            BookedByUserId = scenario.EmotionalWorker.Id,
        };
        configure?.Invoke(appointment);
        await factory.WithDbAsync(db =>
        {
            db.Appointments.Add(appointment);
            return db.SaveChangesAsync();
        });
        return appointment;
    }

    /// <summary>The person's name as lists show it.</summary>
    public Task<string> PersonNameAsync(Guid personId) =>
        factory.WithDbAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.Details.GivenName + " " + p.Details.FamilyName).SingleAsync());
}
