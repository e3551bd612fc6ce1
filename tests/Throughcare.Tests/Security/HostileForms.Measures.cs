using Throughcare.Core.Domain.Accounts;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Admin;

namespace Throughcare.Tests.Security;

public static partial class HostileForms
{
    /// <summary>The episode's outcome measures and instruments forms.</summary>
    private static IEnumerable<HostileForm> MeasureForms =>
    [
        new()
        {
            Name = "episode measure",
            Fields =
            [
                new("instrument", 40), .. Enumerable.Range(0, 9).Select(i => new HostileField($"Input.Answers[{i}]", 2)),
                new("Input.Occasion", 6), .. DateFields("Input.TakenOn"), new("SubmissionId", 36),
            ],
            StartAsync = async factory =>
            {
                var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
                var url = $"{scenario.Path}/measures/new?instrument=PHQ-9";
                var today = factory.Today;
                return new FormSession
                {
                    Browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker),
                    Url = url,
                    ValidFieldsAsync = () => Fields(
                    [
                        ("instrument", "PHQ-9"), .. Enumerable.Range(0, 9).Select(i => ($"Input.Answers[{i}]", "1")),
                        ("Input.Occasion", "Review"), ("Input.TakenOn.Day", today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        ("Input.TakenOn.Month", today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        ("Input.TakenOn.Year", today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        ("SubmissionId", Guid.NewGuid().ToString()),
                    ]),
                };
            },
        },
        new()
        {
            Name = "episode instrument",
            Fields = [new("Input.Code", 40), new("Input.Name", 200), new("Input.Definition", 100_000)],
            StartAsync = async factory =>
            {
                var (browser, _) = await SignInAsync(factory, StaffRoles.Administrator);
                return new FormSession
                {
                    Browser = browser,
                    Url = "/admin/instruments/new",
                    ValidFieldsAsync = () => Fields(
                        ("Input.Code", "HF-" + Guid.NewGuid().ToString("N")[..8]), ("Input.Name", "Short wellbeing scale"), ("Input.Definition", InstrumentPagesTests.ValidDefinition)),
                };
            },
        },
    ];
}
