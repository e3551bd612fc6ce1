using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Infrastructure.Web;
using static Throughcare.Tests.Pages.Episodes.ReviewTestData;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/reviews/new: a review held, when, and what was agreed.</summary>
public sealed class NewReviewPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Post_StoresAudits_OffersTheNeedsAssessment_AndMovesTheNextReviewPoint()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var today = factory.Today;

        var saved = await browser.PostFormAsync(scenario.Path + "/reviews/new", ReviewForm(today, "Reviewed progress with the person"));

        saved.Status.ShouldBe(HttpStatusCode.Redirect);
        saved.Location.ShouldBe(scenario.Path + "/reviews");
        var page = await browser.GetAsync(saved.Location!);
        page.Banner().ShouldBe("Review recorded");
        page.Html.ShouldContain($"{scenario.Path}/plan/needs/new");
        page.Document.QuerySelector("#reviews").Text().ShouldContain("Reviewed progress with the person");
        page.Document.QuerySelector("#reviews").Text().ShouldContain(scenario.EmotionalWorker.DisplayName);
        var next = ReviewSchedule.NextDue(scenario.Episode.StartedOn, scenario.Service.ReviewIntervalMonths, 1);
        page.Document.QuerySelector("#next-due").Text().ShouldBe(Display.Date(next));
        var review = await factory.WithDbAsync(db => db.EpisodeReviews.SingleAsync(r => r.EpisodeId == scenario.Episode.Id));
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.EpisodeReview && a.Action == AuditActions.Create && a.PersonId == scenario.PersonId))).ShouldBe(1);
        var row = (await factory.EpisodeEventsAsync<ReviewRecorded>(scenario)).ShouldHaveSingleItem();
        row.ShouldBeAbout(AuditRecordTypes.EpisodeReview, review.Id, AuditActions.Create, scenario, scenario.EmotionalWorker);
        row.Event<ReviewRecorded>().HeldOn.ShouldBe(today);
        await factory.ShouldNotBeInTheAuditTrailAsync(scenario, "Reviewed progress with the person");
    }

    /// <summary>At half past midnight in British Summer Time it is still yesterday in UTC: the review's date is the UK date.</summary>
    [Fact]
    public async Task Post_JustAfterMidnightInTheUkInSummer_TakesTheUkDateAsToday()
    {
        var now = factory.Clock.GetUtcNow();
        var target = new DateTimeOffset(now.UtcDateTime.Date.AddHours(23).AddMinutes(30), TimeSpan.Zero);
        factory.Clock.SetUtcNow(target > now ? target : target.AddDays(1));
        var ukToday = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(1);
        factory.Today.ShouldBe(ukToday);
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var form = await browser.GetAsync(scenario.Path + "/reviews/new");
        var saved = await browser.PostFormAsync(scenario.Path + "/reviews/new", ReviewForm(ukToday, "Met just after midnight"));

        form.Document.QuerySelector("input[name='Input.HeldOn.Day']")!.GetAttribute("value").ShouldBe(ukToday.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        saved.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", saved.Document.ErrorSummary()));
        (await factory.WithDbAsync(db => db.EpisodeReviews.SingleAsync(r => r.EpisodeId == scenario.Episode.Id))).HeldOn.ShouldBe(ukToday);
    }

    [Theory]
    [InlineData(1, "x", "Input_HeldOn", "Date of the review must be today or in the past")]
    [InlineData(-400, "x", "Input_HeldOn", "Date of the review must be on or after the episode's start")]
    [InlineData(0, "", "Input_Summary", "Enter a summary of the review")]
    public async Task Post_BadInput_ShowsErrorAndStoresNothing(int days, string summary, string id, string message)
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync(scenario.Path + "/reviews/new", ReviewForm(factory.Today.AddDays(days), summary));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(id, message);
        (await factory.WithDbAsync(db => db.EpisodeReviews.CountAsync(r => r.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
        (await factory.EpisodeEventsAsync<ReviewRecorded>(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_SummaryTooLong_ShowsError()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync(scenario.Path + "/reviews/new", ReviewForm(factory.Today, new string('a', 8001)));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Summary", "Summary must be 8000 characters or fewer");
    }

    [Fact]
    public async Task Dpo_ReferrerAndOutsider_GetNotFound_AndAClosedEpisodeTakesNone()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        await factory.ShouldFindNothingAsync(scenario, [scenario.Dpo, scenario.Referrer, scenario.Outsider], "/reviews/new");

        var closed = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        await factory.ShouldFindNothingAsync(closed, [closed.EmotionalWorker], "/reviews/new");
    }
}
