using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Episodes.Appointments;

namespace Throughcare.Tests.Security;

public static partial class HostileForms
{
    /// <summary>Booking, rescheduling and cancelling an appointment.</summary>
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
                        var version = await factory.WithDbAsync(async db =>
                        {
                            var stored = await db.Appointments.SingleAsync(a => a.Id == appointment.Id);
                            stored.State = AppointmentState.Booked;
                            await db.SaveChangesAsync();
                            return stored.Version;
                        });
                        return await Fields([("Version", version.ToString()), ("Input.CancelledBy", nameof(CancelledBy.Service)), ("Input.Reason", "The worker is ill")]);
                    },
                };
            },
        },
    ];
}
