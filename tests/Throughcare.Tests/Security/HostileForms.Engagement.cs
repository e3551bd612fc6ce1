using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Security;

public static partial class HostileForms
{
    /// <summary>The episode's disengagement, reflective review, re-engagement and closure forms.</summary>
    private static IEnumerable<HostileForm> EngagementForms =>
    [
        new()
        {
            Name = "episode disengage",
            Fields = [new("Version", 36), new("Input.Reason", 2000)],
            StartAgainAfterSuccess = true,
            StartAsync = factory => EngagementSessionAsync(factory, EpisodeState.Active, "disengage", null, [("Input.Reason", "Missed three sessions")]),
        },
        new()
        {
            Name = "episode reflective review",
            Fields = [new("SubmissionId", 36), new("Input.WhatIsGoingOn", 4000), new("Input.WhatMayHaveBeenMissed", 4000), new("Input.WhatWasTried", 4000)],
            StartAsync = factory => EngagementSessionAsync(factory, EpisodeState.Disengaged, "reflect", null,
                [("Input.WhatIsGoingOn", "His housing fell through"), ("Input.WhatMayHaveBeenMissed", "His mother's illness"), ("Input.WhatWasTried", "Calls and a visit")],
                withVersion: false),
        },
        new()
        {
            Name = "episode reengage",
            Fields = [new("Version", 36), new("Input.Reason", 2000)],
            StartAgainAfterSuccess = true,
            StartAsync = factory => EngagementSessionAsync(factory, EpisodeState.Disengaged, "reengage", null, [("Input.Reason", "He called back")]),
        },
        new()
        {
            Name = "episode close",
            Fields = [new("Version", 36), new("Input.Reason", 30), new("Input.ReasonText", 2000), new("Input.Summary", 8000), new("Input.Goals[0].GoalId", 36), new("Input.Goals[0].Outcome", 20)],
            StartAgainAfterSuccess = true,
            StartAsync = factory => EngagementSessionAsync(factory, EpisodeState.Active, "close", "Find a flat",
                [("Input.Reason", "Other"), ("Input.ReasonText", "Moved in with family"), ("Input.Summary", "Settled with family; no further support needed.")]),
        },
    ];

    /// <summary>An episode in the given state (with one goal when named), its worker signed in, and the form's valid values.</summary>
    private static async Task<FormSession> EngagementSessionAsync(
        ThroughcareFactory factory, EpisodeState state, string form, string? goal, (string Name, string Value)[] valid, bool withVersion = true)
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(state);
        var goalId = Guid.NewGuid();
        if (goal is not null)
        {
            await factory.WithDbAsync(db =>
            {
                db.Goals.Add(new Goal { Id = goalId, EpisodeId = scenario.Episode.Id, Description = goal, CreatedAt = factory.UtcNow, CreatedByUserId = scenario.EmotionalWorker.Id });
                return db.SaveChangesAsync();
            });
        }

        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        return new FormSession
        {
            Browser = browser,
            Url = $"{scenario.Path}/engagement/{form}",
            ValidFieldsAsync = async () =>
            {
                var version = await factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == scenario.Episode.Id).Select(e => e.Version).SingleAsync());
                List<(string, string)> fields = [.. valid];
                fields.Add(withVersion ? ("Version", version.ToString()) : ("SubmissionId", Guid.NewGuid().ToString()));
                if (goal is not null)
                {
                    fields.Add(("Input.Goals[0].GoalId", goalId.ToString()));
                    fields.Add(("Input.Goals[0].Outcome", nameof(GoalOutcome.Achieved)));
                }

                return await Fields(fields);
            },
        };
    }
}
