using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>An episode begun a month ago, so that measures can be dated within it, and a valid PHQ-9 form.</summary>
public static class MeasureTestData
{
    public static readonly Guid Phq9 = InstrumentCatalogueService.Shipped[0].Id;

    public static async Task<EpisodeScenario> ScenarioAsync(ThroughcareFactory factory, EpisodeState state = EpisodeState.Engaging)
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(state);
        var started = factory.Today.AddDays(-30);
        await factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == scenario.Episode.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.StartedOn, started)));
        return scenario;
    }

    public static Dictionary<string, string> Phq9Form(int[] answers, DateOnly takenOn, string occasion = "Start")
    {
        var fields = new Dictionary<string, string>
        {
            ["instrument"] = "PHQ-9",
            ["SubmissionId"] = Guid.NewGuid().ToString(),
            ["Input.Occasion"] = occasion,
            ["Input.TakenOn.Day"] = takenOn.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.TakenOn.Month"] = takenOn.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.TakenOn.Year"] = takenOn.Year.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < answers.Length; i++)
        {
            fields[$"Input.Answers[{i}]"] = answers[i].ToString(CultureInfo.InvariantCulture);
        }

        return fields;
    }

    public static string NewUrl(EpisodeScenario scenario) => $"{scenario.Path}/measures/new?instrument=PHQ-9";

    public static Task<List<MeasureResult>> ResultsAsync(ThroughcareFactory factory, EpisodeScenario scenario) =>
        factory.WithDbAsync(db => db.MeasureResults.Where(m => m.EpisodeId == scenario.Episode.Id).ToListAsync());
}
