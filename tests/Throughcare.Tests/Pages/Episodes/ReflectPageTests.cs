using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.Episodes.EngagementTestData;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/engagement/reflect: the team's reflective review of a disengaged episode.</summary>
public sealed class ReflectPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Post_StoresTheReview_AndTheEngagementPageShowsIt()
    {
        var scenario = await DisengagedAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var saved = await ReflectAsync(browser, scenario);

        saved.Status.ShouldBe(HttpStatusCode.Redirect);
        saved.Location.ShouldBe(scenario.Path + "/engagement");
        var page = await browser.GetAsync(saved.Location!);
        page.Banner().ShouldBe("Reflective review recorded");
        page.Document.QuerySelector("[data-review]").Text().ShouldContain("We did not ask about his mother's illness");
        var review = await factory.WithDbAsync(db => db.ReflectiveReviews.SingleAsync(r => r.EpisodeId == scenario.Episode.Id));
        (review.WhatIsGoingOn, review.WhatWasTried, review.RecordedByUserId).ShouldBe(("His housing fell through", "Calls and a home visit", scenario.EmotionalWorker.Id));
        var row = (await factory.EpisodeEventsAsync<ReflectiveReviewRecorded>(scenario)).ShouldHaveSingleItem();
        row.ShouldBeAbout(AuditRecordTypes.ReflectiveReview, review.Id, AuditActions.Create, scenario, scenario.EmotionalWorker);
    }

    /// <summary>What the team wrote in reflection is care, not audit: the trail records that a review was made.</summary>
    [Fact]
    public async Task Post_KeepsTheReflectionOutOfTheAuditTrail()
    {
        var scenario = await DisengagedAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        (await ReflectAsync(browser, scenario)).Status.ShouldBe(HttpStatusCode.Redirect);

        await factory.ShouldNotBeInTheAuditTrailAsync(scenario, [.. Reflection.Values]);
    }

    [Fact]
    public async Task Post_Twice_WithTheSameSubmissionId_StoresOne_AndAnActiveEpisodeTakesNone()
    {
        var scenario = await DisengagedAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var form = new Dictionary<string, string>(Reflection) { ["SubmissionId"] = Guid.NewGuid().ToString() };
        (await browser.PostFormAsync(scenario.Path + "/engagement/reflect", form)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await browser.PostFormAsync(scenario.Path + "/engagement/reflect", form)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.ReflectiveReviews.CountAsync(r => r.EpisodeId == scenario.Episode.Id))).ShouldBe(1);

        var active = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var refused = await ReflectAsync(await Browser.SignInAsync(factory, active.EmotionalWorker), active);
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Document.AssertHasError("Input_WhatIsGoingOn", "A reflective review is recorded while the episode is disengaged");
    }

    [Fact]
    public async Task Post_WithAnAnswerMissing_ShowsError_AndStoresNothing()
    {
        var scenario = await DisengagedAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync(scenario.Path + "/engagement/reflect", new(Reflection) { ["SubmissionId"] = Guid.NewGuid().ToString(), ["Input.WhatWasTried"] = "" });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_WhatWasTried", "Enter what was tried");
        (await factory.WithDbAsync(db => db.ReflectiveReviews.CountAsync(r => r.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
        (await factory.EpisodeEventsAsync<ReflectiveReviewRecorded>(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ClosedEpisode_Dpo_Referrer_Outsider_GetNotFound()
    {
        var closed = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        await factory.ShouldFindNothingAsync(closed, [closed.Manager], "/engagement/reflect");

        var scenario = await DisengagedAsync(factory);
        await factory.ShouldFindNothingAsync(scenario, [scenario.Dpo, scenario.Referrer, scenario.Outsider], "/engagement/reflect");
    }
}
