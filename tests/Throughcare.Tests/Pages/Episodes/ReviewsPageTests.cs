using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/reviews: the reviews held and the schedule of review points.</summary>
public sealed class ReviewsPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Theory]
    [InlineData(30, null)]
    [InlineData(5, "Due soon")]
    [InlineData(-5, "Overdue")]
    public async Task NextReviewDue_IsTaggedDueSoonWithinAFortnight_AndOverdueOncePast(int daysUntilDue, string? tag)
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var today = factory.Today;
        var startedOn = today.AddDays(daysUntilDue).AddMonths(-scenario.Service.ReviewIntervalMonths);
        await factory.WithDbAsync(async db =>
        {
            (await db.Episodes.SingleAsync(e => e.Id == scenario.Episode.Id)).StartedOn = startedOn;
            return await db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync(scenario.Path + "/reviews");

        var row = page.Document.GetSummaryListValue("Next review due")!;
        // Month ends can move the point up to three days earlier than asked; never across a tag's boundary here.
        row.ShouldStartWith(Core.Infrastructure.Text.Display.Date(ReviewSchedule.NextDue(startedOn, scenario.Service.ReviewIntervalMonths, 0)));
        var tags = page.Document.QuerySelectorAll(".govuk-summary-list .govuk-tag").Select(t => t.TextContent.Trim()).ToList();
        if (tag is null)
        {
            tags.ShouldBeEmpty();
        }
        else
        {
            tags.ShouldBe([tag]);
        }
    }

    [Fact]
    public async Task Get_OffersTheTeamTheirFormsByRoute_AndTheManagerTheirs()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);

        var worker = await (await Browser.SignInAsync(factory, scenario.EmotionalWorker)).GetAsync(scenario.Path + "/reviews");
        worker.Document.QuerySelector($"a[href='{scenario.Path}/reviews/new']").ShouldNotBeNull();
        worker.Document.QuerySelector("#review-needs")!.GetAttribute("href").ShouldBe($"{scenario.Path}/plan/needs/new");
        worker.Document.QuerySelector($"a[href='{scenario.Path}/extend']").ShouldBeNull();
        var manager = await (await Browser.SignInAsync(factory, scenario.Manager)).GetAsync(scenario.Path + "/reviews");
        manager.Document.QuerySelector($"a[href='{scenario.Path}/extend']").ShouldNotBeNull();
        manager.Document.QuerySelector($"a[href='{scenario.Path}/strands/new']").ShouldNotBeNull();
        var dpo = await (await Browser.SignInAsync(factory, scenario.Dpo)).GetAsync(scenario.Path + "/reviews");
        dpo.Status.ShouldBe(HttpStatusCode.OK);
        dpo.Document.QuerySelector($"a[href='{scenario.Path}/reviews/new']").ShouldBeNull();
    }

    [Fact]
    public async Task Get_ABannerAskedForInTheQueryString_IsNotShown()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        foreach (var done in new[] { "review", "extended" })
        {
            var page = await browser.GetAsync($"{scenario.Path}/reviews?done={done}");
            page.Banner().ShouldBeNull();
            page.Html.ShouldNotContain("Review recorded");
            page.Html.ShouldNotContain("Planned end extended");
        }
    }

    [Fact]
    public async Task ReferrerAndOutsider_GetNotFound()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);

        await factory.ShouldFindNothingAsync(scenario, [scenario.Referrer, scenario.Outsider], "/reviews");
    }
}
