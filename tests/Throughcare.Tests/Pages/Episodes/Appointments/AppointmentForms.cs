using System.Globalization;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes.Appointments;

public static class AppointmentForms
{
    /// <summary>A Thursday six weeks after the test clock's start, in British Summer Time.</summary>
    public static DateOnly Ahead => new(2026, 7, 30);

    public static void SetDate(Dictionary<string, string> fields, string prefix, DateOnly date)
    {
        fields[$"{prefix}.Day"] = date.Day.ToString(CultureInfo.InvariantCulture);
        fields[$"{prefix}.Month"] = date.Month.ToString(CultureInfo.InvariantCulture);
        fields[$"{prefix}.Year"] = date.Year.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A valid booking: an hour at the service's location at 14:30 on <see cref="Ahead"/>, with the emotional support worker.</summary>
    public static Dictionary<string, string> BookForm(EpisodeScenario scenario, Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["SubmissionId"] = Guid.NewGuid().ToString(),
            ["Input.Time"] = "14:30",
            ["Input.DurationMinutes"] = "60",
            ["Input.Place"] = nameof(AppointmentPlace.ServiceLocation),
            ["Input.PlaceDetail"] = "Hope Street",
            ["Input.StrandId"] = scenario.EmotionalStrand.Id.ToString(),
            ["Input.WorkerUserId"] = scenario.EmotionalWorker.Id.ToString(),
        };
        SetDate(fields, "Input.Date", Ahead);
        change?.Invoke(fields);
        return fields;
    }

    /// <summary>An appointment put straight into the database, for tests about what follows booking.</summary>
    public static Task<Appointment> SeedAsync(ThroughcareFactory factory, EpisodeScenario scenario, DateTime startsAt, Action<Appointment>? change = null) =>
        new AppointmentTestData(factory).CreateAsync(scenario, startsAt, appointment =>
        {
            appointment.DurationMinutes = 45;
            appointment.Place = AppointmentPlace.Home;
            change?.Invoke(appointment);
        });

    /// <summary>14:30 UK time on <see cref="Ahead"/>, as stored.</summary>
    public static DateTime AheadAt(string time = "14:30") => Display.FromLondon(Ahead, TimeOnly.Parse(time, CultureInfo.InvariantCulture));

    public static Task<EpisodeScenario> CreateAsync(ThroughcareFactory factory) => ContactTestData.CreateAsync(factory, EpisodeState.Active);
}
