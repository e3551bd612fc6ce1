using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.Episodes.PlanTestData;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/plan/goals/{goalId}/actions/new: a step towards a goal, its owner and when it is due.</summary>
public sealed class NewActionPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Post_StoresTheActionsWithTheirOwners_AndAuditsThem_WithoutTheirWords()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.PracticalWorker);
        var goalId = (await SeedActionAsync(factory, scenario)).GoalId;
        var actionUrl = $"{scenario.Path}/plan/goals/{goalId}/actions/new";
        var past = factory.Today.AddDays(-10);

        var first = await browser.PostFormAsync(actionUrl, ActionForm("Call the housing office", "Worker", null, past));
        first.Status.ShouldBe(HttpStatusCode.Redirect);
        first.Location.ShouldBe(scenario.Path + "/plan");
        (await browser.GetAsync(first.Location!)).Banner().ShouldBe("Action added");
        (await browser.PostFormAsync(actionUrl, ActionForm("Bring ID", "Person", null, past))).Status.ShouldBe(HttpStatusCode.Redirect);
        (await browser.PostFormAsync(actionUrl, ActionForm("Assess the flat", "OtherOrganisation", "Shelter", null))).Status.ShouldBe(HttpStatusCode.Redirect);

        var actions = await factory.WithDbAsync(db => db.GoalActions.Where(a => a.GoalId == goalId && a.Description != "Get proof of address").ToListAsync());
        actions.Count.ShouldBe(3);
        actions.Single(a => a.Owner == ActionOwner.OtherOrganisation).OwnerName.ShouldBe("Shelter");
        actions.Single(a => a.Description == "Bring ID").DueOn.ShouldBe(past);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.GoalAction && a.PersonId == scenario.PersonId))).ShouldBe(3);
        var rows = await factory.EpisodeEventsAsync<ActionAdded>(scenario);
        rows.Count.ShouldBe(3);
        var call = actions.Single(a => a.Description == "Call the housing office");
        rows[0].ShouldBeAbout(AuditRecordTypes.GoalAction, call.Id, AuditActions.Create, scenario, scenario.PracticalWorker);
        var added = rows[0].Event<ActionAdded>();
        (added.GoalId, added.Owner, added.DueOn).ShouldBe((goalId, ActionOwner.Worker, (DateOnly?)past));
        await factory.ShouldNotBeInTheAuditTrailAsync(scenario, "Call the housing office", "Assess the flat");
    }

    [Theory]
    [InlineData("Input.Description", "", "Input_Description", "Enter the action")]
    [InlineData("Input.Owner", "", "Input_Owner", "Select who owns the action")]
    [InlineData("Input.OwnerName", "", "Input_OwnerName", "Enter the name of the other organisation")]
    [InlineData("Input.DueOn.Month", "13", "Input_DueOn", "Due date must be a real date")]
    public async Task Post_BadInput_ShowsErrorAndStoresNothing(string field, string value, string id, string message)
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.PracticalWorker);
        var goalId = (await SeedActionAsync(factory, scenario)).GoalId;
        var form = ActionForm("Phone the council", "OtherOrganisation", "Council", factory.Today.AddDays(3));
        form[field] = value;

        var page = await browser.PostFormAsync($"{scenario.Path}/plan/goals/{goalId}/actions/new", form);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(id, message);
        (await factory.WithDbAsync(db => db.GoalActions.CountAsync(a => a.GoalId == goalId))).ShouldBe(1);
        (await factory.EpisodeEventsAsync<ActionAdded>(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Dpo_ReferrerAndOutsider_GetNotFound_AsDoesAGoalOfAnotherEpisode()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var goalId = (await SeedActionAsync(factory, scenario)).GoalId;
        await factory.ShouldFindNothingAsync(scenario, [scenario.Dpo, scenario.Referrer, scenario.Outsider], $"/plan/goals/{goalId}/actions/new");

        var other = await new EpisodeTestData(factory).CreateScenarioAsync();
        await factory.ShouldFindNothingAsync(other, [other.PracticalWorker], $"/plan/goals/{goalId}/actions/new");
    }
}
