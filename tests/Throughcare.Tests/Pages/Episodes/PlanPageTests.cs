using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Episodes;

namespace Throughcare.Tests.Pages.Episodes;

public sealed class PlanPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private static readonly string[] Pathways = ["Accommodation", "Ete", "Health", "DrugsAlcohol", "Finance", "ChildrenFamilies", "Attitudes"];

    [Fact]
    public async Task Get_NewEpisode_ShowsEmptyStates()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync(scenario.Path + "/plan");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#needs-empty").ShouldNotBeNull();
        page.Document.QuerySelector("#goals-empty").ShouldNotBeNull();
        page.Document.QuerySelector("#hardest-things-empty").ShouldNotBeNull();
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.View && a.UserId == scenario.EmotionalWorker.Id && a.RecordId == scenario.Episode.Id.ToString()))).ShouldBe(1);
    }

    [Fact]
    public async Task PostNeeds_StartThenReview_StoresAuditsAndShowsTheChangeInWords()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var first = await browser.PostFormAsync(scenario.Path + "/plan/needs/new", NeedsForm("Start", "High", "note one"));
        first.Status.ShouldBe(HttpStatusCode.Redirect);
        var second = await browser.PostFormAsync(scenario.Path + "/plan/needs/new", NeedsForm("Review", "Medium"));
        second.Status.ShouldBe(HttpStatusCode.Redirect);

        var page = await browser.GetAsync(scenario.Path + "/plan");
        page.Document.QuerySelector("tr[data-pathway=accommodation] [data-change]").Text().ShouldBe("High → Medium, down");
        page.Document.QuerySelector("tr[data-pathway=health] [data-change]").Text().ShouldBe("Medium, no change");
        page.Html.ShouldContain("note one");
        var stored = await factory.WithDbAsync(db => db.NeedsAssessments.Include(a => a.Ratings).Where(a => a.EpisodeId == scenario.Episode.Id).ToListAsync());
        stored.Count.ShouldBe(2);
        stored.ShouldAllBe(a => a.Ratings.Count == 7);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.NeedsAssessment && a.Action == AuditActions.Create && a.PersonId == scenario.PersonId))).ShouldBe(2);
    }

    [Fact]
    public async Task PostNeeds_SecondStartAssessment_IsRefused()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        (await browser.PostFormAsync(scenario.Path + "/plan/needs/new", NeedsForm("Start", "Low"))).Status.ShouldBe(HttpStatusCode.Redirect);

        var page = await browser.PostFormAsync(scenario.Path + "/plan/needs/new", NeedsForm("Start", "Low"));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Occasion", "A start assessment has already been recorded: choose review or end");
        (await factory.WithDbAsync(db => db.NeedsAssessments.CountAsync(a => a.EpisodeId == scenario.Episode.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task PostNeeds_SameSubmissionTwice_StoresOne()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var form = NeedsForm("Review", "Low");
        form["SubmissionId"] = Guid.NewGuid().ToString();

        (await browser.PostFormAsync(scenario.Path + "/plan/needs/new", form)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await browser.PostFormAsync(scenario.Path + "/plan/needs/new", form)).Status.ShouldBe(HttpStatusCode.Redirect);

        (await factory.WithDbAsync(db => db.NeedsAssessments.CountAsync(a => a.EpisodeId == scenario.Episode.Id))).ShouldBe(1);
    }

    [Theory]
    [InlineData("Input.Health", "", "Input_Health", "Select the level of need for health")]
    [InlineData("Input.Occasion", "", "Input_Occasion", "Select when the assessment was made")]
    [InlineData("Input.AssessedOn.Day", "", "Input_AssessedOn", "Date of the assessment must be a real date")]
    [InlineData("Input.AssessedOn.Year", "2999", "Input_AssessedOn", "Date of the assessment must be today or in the past")]
    [InlineData("Input.AssessedOn.Year", "2001", "Input_AssessedOn", "Date of the assessment must be on or after the episode's start")]
    public async Task PostNeeds_BadInput_ShowsErrorAndStoresNothing(string field, string value, string id, string message)
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var form = NeedsForm("Start", "High");
        form[field] = value;

        var page = await browser.PostFormAsync(scenario.Path + "/plan/needs/new", form);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(id, message);
        (await factory.WithDbAsync(db => db.NeedsAssessments.CountAsync(a => a.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task PostPriorities_StoresAuditsFromAndTo_AndAStaleVersionIsAConflict()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var version = await EpisodeVersionAsync(scenario);

        var saved = await browser.PostFormAsync(scenario.Path + "/plan/priorities", new() { ["Version"] = version.ToString(), ["Input.First"] = "Finding somewhere to live", ["Input.Second"] = "" });
        saved.Status.ShouldBe(HttpStatusCode.Redirect);
        var changed = await browser.PostFormAsync(scenario.Path + "/plan/priorities", new() { ["Version"] = (await EpisodeVersionAsync(scenario)).ToString(), ["Input.First"] = "Seeing my children" });
        changed.Status.ShouldBe(HttpStatusCode.Redirect);
        var stale = await browser.PostFormAsync(scenario.Path + "/plan/priorities", new() { ["Version"] = version.ToString(), ["Input.First"] = "Something else" });

        stale.Status.ShouldBe(HttpStatusCode.Conflict);
        stale.Document.QuerySelector("[data-conflict]").ShouldNotBeNull();
        var episode = await factory.WithDbAsync(db => db.Episodes.SingleAsync(e => e.Id == scenario.Episode.Id));
        episode.HardestThing1.ShouldBe("Seeing my children");
        episode.HardestThing2.ShouldBeNull();
        episode.HardestThingsRecordedAt.ShouldNotBeNull();
        var audits = await factory.WithDbAsync(db => db.AuditEvents.Where(a => a.RecordType == AuditRecordTypes.Episode && a.Action == AuditActions.Update && a.RecordId == scenario.Episode.Id.ToString()).OrderBy(a => a.Sequence).Select(a => a.Details).ToListAsync());
        audits.Count.ShouldBe(2);
        audits[1]!.ShouldContain("Finding somewhere to live");
        audits[1]!.ShouldContain("Seeing my children");
        (await browser.GetAsync(scenario.Path + "/plan")).Document.QuerySelector("#hardest-things").Text().ShouldContain("Seeing my children");
    }

    [Fact]
    public async Task PostPriorities_WithoutTheFirst_ShowsError()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync(scenario.Path + "/plan/priorities", new() { ["Version"] = (await EpisodeVersionAsync(scenario)).ToString(), ["Input.First"] = " ", ["Input.Second"] = "Money" });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_First", "Enter the first hardest thing, in the person's words");
        (await factory.WithDbAsync(db => db.Episodes.SingleAsync(e => e.Id == scenario.Episode.Id))).HardestThing2.ShouldBeNull();
    }

    [Fact]
    public async Task GoalsAndActions_AreStoredAudited_AndOverdueIsShownForOpenActionsOnly()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.PracticalWorker);

        (await browser.PostFormAsync(scenario.Path + "/plan/goals/new", new() { ["SubmissionId"] = Guid.NewGuid().ToString(), ["Input.Description"] = "Get a tenancy", ["Input.Pathway"] = "accommodation" }))
            .Status.ShouldBe(HttpStatusCode.Redirect);
        var goal = await factory.WithDbAsync(db => db.Goals.SingleAsync(g => g.EpisodeId == scenario.Episode.Id));
        goal.Pathway.ShouldBe("accommodation");
        var past = factory.Today.AddDays(-10);
        var actionUrl = $"{scenario.Path}/plan/goals/{goal.Id}/actions/new";
        (await browser.PostFormAsync(actionUrl, ActionForm("Call the housing office", "Worker", null, past))).Status.ShouldBe(HttpStatusCode.Redirect);
        (await browser.PostFormAsync(actionUrl, ActionForm("Bring ID", "Person", null, past))).Status.ShouldBe(HttpStatusCode.Redirect);
        (await browser.PostFormAsync(actionUrl, ActionForm("Assess the flat", "OtherOrganisation", "Shelter", null))).Status.ShouldBe(HttpStatusCode.Redirect);

        var actions = await factory.WithDbAsync(db => db.GoalActions.Where(a => a.GoalId == goal.Id).ToListAsync());
        actions.Count.ShouldBe(3);
        actions.Single(a => a.Owner == ActionOwner.OtherOrganisation).OwnerName.ShouldBe("Shelter");
        var done = actions.Single(a => a.Description == "Bring ID");
        var update = await browser.PostFormAsync($"{scenario.Path}/plan/actions/{done.Id}", new()
        {
            ["Version"] = done.Version.ToString(),
            ["Input.Status"] = "Done",
            ["Input.DueOn.Day"] = past.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.DueOn.Month"] = past.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.DueOn.Year"] = past.Year.ToString(CultureInfo.InvariantCulture),
        });
        update.Status.ShouldBe(HttpStatusCode.Redirect);

        var page = await browser.GetAsync(scenario.Path + "/plan");
        page.Document.QuerySelector($"tr[data-action='{actions.Single(a => a.Description == "Call the housing office").Id}']").Text().ShouldContain("Overdue");
        page.Document.QuerySelector($"tr[data-action='{done.Id}']").Text().ShouldNotContain("Overdue");
        page.Document.QuerySelector($"tr[data-action='{actions.Single(a => a.Owner == ActionOwner.OtherOrganisation).Id}']").Text().ShouldNotContain("Overdue");
        (await factory.WithDbAsync(db => db.GoalActions.SingleAsync(a => a.Id == done.Id))).CompletedAt.ShouldNotBeNull();
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.Goal && a.Action == AuditActions.Create && a.RecordId == goal.Id.ToString()))).ShouldBe(1);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.GoalAction && a.PersonId == scenario.PersonId))).ShouldBe(4);
    }

    [Fact]
    public async Task PostAction_StaleVersion_IsAConflict_AndNothingChanges()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.PracticalWorker);
        var action = await SeedActionAsync(scenario);
        var url = $"{scenario.Path}/plan/actions/{action.Id}";
        (await browser.PostFormAsync(url, new() { ["Version"] = action.Version.ToString(), ["Input.Status"] = "InProgress" })).Status.ShouldBe(HttpStatusCode.Redirect);

        var stale = await browser.PostFormAsync(url, new() { ["Version"] = action.Version.ToString(), ["Input.Status"] = "NoLongerNeeded" });

        stale.Status.ShouldBe(HttpStatusCode.Conflict);
        stale.Document.QuerySelector("[data-conflict]").ShouldNotBeNull();
        (await factory.WithDbAsync(db => db.GoalActions.SingleAsync(a => a.Id == action.Id))).Status.ShouldBe(ActionStatus.InProgress);
    }

    [Theory]
    [InlineData("Input.Description", "", "Input_Description", "Enter the action")]
    [InlineData("Input.Owner", "", "Input_Owner", "Select who owns the action")]
    [InlineData("Input.OwnerName", "", "Input_OwnerName", "Enter the name of the other organisation")]
    [InlineData("Input.DueOn.Month", "13", "Input_DueOn", "Due date must be a real date")]
    public async Task PostAction_BadInput_ShowsErrorAndStoresNothing(string field, string value, string id, string message)
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.PracticalWorker);
        var goalId = (await SeedActionAsync(scenario)).GoalId;
        var form = ActionForm("Phone the council", "OtherOrganisation", "Council", factory.Today.AddDays(3));
        form[field] = value;

        var page = await browser.PostFormAsync($"{scenario.Path}/plan/goals/{goalId}/actions/new", form);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(id, message);
        (await factory.WithDbAsync(db => db.GoalActions.CountAsync(a => a.GoalId == goalId))).ShouldBe(1);
    }

    [Fact]
    public async Task PostGoal_WithoutDescriptionOrWithUnknownPathway_ShowsErrors()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.PracticalWorker);

        var page = await browser.PostFormAsync(scenario.Path + "/plan/goals/new", new() { ["Input.Description"] = "", ["Input.Pathway"] = "moon" });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Description", "Enter the goal");
        page.Document.AssertHasError("Input_Pathway", "Select a pathway from the list");
        (await factory.WithDbAsync(db => db.Goals.CountAsync(g => g.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task ReferrerAndOutsider_GetNotFound_AndTheDpoReadsButCannotWrite()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var action = await SeedActionAsync(scenario);
        var paths = new[] { "/plan", "/plan/needs/new", "/plan/priorities", "/plan/goals/new", $"/plan/goals/{action.GoalId}/actions/new", $"/plan/actions/{action.Id}" };
        foreach (var user in new[] { scenario.Referrer, scenario.Outsider })
        {
            var browser = await Browser.SignInAsync(factory, user);
            foreach (var path in paths)
            {
                (await browser.GetAsync(scenario.Path + path)).Status.ShouldBe(HttpStatusCode.NotFound, path);
            }
        }

        var dpo = await Browser.SignInAsync(factory, scenario.Dpo);
        var plan = await dpo.GetAsync(scenario.Path + "/plan");
        plan.Status.ShouldBe(HttpStatusCode.OK);
        plan.Html.ShouldNotContain("/plan/goals/new");
        foreach (var path in paths.Skip(1))
        {
            (await dpo.GetAsync(scenario.Path + path)).Status.ShouldBe(HttpStatusCode.NotFound, path);
        }
    }

    [Fact]
    public async Task ClosedEpisode_IsReadOnly()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        (await browser.GetAsync(scenario.Path + "/plan")).Status.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync(scenario.Path + "/plan/needs/new")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync(scenario.Path + "/plan/goals/new")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    private Task<Guid> EpisodeVersionAsync(EpisodeScenario scenario) =>
        factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == scenario.Episode.Id).Select(e => e.Version).SingleAsync());

    private Task<GoalAction> SeedActionAsync(EpisodeScenario scenario) => factory.WithDbAsync(async db =>
    {
        var goal = new Goal { Id = Guid.NewGuid(), EpisodeId = scenario.Episode.Id, Description = "Open a bank account", CreatedAt = factory.UtcNow, CreatedByUserId = scenario.PracticalWorker.Id };
        var action = new GoalAction { Id = Guid.NewGuid(), GoalId = goal.Id, EpisodeId = scenario.Episode.Id, Description = "Get proof of address", Owner = ActionOwner.Worker, CreatedAt = factory.UtcNow, CreatedByUserId = scenario.PracticalWorker.Id };
        db.Add(goal);
        db.Add(action);
        await db.SaveChangesAsync();
        return action;
    });

    private Dictionary<string, string> NeedsForm(string occasion, string accommodation, string? note = null)
    {
        var today = factory.Today;
        var form = new Dictionary<string, string>
        {
            ["SubmissionId"] = Guid.NewGuid().ToString(),
            ["Input.Occasion"] = occasion,
            ["Input.AssessedOn.Day"] = today.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.AssessedOn.Month"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.AssessedOn.Year"] = today.Year.ToString(CultureInfo.InvariantCulture),
            ["Input.Note"] = note ?? "",
        };
        foreach (var pathway in Pathways)
        {
            form["Input." + pathway] = "Medium";
        }

        form["Input.Accommodation"] = accommodation;
        return form;
    }

    private static Dictionary<string, string> ActionForm(string description, string owner, string? ownerName, DateOnly? due) => new()
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
