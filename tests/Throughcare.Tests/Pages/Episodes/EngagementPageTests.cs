using System.Net;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.Episodes.EngagementTestData;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/engagement: the at-risk signal, reflective reviews, re-engagement attempts and where a closure stands.</summary>
public sealed class EngagementPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Get_ShowsTheAtRiskSignalWithItsReason_AndTheActionsByRoute()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        await factory.WithDbAsync(db =>
        {
            for (var i = 1; i <= 3; i++)
            {
                db.Contacts.Add(new Contact { Id = Guid.NewGuid(), EpisodeId = scenario.Episode.Id, ServiceStrandId = scenario.EmotionalStrand.Id, OccurredAt = factory.UtcNow.AddHours(-i), Mode = ContactMode.FaceToFace, Attendance = Attendance.DidNotAttend, RecordedAt = factory.UtcNow, RecordedByUserId = scenario.EmotionalWorker.Id });
            }

            return db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, scenario.Colleague);

        var page = await browser.GetAsync(scenario.Path + "/engagement");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("[data-signal='at-risk']").Text().ShouldContain("3 did-not-attends in a row");
        page.Document.QuerySelector("[data-action='disengage']")!.GetAttribute("href").ShouldBe(scenario.Path + "/engagement/disengage");
        page.Document.QuerySelector("[data-action='close']")!.GetAttribute("href").ShouldBe(scenario.Path + "/engagement/close");
        page.Document.QuerySelector("[data-action='sign-off']").ShouldBeNull();
    }

    [Fact]
    public async Task Get_Disengaged_ShowsTheAttemptsAndReflectiveReviews()
    {
        var scenario = await DisengagedAsync(factory);
        await AddAttemptsAsync(factory, scenario, (20, ContactMode.Phone), (10, ContactMode.HomeVisit), (5, ContactMode.LetterOrText));
        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        await ReflectAsync(worker, scenario);

        var engagement = await worker.GetAsync(scenario.Path + "/engagement");

        engagement.Document.QuerySelectorAll("#attempts tbody tr").Length.ShouldBe(3);
        engagement.Document.QuerySelectorAll("[data-review]").Length.ShouldBe(1);
        engagement.Document.QuerySelector("[data-readiness]").ShouldBeNull();
        engagement.Document.QuerySelector("[data-action='reengage']")!.GetAttribute("href").ShouldBe(scenario.Path + "/engagement/reengage");
    }

    [Fact]
    public async Task Get_ClosureWaitingForSignOff_SaysWhoProposedIt_AndOffersTheManagerTheSignOff()
    {
        var scenario = await ClosingAsync(factory);

        var worker = await (await Browser.SignInAsync(factory, scenario.EmotionalWorker)).GetAsync(scenario.Path + "/engagement");
        worker.Document.GetSummaryListValue("Closure proposed by")!.ShouldStartWith(scenario.EmotionalWorker.DisplayName);
        worker.Document.QuerySelector("[data-action='sign-off']").ShouldBeNull();
        var manager = await (await Browser.SignInAsync(factory, scenario.Manager)).GetAsync(scenario.Path + "/engagement");
        manager.Document.QuerySelector("[data-action='sign-off']")!.GetAttribute("href").ShouldBe(scenario.Path + "/engagement/sign-off");
    }

    [Fact]
    public async Task Get_ClosedEpisode_OffersNoActions()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);

        var engagement = await browser.GetAsync(scenario.Path + "/engagement");

        engagement.Status.ShouldBe(HttpStatusCode.OK);
        engagement.Document.QuerySelector("[data-actions]").ShouldBeNull();
    }

    /// <summary>A success banner comes only from the write that earned it, never from a link anyone can make.</summary>
    [Fact]
    public async Task Get_OpenEpisode_WithDoneClosedInTheQueryString_DoesNotSayItIsClosed()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync(scenario.Path + "/engagement?done=closed");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.ShouldNotContain("The episode is closed");
        page.Banner().ShouldBeNull();
    }

    [Fact]
    public async Task ReferrerAndOutsider_GetNotFound()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);

        await factory.ShouldFindNothingAsync(scenario, [scenario.Referrer, scenario.Outsider], "/engagement");
    }
}
