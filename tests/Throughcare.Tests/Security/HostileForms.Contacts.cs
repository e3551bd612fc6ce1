using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Episodes;

namespace Throughcare.Tests.Security;

public static partial class HostileForms
{
    /// <summary>The episode's contacts forms.</summary>
    private static IEnumerable<HostileForm> ContactForms =>
    [
        new()
        {
            Name = "episode contact",
            Fields = [new("SubmissionId", 36), .. ContactFields()],
            StartAsync = async factory =>
            {
                var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Disengaged);
                return new FormSession
                {
                    Browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker),
                    Url = scenario.Path + "/contacts/new",
                    ValidFieldsAsync = () => Fields(ValidContact(scenario).Select(f => (f.Key, f.Value))),
                };
            },
        },
        new()
        {
            Name = "episode contact correction",
            Fields = [new("Version", 36), new("Reason", 2000), .. ContactFields()],
            StartAsync = async factory =>
            {
                var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Disengaged);
                var contact = await ContactTestData.SeedAsync(factory, scenario);
                return new FormSession
                {
                    Browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker),
                    Url = $"{scenario.Path}/contacts/{contact.Id}/correct",
                    ValidFieldsAsync = async () =>
                    {
                        var version = await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contact.Id).Select(c => c.Version).SingleAsync());
                        return await Fields([.. ValidContact(scenario).Where(f => f.Key != "SubmissionId").Select(f => (f.Key, f.Value)),
                            ("Version", version.ToString()), ("Reason", "Recorded against the wrong strand")]);
                    },
                };
            },
        },
    ];

    private static IEnumerable<HostileField> ContactFields() =>
    [
        .. DateFields("Input.Date"), new("Input.Time", 5), new("Input.DurationMinutes", 3), new("Input.Mode", 12), new("Input.StrandId", 36),
        new("Input.Attendance", 17), new("Input.Interventions", 30), new("Input.Pathways", 20), new("Input.Note", 8000),
        new("Input.NoteRestricted", 5), new("Input.IsReengagementAttempt", 5),
    ];

    private static Dictionary<string, string> ValidContact(EpisodeScenario scenario) => ContactTestData.ValidForm(scenario, f =>
    {
        f["Input.NoteRestricted"] = "true";
        f["Input.IsReengagementAttempt"] = "true";
    });
}
