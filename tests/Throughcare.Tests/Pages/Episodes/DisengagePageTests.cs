using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/engagement/disengage: an engaging or active episode marked disengaged, with why. It stays open.</summary>
public sealed class DisengagePageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private async Task<Page> DisengageAsync(Browser browser, EpisodeScenario scenario, string reason, Guid? version = null) =>
        await browser.PostFormAsync(scenario.Path + "/engagement/disengage", new() { ["Version"] = (version ?? await factory.EpisodeVersionAsync(scenario)).ToString(), ["Input.Reason"] = reason });

    [Fact]
    public async Task Post_MarksTheEpisodeDisengaged_WithTheReasonOnItsTransition()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var disengaged = await DisengageAsync(browser, scenario, "Missed three sessions after his mother died");

        disengaged.Status.ShouldBe(HttpStatusCode.Redirect);
        disengaged.Location.ShouldBe(scenario.Path + "/engagement");
        (await browser.GetAsync(disengaged.Location!)).Banner().ShouldBe("The episode is marked disengaged");
        (await factory.LoadEpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Disengaged);
        var transition = await factory.WithDbAsync(db => db.EpisodeTransitions.SingleAsync(t => t.EpisodeId == scenario.Episode.Id));
        (transition.From, transition.To, transition.Reason, transition.ByUserId).ShouldBe((EpisodeState.Active, EpisodeState.Disengaged, "Missed three sessions after his mother died", (Guid?)scenario.EmotionalWorker.Id));
        var row = (await factory.EpisodeEventsAsync<EpisodeStateChanged>(scenario)).ShouldHaveSingleItem();
        row.ShouldBeAbout(AuditRecordTypes.Episode, scenario.Episode.Id, AuditActions.Update, scenario, scenario.EmotionalWorker);
        var changed = row.Event<EpisodeStateChanged>();
        (changed.From, changed.To).ShouldBe((EpisodeState.Active, EpisodeState.Disengaged));
        await factory.ShouldNotBeInTheAuditTrailAsync(scenario, "his mother died");
    }

    [Fact]
    public async Task Post_WithoutAReason_ShowsError_AndChangesNothing()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var empty = await DisengageAsync(browser, scenario, " ");

        empty.Status.ShouldBe(HttpStatusCode.BadRequest);
        empty.Document.AssertHasError("Input_Reason", "Enter why the person has disengaged");
        (await factory.LoadEpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Active);
    }

    [Fact]
    public async Task Post_StaleVersion_ShowsTheStateSavedNow_KeepsTheReason_AndChangesNothing()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await DisengageAsync(browser, scenario, "Missed sessions", Guid.NewGuid());

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        page.Document.QuerySelector("[data-conflict]").ShouldNotBeNull();
        var rows = page.Document.QuerySelectorAll("#conflict tbody tr");
        (rows[0].QuerySelector("th").Text(), rows[0].QuerySelector("[data-saved]").Text(), rows[0].QuerySelector("[data-yours]").Text()).ShouldBe(("State", "Active", "Disengaged"));
        (rows[1].QuerySelector("th").Text(), rows[1].QuerySelector("[data-yours]").Text()).ShouldBe(("Reason", "Missed sessions"));
        page.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Reason']")!.Value.ShouldBe("Missed sessions");
        page.Document.QuerySelector<IHtmlInputElement>("input[name=Version]")!.Value.ShouldBe((await factory.EpisodeVersionAsync(scenario)).ToString());
        (await factory.LoadEpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Active);
    }

    [Fact]
    public async Task Post_ADisengagedEpisode_IsRefused()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Disengaged);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await DisengageAsync(browser, scenario, "Again");

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Reason", "Only an engaging or active episode can be marked disengaged; this one is disengaged");
        (await factory.EpisodeEventsAsync<EpisodeStateChanged>(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ClosedEpisode_ReferrerAndOutsider_GetNotFound()
    {
        var closed = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        await factory.ShouldFindNothingAsync(closed, [closed.Manager], "/engagement/disengage");
        var browser = await Browser.SignInAsync(factory, closed.Manager);
        var posted = await browser.PostFormAsync(closed.Path + "/engagement/disengage", new() { ["Version"] = (await factory.EpisodeVersionAsync(closed)).ToString(), ["Input.Reason"] = "x" }, closed.Path + "/engagement");

        // The manager could disengage it while it was open: the form is refused as one the episode has moved past.
        posted.Status.ShouldBe(HttpStatusCode.Conflict);
        posted.Document.Heading().ShouldBe("This episode has changed");
        (await factory.LoadEpisodeAsync(closed)).State.ShouldBe(EpisodeState.Closed);

        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        await factory.ShouldFindNothingAsync(scenario, [scenario.Dpo, scenario.Referrer, scenario.Outsider], "/engagement/disengage");
    }
}
