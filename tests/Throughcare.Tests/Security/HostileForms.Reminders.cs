using Microsoft.EntityFrameworkCore;
using Throughcare.Tests.Appointments;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Security;

public static partial class HostileForms
{
    /// <summary>The person's appointment reminder preference.</summary>
    private static IEnumerable<HostileForm> ReminderForms =>
    [
        new()
        {
            Name = "appointment reminders",
            Fields = [new("Input.Consents", 3), new("Input.Channel", 12), new("Version", 36)],
            StartAsync = async factory =>
            {
                var scenario = await AppointmentRows.ScenarioAsync(factory);
                return new FormSession
                {
                    Browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker),
                    Url = $"/people/{scenario.PersonId}/reminders",
                    ValidFieldsAsync = async () =>
                    {
                        var version = await factory.WithDbAsync(db => db.ReminderPreferences.Where(p => p.PersonId == scenario.PersonId).Select(p => (Guid?)p.Version).SingleOrDefaultAsync());
                        return await Fields(("Input.Consents", "yes"), ("Input.Channel", "text-message"), ("Version", version?.ToString() ?? ""));
                    },
                };
            },
        },
    ];
}
