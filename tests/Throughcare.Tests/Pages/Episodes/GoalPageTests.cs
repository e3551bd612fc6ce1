using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/plan/goals/new: a goal the person is working towards.</summary>
public sealed class GoalPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Post_StoresTheGoal_AndAuditsThatItWasSet_WithoutItsWords()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.PracticalWorker);

        var saved = await browser.PostFormAsync(scenario.Path + "/plan/goals/new", new() { ["SubmissionId"] = Guid.NewGuid().ToString(), ["Input.Description"] = "Get a tenancy near his daughter", ["Input.Pathway"] = "accommodation" });

        saved.Status.ShouldBe(HttpStatusCode.Redirect);
        saved.Location.ShouldBe(scenario.Path + "/plan");
        (await browser.GetAsync(saved.Location!)).Banner().ShouldBe("Goal added");
        var goal = await factory.WithDbAsync(db => db.Goals.SingleAsync(g => g.EpisodeId == scenario.Episode.Id));
        (goal.Description, goal.Pathway).ShouldBe(("Get a tenancy near his daughter", "accommodation"));
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.Goal && a.Action == AuditActions.Create && a.RecordId == goal.Id.ToString()))).ShouldBe(1);
        var row = (await factory.EpisodeEventsAsync<GoalSet>(scenario)).ShouldHaveSingleItem();
        row.ShouldBeAbout(AuditRecordTypes.Goal, goal.Id, AuditActions.Create, scenario, scenario.PracticalWorker);
        row.Event<GoalSet>().Pathway.ShouldBe("accommodation");
        await factory.ShouldNotBeInTheAuditTrailAsync(scenario, "near his daughter");
    }

    [Fact]
    public async Task Post_WithoutDescriptionOrWithUnknownPathway_ShowsErrors()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.PracticalWorker);

        var page = await browser.PostFormAsync(scenario.Path + "/plan/goals/new", new() { ["Input.Description"] = "", ["Input.Pathway"] = "moon" });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Description", "Enter the goal");
        page.Document.AssertHasError("Input_Pathway", "Select a pathway from the list");
        (await factory.WithDbAsync(db => db.Goals.CountAsync(g => g.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
        (await factory.EpisodeEventsAsync<GoalSet>(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Dpo_ReferrerAndOutsider_GetNotFound_AndAClosedEpisodeTakesNone()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        await factory.ShouldFindNothingAsync(scenario, [scenario.Dpo, scenario.Referrer, scenario.Outsider], "/plan/goals/new");

        var closed = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        await factory.ShouldFindNothingAsync(closed, [closed.EmotionalWorker], "/plan/goals/new");
    }

    [Fact]
    public async Task RetiredDrugsAndAlcohol_IsNotOffered_AndIsRefused()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.PracticalWorker);

        var form = await browser.GetAsync(scenario.Path + "/plan/goals/new");
        var page = await browser.PostFormAsync(scenario.Path + "/plan/goals/new", new() { ["SubmissionId"] = Guid.NewGuid().ToString(), ["Input.Description"] = "Cut down", ["Input.Pathway"] = "drugs-alcohol" });

        form.Document.QuerySelectorAll("#Input_Pathway option").Select(o => o.GetAttribute("value")).ShouldBe(["", .. PlanTestData.Pathways]);
        form.Document.QuerySelector("#Input_Pathway option[value=health]").Text().ShouldBe("Mental and physical health (including alcohol)");
        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Pathway", "Select a pathway from the list");
        (await factory.WithDbAsync(db => db.Goals.CountAsync(g => g.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
    }
}
