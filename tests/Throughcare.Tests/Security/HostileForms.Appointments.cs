using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Episodes.Appointments;

namespace Throughcare.Tests.Security;

public static partial class HostileForms
{
    /// <summary>Booking, rescheduling and cancelling an appointment, on an episode and outside one.</summary>
    private static IEnumerable<HostileForm> AppointmentBookingForms =>
    [
        new()
        {
            Name = "appointment booking",
            Fields =
            [
                .. DateFields("Input.Date"), new("Input.Time", 5), new("Input.DurationMinutes", 3), new("Input.Place", 15), new("Input.PlaceDetail", Appointment.PlaceDetailMaxLength),
                new("Input.SecondWorkerUserId", 36) { OtherOrganisationsId = OtherOrganisationsWorkerIdAsync }, new("Input.Interpreter", Appointment.InterpreterMaxLength), new("Input.Repeat", 11), new("Input.SkipDates", 1000),
            ],
            StartAsync = async factory =>
            {
                var scenario = await Pages.Episodes.Appointments.AppointmentForms.CreateAsync(factory);
                return new FormSession
                {
                    Browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker),
                    Url = scenario.Path + "/appointments/new",

                    // Each accepted value books again at the same time: booking anyway keeps the clash from hiding the answer.
                    ValidFieldsAsync = () => Fields(Pages.Episodes.Appointments.AppointmentForms.BookForm(scenario, f => f["BookAnyway"] = "true").Select(f => (f.Key, f.Value))),
                };
            },
        },
        new()
        {
            Name = "appointment reschedule",
            Fields = [new("Version", 36), new("Input.Date", 4, IsDateGroup: true), new("Input.Time", 5), new("Input.Reason", Appointment.ReasonMaxLength)],
            StartAsync = async factory =>
            {
                var scenario = await Pages.Episodes.Appointments.AppointmentForms.CreateAsync(factory);
                var appointment = await Pages.Episodes.Appointments.AppointmentForms.SeedAsync(factory, scenario, Pages.Episodes.Appointments.AppointmentForms.AheadAt());
                return new FormSession
                {
                    Browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker),
                    Url = $"{scenario.Path}/appointments/{appointment.Id}/reschedule",
                    ValidFieldsAsync = async () =>
                    {
                        var version = await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == appointment.Id).Select(a => a.Version).SingleAsync());
                        return await Fields([("Version", version.ToString()), ("Input.Date.Day", "31"), ("Input.Date.Month", "7"), ("Input.Date.Year", "2026"),
                            ("Input.Time", "11:00"), ("Input.DurationMinutes", "45"), ("Input.Reason", "The person starts work that day"), ("BookAnyway", "true")]);
                    },
                };
            },
        },
        new()
        {
            Name = "appointment cancellation",
            Fields = [new("Input.CancelledBy", 7), new("Input.Reason", Appointment.ReasonMaxLength)],
            StartAsync = async factory =>
            {
                var scenario = await Pages.Episodes.Appointments.AppointmentForms.CreateAsync(factory);
                var appointment = await Pages.Episodes.Appointments.AppointmentForms.SeedAsync(factory, scenario, Pages.Episodes.Appointments.AppointmentForms.AheadAt());
                return new FormSession
                {
                    Browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker),
                    Url = $"{scenario.Path}/appointments/{appointment.Id}/cancel",

                    // An accepted cancellation is undone behind the form (no audit row), so the next value meets a booked appointment.
                    ValidFieldsAsync = async () =>
                    {
                        var version = await RebookAsync(factory, appointment.Id);
                        return await Fields([("Version", version.ToString()), ("Input.CancelledBy", nameof(CancelledBy.Service)), ("Input.Reason", "The worker is ill")]);
                    },
                };
            },
        },
        new()
        {
            Name = "appointment booking outside an episode",
            Fields =
            [
                new("Input.StrandId", 36) { OtherOrganisationsId = OtherOrganisationsStrandIdAsync },
                new("Input.WorkerUserId", 36) { OtherOrganisationsId = OtherOrganisationsWorkerIdAsync },
                new("Input.PlaceDetail", Appointment.PlaceDetailMaxLength),
            ],
            StartAsync = async factory =>
            {
                var scenario = await Pages.Episodes.Appointments.AppointmentForms.CreateAsync(factory);
                return new FormSession
                {
                    Browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker),
                    Url = $"/people/{scenario.PersonId}/appointments/new",
                    ValidFieldsAsync = () => Fields(Pages.Episodes.Appointments.AppointmentForms.BookForm(scenario, f => f["BookAnyway"] = "true").Select(f => (f.Key, f.Value))),
                };
            },
        },
        new()
        {
            Name = "appointment closing outside an episode",
            Fields = [new("Version", 36), new("Outcome", 18)],
            StartAsync = async factory =>
            {
                var scenario = await Pages.Episodes.Appointments.AppointmentForms.CreateAsync(factory);
                var appointment = await new AppointmentTestData(factory).CreateAsync(scenario, factory.UtcNow.AddHours(-2), a => a.EpisodeId = null);
                return new FormSession
                {
                    Browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker),
                    Url = $"/people/{scenario.PersonId}/appointments/{appointment.Id}/close",

                    // An accepted closing is undone behind the form (no audit row), so the next value meets a booked appointment.
                    ValidFieldsAsync = async () =>
                    {
                        var version = await RebookAsync(factory, appointment.Id);
                        return await Fields([("Version", version.ToString()), ("Outcome", nameof(Core.Domain.Episodes.Attendance.Attended))]);
                    },
                };
            },
        },
    ];

    /// <summary>Puts a cancelled or closed appointment back to booked, behind the form and without an audit row; returns its version.</summary>
    private static Task<Guid> RebookAsync(ThroughcareFactory factory, Guid appointmentId) => factory.WithDbAsync(async db =>
    {
        var stored = await db.Appointments.SingleAsync(a => a.Id == appointmentId);
        stored.State = AppointmentState.Booked;
        await db.SaveChangesAsync();
        return stored.Version;
    });
}
