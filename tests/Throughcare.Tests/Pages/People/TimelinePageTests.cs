using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.People;

public sealed class TimelinePageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private const string OpenNote = "OPEN-NOTE-4b2e";
    private const string RestrictedNote = "RESTRICTED-NOTE-9d7a";

    /// <summary>A referral sent and accepted, the episode opened, two contacts (one with a restricted note), a review and a state change, a day apart.</summary>
    private async Task<EpisodeScenario> StoryAsync()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var start = factory.UtcNow.AddDays(-30);
        await factory.WithDbAsync(async db =>
        {
            var referral = await db.Referrals.SingleAsync(r => r.Id == scenario.Referral.Id);
            referral.CreatedAt = start;
            db.ReferralTransitions.Add(new ReferralTransition { Id = Guid.NewGuid(), ReferralId = referral.Id, From = ReferralState.Draft, To = ReferralState.Submitted, At = start.AddDays(1), ByUserId = scenario.Referrer.Id });
            db.ReferralTransitions.Add(new ReferralTransition { Id = Guid.NewGuid(), ReferralId = referral.Id, From = ReferralState.Screening, To = ReferralState.Accepted, At = start.AddDays(2), ByUserId = scenario.Manager.Id });
            var episode = await db.Episodes.Include(e => e.Strands).SingleAsync(e => e.Id == scenario.Episode.Id);
            episode.CreatedAt = start.AddDays(3);
            foreach (var strand in episode.Strands)
            {
                strand.StartedAt = start.AddDays(3);
            }

            db.Contacts.Add(Contact(scenario, start.AddDays(4), OpenNote, restricted: false));
            db.Contacts.Add(Contact(scenario, start.AddDays(5), RestrictedNote, restricted: true));
            db.EpisodeReviews.Add(new EpisodeReview { Id = Guid.NewGuid(), EpisodeId = episode.Id, HeldOn = DateOnly.FromDateTime(start.AddDays(6)), Summary = "Settling in", RecordedAt = start.AddDays(6), RecordedByUserId = scenario.Manager.Id });
            db.EpisodeTransitions.Add(new EpisodeTransition { Id = Guid.NewGuid(), EpisodeId = episode.Id, From = EpisodeState.Engaging, To = EpisodeState.Active, At = start.AddDays(4), ByUserId = scenario.EmotionalWorker.Id, Reason = "First attended contact" });
            return await db.SaveChangesAsync();
        });
        return scenario;
    }

    private static Contact Contact(EpisodeScenario s, DateTime at, string note, bool restricted) => new()
    {
        Id = Guid.NewGuid(),
        EpisodeId = s.Episode.Id,
        ServiceStrandId = s.EmotionalStrand.Id,
        OccurredAt = at,
        DurationMinutes = 50,
        Mode = ContactMode.FaceToFace,
        Attendance = Attendance.Attended,
        Interventions = ["motivational-interviewing"],
        Note = note,
        NoteRestricted = restricted,
        RecordedAt = at,
        RecordedByUserId = s.EmotionalWorker.Id,
    };

    private static List<string> Kinds(Infrastructure.Page page) => page.Document.QuerySelectorAll("#timeline .moj-timeline__item").Select(i => i.GetAttribute("data-kind")!).ToList();

    [Fact]
    public async Task ServiceTeam_SeesEveryKind_NewestFirst()
    {
        var scenario = await StoryAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync($"/people/{scenario.PersonId}/timeline");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var times = page.Document.QuerySelectorAll("#timeline time").Select(t => DateTime.Parse(t.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        times.ShouldBe(times.OrderByDescending(t => t).ToList());
        Kinds(page).ShouldBe(
            [Timeline.Reviews, Timeline.Contacts, Timeline.Contacts, Timeline.States, Timeline.Allocations, Timeline.Allocations, Timeline.States, Timeline.Decisions, Timeline.Referrals, Timeline.Referrals],
            ignoreOrder: false);
        page.Html.ShouldContain(OpenNote);
        page.Html.ShouldContain(RestrictedNote);
        var links = page.Document.QuerySelectorAll("#timeline .moj-timeline__item")
            .Select(i => (Kind: i.GetAttribute("data-kind")!, Href: i.QuerySelector(".moj-timeline__title a")?.GetAttribute("href")))
            .ToList();
        links.Where(l => l.Kind == Timeline.Reviews).Select(l => l.Href).ShouldBe([scenario.Path + "/reviews"]);
        links.Where(l => l.Kind == Timeline.Contacts).ShouldAllBe(l => l.Href!.StartsWith(scenario.Path + "/contacts/", StringComparison.Ordinal));
        links.Where(l => l.Kind == Timeline.Allocations).ShouldAllBe(l => l.Href == scenario.Path);
        links.Where(l => l.Kind == Timeline.Referrals).ShouldAllBe(l => l.Href == $"/referrals/{scenario.Referral.Id}");
    }

    [Fact]
    public async Task Filter_ShowsOnlyTheChosenKinds()
    {
        var scenario = await StoryAsync();
        var browser = await Browser.SignInAsync(factory, scenario.Manager);

        var page = await browser.GetAsync($"/people/{scenario.PersonId}/timeline?kind=contacts&kind=reviews");

        Kinds(page).ShouldBe([Timeline.Reviews, Timeline.Contacts, Timeline.Contacts]);
        page.Document.QuerySelector("#kind-contacts")!.HasAttribute("checked").ShouldBeTrue();
        page.Document.QuerySelector("#kind-states")!.HasAttribute("checked").ShouldBeFalse();
        (await browser.GetAsync($"/people/{scenario.PersonId}/timeline?kind=measures")).Html.ShouldContain("Nothing of the kinds you chose.");
    }

    [Fact]
    public async Task ColleagueOffTheEpisode_SeesThatANoteIsRestrictedButNotTheNote()
    {
        var scenario = await StoryAsync();
        var browser = await Browser.SignInAsync(factory, scenario.Colleague);

        var page = await browser.GetAsync($"/people/{scenario.PersonId}/timeline?kind=contacts");

        Kinds(page).Count.ShouldBe(2);
        page.Html.ShouldContain(OpenNote);
        page.Html.ShouldNotContain(RestrictedNote);
        page.Document.QuerySelectorAll("#timeline .govuk-tag").Select(t => t.TextContent).ShouldContain("Restricted note");
    }

    [Fact]
    public async Task Referrer_SeesTheReferralAndTheEpisodesStateOnly()
    {
        var scenario = await StoryAsync();
        var browser = await Browser.SignInAsync(factory, scenario.Referrer);

        var page = await browser.GetAsync($"/people/{scenario.PersonId}/timeline");

        Kinds(page).ShouldBe([Timeline.States, Timeline.States, Timeline.Decisions, Timeline.Referrals, Timeline.Referrals]);
        page.Html.ShouldNotContain(OpenNote);
        page.Html.ShouldNotContain("First attended contact");
        page.Html.ShouldNotContain("Settling in");
    }

    [Fact]
    public async Task Referrer_SeesTheClosureSummaryButNeitherTheTeamsReasonsNorLinksIntoTheEpisodesWork()
    {
        var scenario = await StoryAsync();
        await factory.WithDbAsync(async db =>
        {
            var episode = await db.Episodes.SingleAsync(e => e.Id == scenario.Episode.Id);
            episode.State = EpisodeState.Closed;
            episode.CloseReason = EpisodeCloseReason.Completed;
            episode.EndOfServiceSummary = "Settled in the community";
            episode.ClosedAt = factory.UtcNow;
            db.EpisodeTransitions.Add(new EpisodeTransition { Id = Guid.NewGuid(), EpisodeId = episode.Id, From = EpisodeState.Closing, To = EpisodeState.Closed, At = episode.ClosedAt.Value, ByUserId = scenario.Manager.Id, Reason = "Signed off after the closing review" });
            return await db.SaveChangesAsync();
        });
        var referrer = await Browser.SignInAsync(factory, scenario.Referrer);
        var team = await Browser.SignInAsync(factory, scenario.Manager);

        var page = await referrer.GetAsync($"/people/{scenario.PersonId}/timeline?kind=states");
        var teams = await team.GetAsync($"/people/{scenario.PersonId}/timeline?kind=states");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var closed = page.Document.QuerySelectorAll("#timeline .moj-timeline__item").First(i => i.QuerySelector(".moj-timeline__title").Text() == $"Episode with {scenario.Service.Name} closed");
        closed.QuerySelector(".moj-timeline__description").Text().ShouldBe($"{EpisodeStates.Label(EpisodeCloseReason.Completed)}. Settled in the community");
        closed.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/episodes/{scenario.Episode.Id}");
        page.Html.ShouldNotContain("Signed off after the closing review");
        page.Html.ShouldNotContain("First attended contact");
        page.Document.QuerySelectorAll("#timeline a").Select(a => a.GetAttribute("href")).ShouldAllBe(href => href == $"/episodes/{scenario.Episode.Id}" || href == $"/referrals/{scenario.Referral.Id}");
        (await referrer.GetAsync($"/people/{scenario.PersonId}/timeline?kind=contacts")).Document.QuerySelector("#timeline").ShouldBeNull();
        teams.Html.ShouldContain("Signed off after the closing review");
        teams.Html.ShouldContain("First attended contact");
    }

    [Fact]
    public async Task OrganisationPartyToNeitherEndOfTheReferral_SeesThePersonButNothingOfTheReferralOrItsEpisode()
    {
        var scenario = await StoryAsync();
        await factory.WithDbAsync(db =>
        {
            db.PersonCareRoles.Add(new Core.Domain.People.PersonCareRole { Id = Guid.NewGuid(), PersonId = scenario.PersonId, OrganisationId = scenario.Outsider.OrganisationId, Kind = Core.Domain.People.CareRoleKind.HoldsRecord, StartedAt = factory.UtcNow });
            return db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, scenario.Outsider);

        var page = await browser.GetAsync($"/people/{scenario.PersonId}/timeline");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#timeline").ShouldBeNull();
        page.Document.QuerySelector("#empty").Text().ShouldBe("Nothing has happened with this person that you can see yet.");
        page.Html.ShouldNotContain(scenario.Service.Name);
        page.Html.ShouldNotContain(OpenNote);
        page.Html.ShouldNotContain("Settling in");
    }

    [Fact]
    public async Task RestrictedNoteShownToTheTeam_IsRecordedInTheRead()
    {
        var scenario = await StoryAsync();
        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var colleague = await Browser.SignInAsync(factory, scenario.Colleague);

        (await worker.GetAsync($"/people/{scenario.PersonId}/timeline")).Html.ShouldContain(RestrictedNote);
        (await colleague.GetAsync($"/people/{scenario.PersonId}/timeline")).Html.ShouldNotContain(RestrictedNote);

        var reads = await factory.AuditEventsAsync(scenario.PersonId, AuditActions.View);
        var workers = reads.Where(a => a.UserId == scenario.EmotionalWorker.Id && a.Purpose == "timeline").ShouldHaveSingleItem();
        workers.Details.ShouldNotBeNull().ShouldContain("\"restricted\":true");
        var colleagues = reads.Where(a => a.UserId == scenario.Colleague.Id && a.Purpose == "timeline").ShouldHaveSingleItem();
        (colleagues.Details ?? "").ShouldNotContain("restricted");
    }

    [Fact]
    public async Task Measure_ShowsItsInstrumentScoreAndBand()
    {
        var scenario = await StoryAsync();
        await factory.WithDbAsync(async db =>
        {
            var instrument = await db.Instruments.SingleAsync(i => i.Code == "PHQ-9" && i.OrganisationId == null);
            db.MeasureResults.Add(new MeasureResult
            {
                Id = Guid.NewGuid(),
                EpisodeId = scenario.Episode.Id,
                InstrumentId = instrument.Id,
                Occasion = AssessmentOccasion.Start,
                TakenOn = factory.Today,
                Answers = [1, 1, 1, 1, 1, 1, 1, 1, 2],
                Score = 10,
                Band = "Moderate",
                RecordedAt = factory.UtcNow,
                RecordedByUserId = scenario.EmotionalWorker.Id,
            });
            return await db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync($"/people/{scenario.PersonId}/timeline?kind=measures");

        page.Document.QuerySelector("#timeline .moj-timeline__title")!.TextContent.Trim().ShouldBe("Patient Health Questionnaire (PHQ-9): 10 (Moderate)");
    }

    [Fact]
    public async Task Outsider_GetsNotFound()
    {
        var scenario = await StoryAsync();
        var browser = await Browser.SignInAsync(factory, scenario.Outsider);

        (await browser.GetAsync($"/people/{scenario.PersonId}/timeline")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MoreThanAPageOfEntries_PagesThem_KeepingTheFilter_AndEachPageReadIsAudited()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        await factory.WithDbAsync(db =>
        {
            for (var i = 0; i < Web.Pages.People.TimelineModel.PageSize + 3; i++)
            {
                db.Contacts.Add(Contact(scenario, factory.UtcNow.AddDays(-40).AddHours(i), $"Note {i}", restricted: false));
            }

            return db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var first = await browser.GetAsync($"/people/{scenario.PersonId}/timeline?kind=contacts");
        var links = first.Document.QuerySelectorAll(".govuk-pagination__list a").Select(a => (Text: a.TextContent.Trim(), Href: a.GetAttribute("href")!)).ToList();
        var second = await browser.GetAsync($"/people/{scenario.PersonId}/timeline{links.Single(l => l.Text == "2").Href}");

        first.Document.QuerySelector("#count")!.TextContent.Trim().ShouldBe($"{Web.Pages.People.TimelineModel.PageSize + 3} entries, newest first.");
        Kinds(first).Count.ShouldBe(Web.Pages.People.TimelineModel.PageSize);
        links.Select(l => l.Text).ShouldBe(["1", "2"]);
        links.ShouldAllBe(l => l.Href.Contains("kind=contacts", StringComparison.Ordinal));
        second.Status.ShouldBe(HttpStatusCode.OK);
        Kinds(second).ShouldBe([Timeline.Contacts, Timeline.Contacts, Timeline.Contacts]);
        second.Html.ShouldContain("Note 0");
        first.Html.ShouldNotContain("Note 0<");
        second.Document.QuerySelector(".govuk-pagination__prev a")!.GetAttribute("href")!.ShouldContain("page=1");
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.PersonId == scenario.PersonId && a.UserId == scenario.EmotionalWorker.Id && a.Purpose == "timeline"))).ShouldBe(2);
    }
}
