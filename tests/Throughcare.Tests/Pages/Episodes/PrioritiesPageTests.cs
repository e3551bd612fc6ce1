using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/plan/priorities: the person's three hardest things, in their own words.</summary>
public sealed class PrioritiesPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Post_StoresTheWords_AndThePlanShowsThem()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var saved = await browser.PostFormAsync(scenario.Path + "/plan/priorities", new() { ["Version"] = (await factory.EpisodeVersionAsync(scenario)).ToString(), ["Input.First"] = "Finding somewhere to live", ["Input.Second"] = "" });

        saved.Status.ShouldBe(HttpStatusCode.Redirect);
        saved.Location.ShouldBe(scenario.Path + "/plan");
        var plan = await browser.GetAsync(saved.Location!);
        plan.Banner().ShouldBe("Three hardest things saved");
        plan.Document.QuerySelector("#hardest-things").Text().ShouldContain("Finding somewhere to live");
        var episode = await factory.LoadEpisodeAsync(scenario);
        episode.HardestThing1.ShouldBe("Finding somewhere to live");
        episode.HardestThing2.ShouldBeNull();
        episode.HardestThingsRecordedAt.ShouldNotBeNull();
    }

    /// <summary>The audit records which of the person's hardest things changed; their words stay in the plan.</summary>
    [Fact]
    public async Task Post_IsAuditedAsATypedEvent_WithoutThePersonsWords()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        (await browser.PostFormAsync(scenario.Path + "/plan/priorities", new() { ["Version"] = (await factory.EpisodeVersionAsync(scenario)).ToString(), ["Input.First"] = "Finding somewhere to live", ["Input.Second"] = "Money" }))
            .Status.ShouldBe(HttpStatusCode.Redirect);
        (await browser.PostFormAsync(scenario.Path + "/plan/priorities", new() { ["Version"] = (await factory.EpisodeVersionAsync(scenario)).ToString(), ["Input.First"] = "Seeing my children", ["Input.Second"] = "Money" }))
            .Status.ShouldBe(HttpStatusCode.Redirect);

        var rows = await factory.EpisodeEventsAsync<PrioritiesChanged>(scenario);
        rows.Count.ShouldBe(2);
        rows[1].ShouldBeAbout(AuditRecordTypes.Episode, scenario.Episode.Id, AuditActions.Update, scenario, scenario.EmotionalWorker);
        rows[0].Event<PrioritiesChanged>().Changes.ShouldBe([new PriorityChange(1, TextChange.Added), new PriorityChange(2, TextChange.Added)]);
        rows[1].Event<PrioritiesChanged>().Changes.ShouldBe([new PriorityChange(1, TextChange.Changed)]);
        await factory.ShouldNotBeInTheAuditTrailAsync(scenario, "Finding somewhere to live", "Seeing my children", "Money");
    }

    [Fact]
    public async Task Post_StaleVersion_ShowsWhatIsSavedBesideTheUsersWords_AndChangesNothing()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var version = await factory.EpisodeVersionAsync(scenario);
        (await browser.PostFormAsync(scenario.Path + "/plan/priorities", new() { ["Version"] = version.ToString(), ["Input.First"] = "Seeing my children" })).Status.ShouldBe(HttpStatusCode.Redirect);

        var stale = await browser.PostFormAsync(scenario.Path + "/plan/priorities", new() { ["Version"] = version.ToString(), ["Input.First"] = "Something else" });

        stale.Status.ShouldBe(HttpStatusCode.Conflict);
        stale.Document.QuerySelector("[data-conflict]").ShouldNotBeNull();
        var first = stale.Document.QuerySelectorAll("#conflict tbody tr").Single(r => r.QuerySelector("th").Text() == "First");
        (first.QuerySelector("[data-saved]").Text(), first.QuerySelector("[data-yours]").Text()).ShouldBe(("Seeing my children", "Something else"));
        stale.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.First']")!.Value.ShouldBe("Something else");
        stale.Document.QuerySelector<IHtmlInputElement>("input[name=Version]")!.Value.ShouldBe((await factory.EpisodeVersionAsync(scenario)).ToString());
        (await factory.LoadEpisodeAsync(scenario)).HardestThing1.ShouldBe("Seeing my children");
        (await factory.EpisodeEventsAsync<PrioritiesChanged>(scenario)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Post_WithoutTheFirst_ShowsError()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync(scenario.Path + "/plan/priorities", new() { ["Version"] = (await factory.EpisodeVersionAsync(scenario)).ToString(), ["Input.First"] = " ", ["Input.Second"] = "Money" });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_First", "Enter the first hardest thing, in the person's words");
        (await factory.LoadEpisodeAsync(scenario)).HardestThing2.ShouldBeNull();
        (await factory.EpisodeEventsAsync<PrioritiesChanged>(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Dpo_ReferrerAndOutsider_GetNotFound_AndAClosedEpisodeTakesNone()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        await factory.ShouldFindNothingAsync(scenario, [scenario.Dpo, scenario.Referrer, scenario.Outsider], "/plan/priorities");

        var closed = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        await factory.ShouldFindNothingAsync(closed, [closed.EmotionalWorker], "/plan/priorities");
    }
}
