using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.Episodes.EngagementTestData;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/engagement/sign-off: a manager confirms a proposed closure, or returns it with a reason.</summary>
public sealed class SignOffPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private async Task<Page> ConfirmAsync(Browser browser, EpisodeScenario scenario, Guid? version = null) =>
        await browser.PostFormAsync(scenario.Path + "/engagement/sign-off?handler=Confirm", new() { ["Version"] = (version ?? await factory.EpisodeVersionAsync(scenario)).ToString() }, scenario.Path + "/engagement/sign-off");

    [Fact]
    public async Task PostConfirm_ClosesTheEpisode_EndsEveryStrand_AndTellsTheReferrer()
    {
        var scenario = await DisengagedAsync(factory);
        await AddAttemptsAsync(factory, scenario, (20, ContactMode.Phone), (10, ContactMode.HomeVisit), (5, ContactMode.LetterOrText));
        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        await ReflectAsync(worker, scenario);
        (await ProposeAsync(factory, worker, scenario)).Status.ShouldBe(HttpStatusCode.Redirect);
        var manager = await Browser.SignInAsync(factory, scenario.Manager);
        (await manager.GetAsync(scenario.Path + "/engagement/sign-off")).Status.ShouldBe(HttpStatusCode.OK);

        var closed = await ConfirmAsync(manager, scenario);

        closed.Status.ShouldBe(HttpStatusCode.Redirect);
        closed.Location.ShouldBe(scenario.Path + "/engagement");
        (await manager.GetAsync(closed.Location!)).Banner().ShouldBe("The episode is closed");
        var episode = await factory.LoadEpisodeAsync(scenario);
        episode.State.ShouldBe(EpisodeState.Closed);
        episode.ClosureSignedOffByUserId.ShouldBe(scenario.Manager.Id);
        episode.ClosedAt.ShouldNotBeNull();
        episode.Strands.ShouldAllBe(s => s.EndedAt != null && s.EndReason == "Episode closed");
        var referrerMail = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == scenario.Referrer.Email).ToListAsync());
        referrerMail.ShouldContain(m => m.Body.Contains(scenario.Service.Name, StringComparison.Ordinal) && m.Body.Contains("closed", StringComparison.Ordinal));
        (await factory.WithDbAsync(db => db.EpisodeTransitions.CountAsync(t => t.EpisodeId == scenario.Episode.Id && t.To == EpisodeState.Closed))).ShouldBe(1);
        var row = (await factory.EpisodeEventsAsync<EpisodeClosed>(scenario)).ShouldHaveSingleItem();
        row.ShouldBeAbout(AuditRecordTypes.Episode, scenario.Episode.Id, AuditActions.Update, scenario, scenario.Manager);
        row.Event<EpisodeClosed>().Reason.ShouldBe(EpisodeCloseReason.Disengaged);
        var role = await factory.WithDbAsync(db => db.PersonCareRoles.SingleAsync(r => r.ReferralId == scenario.Referral.Id));
        role.EndedAt.ShouldBe(episode.ClosedAt!.Value.AddDays(90));
    }

    /// <summary>The referring organisation reads in the change history that the episode closed, and why, but nothing of its work.</summary>
    [Fact]
    public async Task PostConfirm_TheReferrerReadsTheClosureInTheChangeHistory_AndNothingElseOfTheEpisode()
    {
        var scenario = await ClosingAsync(factory);
        var manager = await Browser.SignInAsync(factory, scenario.Manager);
        (await ConfirmAsync(manager, scenario)).Status.ShouldBe(HttpStatusCode.Redirect);

        var referrer = await Browser.SignInAsync(factory, scenario.Referrer);
        var history = await referrer.GetAsync($"/people/{scenario.PersonId}/history");

        var titles = history.Document.QuerySelectorAll(".moj-timeline__title").Select(t => t.Text()).ToList();
        titles.ShouldContain("Episode closed");
        titles.ShouldNotContain("Closure proposed");
        var closedEntry = history.Document.QuerySelectorAll(".moj-timeline__item").Single(e => e.QuerySelector(".moj-timeline__title").Text() == "Episode closed");
        closedEntry.Text().ShouldContain("Completed");
        var team = await manager.GetAsync($"/people/{scenario.PersonId}/history");
        team.Document.QuerySelectorAll(".moj-timeline__title").Select(t => t.Text()).ShouldContain("Closure proposed");
    }

    [Fact]
    public async Task Practitioner_CannotSignOff()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closing);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        (await browser.GetAsync(scenario.Path + "/engagement/sign-off")).Status.ShouldBe(HttpStatusCode.NotFound);
        var post = await browser.PostFormAsync(scenario.Path + "/engagement/sign-off?handler=Confirm", new() { ["Version"] = (await factory.EpisodeVersionAsync(scenario)).ToString() }, scenario.Path + "/engagement");
        post.Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.LoadEpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Closing);
    }

    [Fact]
    public async Task PostReturn_GoesBackToThePreviousState_WithTheManagersReason()
    {
        var scenario = await ClosingAsync(factory);
        var manager = await Browser.SignInAsync(factory, scenario.Manager);

        var empty = await manager.PostFormAsync(scenario.Path + "/engagement/sign-off?handler=Return", new() { ["Version"] = (await factory.EpisodeVersionAsync(scenario)).ToString(), ["Return.Reason"] = "" });
        empty.Status.ShouldBe(HttpStatusCode.BadRequest);
        empty.Document.AssertHasError("Return_Reason", "Enter why the closure is returned");
        var returned = await manager.PostFormAsync(scenario.Path + "/engagement/sign-off?handler=Return", new() { ["Version"] = (await factory.EpisodeVersionAsync(scenario)).ToString(), ["Return.Reason"] = "Goals not finished" });

        returned.Status.ShouldBe(HttpStatusCode.Redirect);
        (await manager.GetAsync(returned.Location!)).Banner().ShouldBe("The closure was returned");
        var episode = await factory.LoadEpisodeAsync(scenario);
        episode.State.ShouldBe(EpisodeState.Active);
        episode.CloseReason.ShouldBeNull();
        var row = (await factory.EpisodeEventsAsync<ClosureReturned>(scenario)).ShouldHaveSingleItem();
        row.ShouldBeAbout(AuditRecordTypes.Episode, scenario.Episode.Id, AuditActions.Update, scenario, scenario.Manager);
        var closure = row.Event<ClosureReturned>();
        (closure.To, closure.ProposedReason, closure.Reason).ShouldBe((EpisodeState.Active, (EpisodeCloseReason?)EpisodeCloseReason.Completed, "Goals not finished"));
    }

    [Fact]
    public async Task PostConfirm_StaleVersion_ShowsTheStateSavedNow_AndClosesNothing()
    {
        var scenario = await ClosingAsync(factory);
        var manager = await Browser.SignInAsync(factory, scenario.Manager);

        var page = await ConfirmAsync(manager, scenario, Guid.NewGuid());

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        var row = page.Document.QuerySelectorAll("#conflict tbody tr").ShouldHaveSingleItem();
        (row.QuerySelector("[data-saved]").Text(), row.QuerySelector("[data-yours]").Text()).ShouldBe(("Closing", "Closed"));
        var saved = (await factory.EpisodeVersionAsync(scenario)).ToString();
        page.Document.QuerySelectorAll("input[name=Version]").Select(i => i.GetAttribute("value")).ShouldAllBe(v => v == saved);
        (await factory.LoadEpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Closing);
        (await factory.EpisodeEventsAsync<EpisodeClosed>(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PostConfirm_AfterAnotherManagerClosedIt_SaysTheEpisodeHasChanged_NotThatItIsMissing()
    {
        var scenario = await ClosingAsync(factory);
        var manager = await Browser.SignInAsync(factory, scenario.Manager);
        var version = await factory.EpisodeVersionAsync(scenario);
        (await ConfirmAsync(manager, scenario, version)).Status.ShouldBe(HttpStatusCode.Redirect);

        var again = await ConfirmAsync(manager, scenario, version);

        again.Status.ShouldBe(HttpStatusCode.Conflict);
        again.Document.Heading().ShouldBe("This episode has changed");
        again.Document.QuerySelector("main strong")!.Text().ShouldBe("closed");
        again.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldContain(scenario.Path);
        (await factory.EpisodeEventsAsync<EpisodeClosed>(scenario)).Count.ShouldBe(1);
    }

    /// <summary>The test data's closed episodes are as a sign-off leaves them, so that access to them is tested as it will be.</summary>
    [Fact]
    public async Task ClosedScenario_IsLeftAsASignOffLeavesIt()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);

        var episode = await factory.LoadEpisodeAsync(scenario);
        var role = await factory.WithDbAsync(db => db.PersonCareRoles.SingleAsync(r => r.OrganisationId == scenario.Service.OrganisationId && r.PersonId == scenario.PersonId));
        role.ReferralId.ShouldBe(scenario.Referral.Id);
        role.EndedAt.ShouldBe(episode.ClosedAt!.Value.AddDays(90));
        episode.Strands.ShouldAllBe(s => s.EndedAt == episode.ClosedAt);
    }

    [Fact]
    public async Task ClosedEpisode_Dpo_Referrer_Outsider_GetNotFound()
    {
        var closed = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        await factory.ShouldFindNothingAsync(closed, [closed.Manager], "/engagement/sign-off");

        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closing);
        await factory.ShouldFindNothingAsync(scenario, [scenario.Dpo, scenario.Referrer, scenario.Outsider], "/engagement/sign-off");
    }
}
