using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes;

public sealed class OverviewPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private const string SummaryMarker = "END-OF-SERVICE-SUMMARY-5c1d";

    [Fact]
    public async Task ServiceTeam_SeesStrandsDatesAndTheNextReviewDue()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.Colleague);

        var page = await browser.GetAsync(scenario.Path);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.GetSummaryListValue("State").ShouldBe("Engaging");
        var strands = page.Document.QuerySelectorAll("#strands tbody tr").Select(r => r.TextContent).ToList();
        strands.Count.ShouldBe(2);
        strands.ShouldContain(s => s.Contains(scenario.EmotionalWorker.DisplayName, StringComparison.Ordinal) && s.Contains("Emotional support", StringComparison.Ordinal));
        strands.ShouldContain(s => s.Contains(scenario.PracticalWorker.DisplayName, StringComparison.Ordinal) && s.Contains("Practical support", StringComparison.Ordinal));
        var due = ReviewSchedule.NextDue(scenario.Episode.StartedOn, scenario.Service.ReviewIntervalMonths, 0);
        page.Document.GetSummaryListValue("Next review due")!.ShouldStartWith(Core.Infrastructure.Text.Display.Date(due));
        (await factory.WithDbAsync(db => db.AuditEvents.Where(a => a.RecordType == AuditRecordTypes.Episode && a.Action == AuditActions.View && a.UserId == scenario.Colleague.Id).CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task ThreeMissedSessions_ShowTheAtRiskWarning_AndTheLastContact()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        (await browser.GetAsync(scenario.Path)).Document.QuerySelector("#at-risk").ShouldBeNull();

        await factory.WithDbAsync(async db =>
        {
            for (var day = 3; day >= 1; day--)
            {
                db.Contacts.Add(new Contact
                {
                    Id = Guid.NewGuid(),
                    EpisodeId = scenario.Episode.Id,
                    ServiceStrandId = scenario.EmotionalStrand.Id,
                    OccurredAt = factory.UtcNow.AddDays(-day),
                    Mode = ContactMode.Phone,
                    Attendance = Attendance.DidNotAttend,
                    RecordedAt = factory.UtcNow,
                    RecordedByUserId = scenario.EmotionalWorker.Id,
                });
            }

            return await db.SaveChangesAsync();
        });
        var page = await browser.GetAsync(scenario.Path);

        page.Document.QuerySelector("#at-risk")!.TextContent.ShouldContain("3 did-not-attends in a row");
        page.Document.GetSummaryListValue("Last contact").ShouldNotBe("None yet");
    }

    /// <summary>
    /// "At risk" is one rule with one starting point, the day the episode started: an episode entered today but started
    /// five weeks ago is at risk on the overview, the engagement page, the worker's caseload and the API alike.
    /// </summary>
    [Fact]
    public async Task AtRisk_CountsFromTheDayTheEpisodeStarted_AndTheOverviewEngagementPageCaseloadAndApiAgree()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        await factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == scenario.Episode.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.StartedOn, factory.Today.AddDays(-35))));
        const string Reason = "No attended contact in the 5 weeks since the episode opened";
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var overview = await browser.GetAsync(scenario.Path);
        var engagement = await browser.GetAsync(scenario.Path + "/engagement");
        var caseload = await browser.GetAsync("/my-cases");
        using var client = await Api.EpisodesApiTests.ClientForAsync(factory, scenario.Service.OrganisationId);
        using var api = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/episodes/{scenario.Episode.Id}", UriKind.Relative)));

        overview.Document.QuerySelector("#at-risk").Text().ShouldContain(Reason);
        engagement.Document.QuerySelector("[data-signal='at-risk']").Text().ShouldContain(Reason);
        caseload.Document.QuerySelector($"#caseload tr[data-episode='{scenario.Episode.Id}']").Text().ShouldContain(Reason);
        api.RootElement.GetProperty("atRisk").GetBoolean().ShouldBeTrue();
        api.RootElement.GetProperty("atRiskReason").GetString().ShouldBe(Reason);
    }

    [Fact]
    public async Task Get_LinksToTheEpisodesFormsByRoute_AndShowsNoBannerAskedForInTheQueryString()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);

        var page = await browser.GetAsync(scenario.Path + "?done=strand-added");

        page.Banner().ShouldBeNull();
        page.Html.ShouldNotContain("Strand added");
        page.Document.QuerySelectorAll("#manage-strands a").Select(a => a.GetAttribute("href")).ShouldBe([scenario.Path + "/strands/new", scenario.Path + "/extend"]);
        page.Document.QuerySelector($"a[href='{scenario.Path}/contacts/new']").ShouldNotBeNull();
        page.Document.QuerySelector($"a[href='/referrals/{scenario.Referral.Id}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Referrer_SeesOnlyTheStateAndClosureSummary_AndNoOtherEpisodePage()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        await factory.WithDbAsync(async db =>
        {
            var episode = await db.Episodes.SingleAsync(e => e.Id == scenario.Episode.Id);
            episode.CloseReason = EpisodeCloseReason.Completed;
            episode.EndOfServiceSummary = SummaryMarker;
            episode.ClosedAt = factory.UtcNow;
            return await db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, scenario.Referrer);
        var referral = await browser.GetAsync($"/referrals/{scenario.Referral.Id}");
        referral.Document.QuerySelector($"a[href='{scenario.Path}']").ShouldNotBeNull();

        var page = await browser.GetAsync(scenario.Path);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.GetSummaryListValue("State").ShouldBe("Closed");
        page.Document.GetSummaryListValue("End-of-service summary").ShouldBe(SummaryMarker);
        page.Document.QuerySelector("#strands").ShouldBeNull();
        page.Document.QuerySelector("#who-to-contact").Text().ShouldBe("Who worked with them");
        page.Document.QuerySelectorAll(".app-worker-contact__name").Select(n => n.Text()).Order().ShouldBe(new[] { scenario.EmotionalWorker.DisplayName, scenario.PracticalWorker.DisplayName }.Order());
        page.Html.ShouldNotContain("Next review due");
        foreach (var path in new[] { "/contacts", "/plan", "/measures", "/reviews", "/engagement" })
        {
            (await browser.GetAsync(scenario.Path + path)).Status.ShouldBe(HttpStatusCode.NotFound, path);
        }
    }

    [Fact]
    public async Task Referrer_OfAnOpenEpisode_SeesItsWorkersAndHowToReachThem_AndNothingOfTheirWork()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        await factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == scenario.PracticalWorker.Id)).PhoneNumber = "07700 900 982";
            return await db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, scenario.Referrer);

        var page = await browser.GetAsync(scenario.Path);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#who-to-contact").Text().ShouldBe("Who to contact");
        var workers = page.Document.QuerySelectorAll(".app-worker-contact").ToList();
        workers.Count.ShouldBe(2);
        var practical = workers.Single(w => w.QuerySelector(".app-worker-contact__name").Text() == scenario.PracticalWorker.DisplayName);
        practical.QuerySelector(".app-worker-contact__email").Text().ShouldBe(scenario.PracticalWorker.Email);
        practical.QuerySelector(".app-worker-contact__email")!.GetAttribute("href").ShouldBe("mailto:" + scenario.PracticalWorker.Email);
        practical.QuerySelector(".app-worker-contact__phone").Text().ShouldBe("07700 900 982");
        practical.Text().ShouldContain("practical support");
        var emotional = workers.Single(w => w.QuerySelector(".app-worker-contact__name").Text() == scenario.EmotionalWorker.DisplayName);
        emotional.QuerySelector(".app-worker-contact__phone").ShouldBeNull();
        page.Document.GetSummaryListValue("State").ShouldBe("Active");
        page.Document.QuerySelector("#strands").ShouldBeNull();
        page.Document.QuerySelector("#state-changes").ShouldBeNull();
        page.Html.ShouldNotContain("Next review due");
        page.Html.ShouldNotContain("Last contact");
    }

    [Fact]
    public async Task ServiceTeam_SeesTheStrandsTable_NotTheReferrersContactList()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var page = await (await Browser.SignInAsync(factory, scenario.Manager)).GetAsync(scenario.Path);

        page.Document.QuerySelector("#strands").ShouldNotBeNull();
        page.Document.QuerySelector("#who-to-contact").ShouldBeNull();
    }

    [Fact]
    public async Task Outsider_GetsNotFound_AndTheDenialIsAudited()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.Outsider);

        var page = await browser.GetAsync(scenario.Path);

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Html.ShouldNotContain(scenario.EmotionalWorker.DisplayName);
        (await factory.WithDbAsync(db => db.AuditEvents.Where(a => a.RecordType == AuditRecordTypes.Episode && a.Action == AuditActions.AccessDenied && a.UserId == scenario.Outsider.Id).CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task UnknownOrMalformedEpisode_IsNotFound()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.Manager);

        (await browser.GetAsync($"/episodes/{Guid.NewGuid()}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync("/episodes/not-a-guid")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MoreThanAPageOfStateChanges_PagesThemNewestFirst()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var count = Web.Pages.Episodes.IndexModel.StateChangesPageSize + 1;
        await factory.WithDbAsync(db =>
        {
            for (var i = 0; i < count; i++)
            {
                var (from, to) = i % 2 == 0 ? (EpisodeState.Active, EpisodeState.Disengaged) : (EpisodeState.Disengaged, EpisodeState.Active);
                db.EpisodeTransitions.Add(new EpisodeTransition { Id = Guid.NewGuid(), EpisodeId = scenario.Episode.Id, From = from, To = to, At = factory.UtcNow.AddDays(-count + i), ByUserId = scenario.Manager.Id, Reason = $"Change {i}" });
            }

            return db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, scenario.Colleague);

        var first = await browser.GetAsync(scenario.Path);
        var second = await browser.GetAsync(scenario.Path + first.Document.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href"));

        first.Document.QuerySelectorAll("#state-changes .moj-timeline__item").Length.ShouldBe(Web.Pages.Episodes.IndexModel.StateChangesPageSize);
        first.Document.QuerySelector("#state-changes .moj-timeline__description")!.TextContent.Trim().ShouldBe($"Change {count - 1}");
        second.Status.ShouldBe(HttpStatusCode.OK);
        second.Document.QuerySelectorAll("#state-changes .moj-timeline__description").Select(d => d.TextContent.Trim()).ShouldBe(["Change 0"]);
        second.Document.GetSummaryListValue("State").ShouldNotBeNullOrEmpty();
    }
}
