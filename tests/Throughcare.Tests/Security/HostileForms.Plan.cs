using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Security;

public static partial class HostileForms
{
    private static readonly string[] PlanNeedLevelFields = [.. Pages.Episodes.PlanTestData.Pathways.Select(Pages.Episodes.PlanTestData.LevelField)];

    /// <summary>The episode's needs, priorities, goals, actions, reviews, extensions and strands forms.</summary>
    private static IEnumerable<HostileForm> PlanForms =>
    [
        new()
        {
            Name = "episode needs",
            Fields = [new("Input.Occasion", 20), .. DateFields("Input.AssessedOn"), .. PlanNeedLevelFields.Select(f => new HostileField(f, 20)), new("Input.Note", 4000), new("SubmissionId", 36)],
            StartAsync = async factory =>
            {
                var (scenario, browser) = await PlanSessionAsync(factory, manager: false);
                return new FormSession
                {
                    Browser = browser,
                    Url = scenario.Path + "/plan/needs/new",
                    ValidFieldsAsync = () => Fields([("Input.Occasion", "Review"), .. PlanDateValues("Input.AssessedOn", factory.Today), .. PlanNeedLevelFields.Select(f => (f, "Medium")),
                        ("Input.Note", "Doing better"), ("SubmissionId", Guid.NewGuid().ToString())]),
                };
            },
        },
        new()
        {
            Name = "episode priorities",
            Fields = [new("Input.First", 1000), new("Input.Second", 1000), new("Input.Third", 1000), new("Version", 36)],
            StartAsync = async factory =>
            {
                var (scenario, browser) = await PlanSessionAsync(factory, manager: false);
                return new FormSession
                {
                    Browser = browser,
                    Url = scenario.Path + "/plan/priorities",
                    ValidFieldsAsync = async () => await Fields(("Input.First", "Housing"), ("Input.Second", "Money"), ("Input.Third", "Family"),
                        ("Version", (await PlanEpisodeVersionAsync(factory, scenario)).ToString())),
                };
            },
        },
        new()
        {
            Name = "episode goal",
            Fields = [new("Input.Description", 1000), new("Input.Pathway", 40), new("SubmissionId", 36)],
            StartAsync = async factory =>
            {
                var (scenario, browser) = await PlanSessionAsync(factory, manager: false);
                return new FormSession
                {
                    Browser = browser,
                    Url = scenario.Path + "/plan/goals/new",
                    ValidFieldsAsync = () => Fields(("Input.Description", "Get a tenancy"), ("Input.Pathway", "accommodation"), ("SubmissionId", Guid.NewGuid().ToString())),
                };
            },
        },
        new()
        {
            Name = "episode action",
            Fields = [new("Input.Description", 1000), new("Input.Owner", 20), new("Input.OwnerName", 200), .. DateFields("Input.DueOn"), new("SubmissionId", 36)],
            StartAsync = async factory =>
            {
                var (scenario, browser) = await PlanSessionAsync(factory, manager: false);
                var action = await PlanSeedGoalActionAsync(factory, scenario);
                return new FormSession
                {
                    Browser = browser,
                    Url = $"{scenario.Path}/plan/goals/{action.GoalId}/actions/new",
                    ValidFieldsAsync = () => Fields([("Input.Description", "Call the council"), ("Input.Owner", "OtherOrganisation"), ("Input.OwnerName", "Shelter"),
                        .. PlanDateValues("Input.DueOn", factory.Today.AddDays(7)), ("SubmissionId", Guid.NewGuid().ToString())]),
                };
            },
        },
        new()
        {
            Name = "episode action update",
            Fields = [new("Input.Status", 20), .. DateFields("Input.DueOn"), new("Version", 36)],
            StartAsync = async factory =>
            {
                var (scenario, browser) = await PlanSessionAsync(factory, manager: false);
                var action = await PlanSeedGoalActionAsync(factory, scenario);
                return new FormSession
                {
                    Browser = browser,
                    Url = $"{scenario.Path}/plan/actions/{action.Id}",
                    ValidFieldsAsync = async () =>
                    {
                        var version = await factory.WithDbAsync(db => db.GoalActions.Where(a => a.Id == action.Id).Select(a => a.Version).SingleAsync());
                        return await Fields([("Input.Status", "InProgress"), .. PlanDateValues("Input.DueOn", factory.Today.AddDays(7)), ("Version", version.ToString())]);
                    },
                };
            },
        },
        new()
        {
            Name = "episode review",
            Fields = [.. DateFields("Input.HeldOn"), new("Input.Summary", 8000), new("SubmissionId", 36)],
            StartAsync = async factory =>
            {
                var (scenario, browser) = await PlanSessionAsync(factory, manager: false);
                return new FormSession
                {
                    Browser = browser,
                    Url = scenario.Path + "/reviews/new",
                    ValidFieldsAsync = () => Fields([.. PlanDateValues("Input.HeldOn", factory.Today), ("Input.Summary", "Reviewed the plan"), ("SubmissionId", Guid.NewGuid().ToString())]),
                };
            },
        },
        new()
        {
            Name = "episode extension",
            Fields = [.. DateFields("Input.NewPlannedEnd"), new("Input.Reason", 2000), new("Version", 36)],
            StartAsync = async factory =>
            {
                var (scenario, browser) = await PlanSessionAsync(factory, manager: true);
                return new FormSession
                {
                    Browser = browser,
                    Url = scenario.Path + "/extend",
                    ValidFieldsAsync = async () =>
                    {
                        var episode = await factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == scenario.Episode.Id).Select(e => new { e.PlannedEndOn, e.Version }).SingleAsync());
                        return await Fields([.. PlanDateValues("Input.NewPlannedEnd", episode.PlannedEndOn.AddMonths(1)), ("Input.Reason", "Still housing"), ("Version", episode.Version.ToString())]);
                    },
                };
            },
        },
        new()
        {
            Name = "episode strand",
            Fields = [new("Input.ServiceStrandId", 36), new("Input.WorkerUserId", 36), new("Input.Reason", 2000)],
            StartAgainAfterSuccess = true,
            StartAsync = async factory =>
            {
                var (scenario, browser) = await PlanSessionAsync(factory, manager: true);
                var strandId = await factory.WithDbAsync(async db =>
                {
                    var strand = new Core.Domain.Services.ServiceStrand { Id = Guid.NewGuid(), ServiceId = scenario.Service.Id, Name = "Peer support", WorkerRole = "peer-mentor" };
                    db.Add(strand);
                    await db.SaveChangesAsync();
                    return strand.Id;
                });
                return new FormSession
                {
                    Browser = browser,
                    Url = scenario.Path + "/strands/new",
                    ValidFieldsAsync = () => Fields(("Input.ServiceStrandId", strandId.ToString()), ("Input.WorkerUserId", scenario.Colleague.Id.ToString()), ("Input.Reason", "Wants a peer mentor")),
                };
            },
        },
        new()
        {
            Name = "episode strand end",
            Fields = [new("Input.Reason", 2000), new("Version", 36)],
            StartAgainAfterSuccess = true,
            StartAsync = async factory =>
            {
                var (scenario, browser) = await PlanSessionAsync(factory, manager: true);
                var strandId = await factory.WithDbAsync(db => db.EpisodeStrands.Where(s => s.EpisodeId == scenario.Episode.Id && s.ServiceStrandId == scenario.PracticalStrand.Id).Select(s => s.Id).SingleAsync());
                return new FormSession
                {
                    Browser = browser,
                    Url = $"{scenario.Path}/strands/{strandId}/end",
                    ValidFieldsAsync = async () => await Fields(("Input.Reason", "Practical work is done"), ("Version", (await PlanEpisodeVersionAsync(factory, scenario)).ToString())),
                };
            },
        },
    ];

    private static async Task<(EpisodeScenario Scenario, Browser Browser)> PlanSessionAsync(ThroughcareFactory factory, bool manager)
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        return (scenario, await Browser.SignInAsync(factory, manager ? scenario.Manager : scenario.EmotionalWorker));
    }

    private static Task<Guid> PlanEpisodeVersionAsync(ThroughcareFactory factory, EpisodeScenario scenario) =>
        factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == scenario.Episode.Id).Select(e => e.Version).SingleAsync());

    private static Task<GoalAction> PlanSeedGoalActionAsync(ThroughcareFactory factory, EpisodeScenario scenario) => factory.WithDbAsync(async db =>
    {
        var goal = new Goal { Id = Guid.NewGuid(), EpisodeId = scenario.Episode.Id, Description = "Open a bank account", CreatedAt = factory.UtcNow, CreatedByUserId = scenario.EmotionalWorker.Id };
        var action = new GoalAction { Id = Guid.NewGuid(), GoalId = goal.Id, EpisodeId = scenario.Episode.Id, Description = "Get proof of address", Owner = ActionOwner.Worker, CreatedAt = factory.UtcNow, CreatedByUserId = scenario.EmotionalWorker.Id };
        db.Add(goal);
        db.Add(action);
        await db.SaveChangesAsync();
        return action;
    });

    private static IEnumerable<(string, string)> PlanDateValues(string prefix, DateOnly date) =>
    [
        ($"{prefix}.Day", date.Day.ToString(CultureInfo.InvariantCulture)),
        ($"{prefix}.Month", date.Month.ToString(CultureInfo.InvariantCulture)),
        ($"{prefix}.Year", date.Year.ToString(CultureInfo.InvariantCulture)),
    ];
}
