using System.Globalization;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>Plan records put straight into the database, and valid plan forms.</summary>
public static class PlanTestData
{
    /// <summary>The codes of the pathways the migrations seed in use, in order.</summary>
    public static readonly string[] Pathways = ["accommodation", "ete", "health", "drugs", "finance", "children-families", "attitudes"];

    /// <summary>The needs form's field for one pathway's level.</summary>
    public static string LevelField(string code) => $"Input.Levels[{code}]";

    /// <summary>A goal with one open action of the worker's, undated.</summary>
    public static Task<GoalAction> SeedActionAsync(ThroughcareFactory factory, EpisodeScenario scenario) => factory.WithDbAsync(async db =>
    {
        var goal = new Goal { Id = Guid.NewGuid(), EpisodeId = scenario.Episode.Id, Description = "Open a bank account", CreatedAt = factory.UtcNow, CreatedByUserId = scenario.PracticalWorker.Id };
        var action = new GoalAction { Id = Guid.NewGuid(), GoalId = goal.Id, EpisodeId = scenario.Episode.Id, Description = "Get proof of address", Owner = ActionOwner.Worker, CreatedAt = factory.UtcNow, CreatedByUserId = scenario.PracticalWorker.Id };
        db.Add(goal);
        db.Add(action);
        await db.SaveChangesAsync();
        return action;
    });

    /// <summary>A needs assessment with every pathway at Medium but accommodation.</summary>
    public static Dictionary<string, string> NeedsForm(DateOnly assessedOn, string occasion, string accommodation, string? note = null)
    {
        var form = new Dictionary<string, string>
        {
            ["SubmissionId"] = Guid.NewGuid().ToString(),
            ["Input.Occasion"] = occasion,
            ["Input.AssessedOn.Day"] = assessedOn.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.AssessedOn.Month"] = assessedOn.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.AssessedOn.Year"] = assessedOn.Year.ToString(CultureInfo.InvariantCulture),
            ["Input.Note"] = note ?? "",
        };
        foreach (var pathway in Pathways)
        {
            form[LevelField(pathway)] = "Medium";
        }

        form[LevelField("accommodation")] = accommodation;
        return form;
    }

    public static Dictionary<string, string> ActionForm(string description, string owner, string? ownerName, DateOnly? due) => new()
    {
        ["SubmissionId"] = Guid.NewGuid().ToString(),
        ["Input.Description"] = description,
        ["Input.Owner"] = owner,
        ["Input.OwnerName"] = ownerName ?? "",
        ["Input.DueOn.Day"] = due?.Day.ToString(CultureInfo.InvariantCulture) ?? "",
        ["Input.DueOn.Month"] = due?.Month.ToString(CultureInfo.InvariantCulture) ?? "",
        ["Input.DueOn.Year"] = due?.Year.ToString(CultureInfo.InvariantCulture) ?? "",
    };
}
