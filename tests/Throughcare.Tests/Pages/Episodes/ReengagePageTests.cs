using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/engagement/reengage: a disengaged person has come back, and the episode is active again.</summary>
public sealed class ReengagePageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private async Task<Page> ReengageAsync(Browser browser, EpisodeScenario scenario, string reason) =>
        await browser.PostFormAsync(scenario.Path + "/engagement/reengage", new() { ["Version"] = (await factory.EpisodeVersionAsync(scenario)).ToString(), ["Input.Reason"] = reason });

    [Fact]
    public async Task Post_AfterDisengaging_ReturnsToActive_AndAuditsBothChanges()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        (await browser.PostFormAsync(scenario.Path + "/engagement/disengage", new() { ["Version"] = (await factory.EpisodeVersionAsync(scenario)).ToString(), ["Input.Reason"] = "Missed three sessions" }))
            .Status.ShouldBe(HttpStatusCode.Redirect);

        var reengaged = await ReengageAsync(browser, scenario, "He called back from his sister's");

        reengaged.Status.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync(reengaged.Location!)).Banner().ShouldBe("The episode is active again");
        (await factory.LoadEpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Active);
        var transitions = await factory.WithDbAsync(db => db.EpisodeTransitions.Where(t => t.EpisodeId == scenario.Episode.Id).OrderBy(t => t.At).ToListAsync());
        transitions.Select(t => t.To).ShouldBe([EpisodeState.Disengaged, EpisodeState.Active]);
        transitions[0].Reason.ShouldBe("Missed three sessions");
        var rows = await factory.EpisodeEventsAsync<EpisodeStateChanged>(scenario);
        rows.Select(r => r.Event<EpisodeStateChanged>()).Select(e => (e.From, e.To)).ShouldBe([(EpisodeState.Active, EpisodeState.Disengaged), (EpisodeState.Disengaged, EpisodeState.Active)]);
        rows[1].ShouldBeAbout(AuditRecordTypes.Episode, scenario.Episode.Id, AuditActions.Update, scenario, scenario.EmotionalWorker);
        await factory.ShouldNotBeInTheAuditTrailAsync(scenario, "his sister's");
    }

    [Fact]
    public async Task Post_WithoutAReason_OrOnAnActiveEpisode_IsRefused()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var empty = await ReengageAsync(browser, scenario, "");
        empty.Status.ShouldBe(HttpStatusCode.BadRequest);
        empty.Document.AssertHasError("Input_Reason", "Enter how the person re-engaged");
        var active = await ReengageAsync(browser, scenario, "He called");
        active.Status.ShouldBe(HttpStatusCode.BadRequest);
        active.Document.AssertHasError("Input_Reason", "Only a disengaged episode can be re-engaged");
        (await factory.EpisodeEventsAsync<EpisodeStateChanged>(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_StaleVersion_IsAConflict()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Disengaged);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync(scenario.Path + "/engagement/reengage", new() { ["Version"] = Guid.NewGuid().ToString(), ["Input.Reason"] = "He called" });

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        page.Document.QuerySelectorAll("#conflict tbody tr").Select(r => r.QuerySelector("[data-yours]").Text()).ShouldBe(["Active", "He called"]);
        (await factory.LoadEpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Disengaged);
    }

    [Fact]
    public async Task ClosedEpisode_Dpo_Referrer_Outsider_GetNotFound()
    {
        var closed = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        await factory.ShouldFindNothingAsync(closed, [closed.Manager], "/engagement/reengage");

        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Disengaged);
        await factory.ShouldFindNothingAsync(scenario, [scenario.Dpo, scenario.Referrer, scenario.Outsider], "/engagement/reengage");
    }
}
