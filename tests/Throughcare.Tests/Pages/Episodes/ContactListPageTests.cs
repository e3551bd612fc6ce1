using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/contacts: the episode's contacts, newest first, and the sessions of each intervention.</summary>
public sealed class ContactListPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private const string Secret = "RESTRICTED-NOTE-7f3a";

    [Fact]
    public async Task Get_CountsAttendedSessionsByIntervention_AndShowsTheEmptyState()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Colleague);
        (await browser.GetAsync(scenario.Path + "/contacts")).Document.QuerySelector("#no-contacts").ShouldNotBeNull();

        await ContactTestData.SeedAsync(factory, scenario, c => c.Interventions = ["safety-planning", "psychoeducation"]);
        await ContactTestData.SeedAsync(factory, scenario, c => { c.Interventions = ["safety-planning"]; c.Attendance = Attendance.Late; });
        await ContactTestData.SeedAsync(factory, scenario, c => { c.Interventions = ["safety-planning"]; c.Attendance = Attendance.DidNotAttend; });
        await ContactTestData.SeedAsync(factory, scenario, c => { c.ServiceStrandId = scenario.PracticalStrand.Id; c.Interventions = ["benefits"]; });

        var page = await browser.GetAsync(scenario.Path + "/contacts");

        var rows = page.Document.QuerySelectorAll("#dose tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        rows.ShouldBe([$"{scenario.EmotionalStrand.Name}|Safety planning|2", $"{scenario.EmotionalStrand.Name}|Psychoeducation|1", $"{scenario.PracticalStrand.Name}|Benefits|1"], ignoreOrder: true);
        page.Document.QuerySelectorAll("#contacts tbody tr").Length.ShouldBe(4);
    }

    [Fact]
    public async Task Get_RestrictedNote_IsReadOnlyByTheEpisodeTeamAndTheDpo()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        await ContactTestData.SeedAsync(factory, scenario, c => { c.Note = Secret; c.NoteRestricted = true; });

        var colleague = await (await Browser.SignInAsync(factory, scenario.Colleague)).GetAsync(scenario.Path + "/contacts");
        colleague.Status.ShouldBe(HttpStatusCode.OK);
        colleague.Html.ShouldNotContain(Secret);
        colleague.Html.ShouldContain("This note is restricted");

        foreach (var user in new[] { scenario.EmotionalWorker, scenario.PracticalWorker, scenario.Manager, scenario.Dpo })
        {
            var browser = await Browser.SignInAsync(factory, user);
            (await browser.GetAsync(scenario.Path + "/contacts")).Html.ShouldContain(Secret);
            (await factory.WithDbAsync(db => db.AuditEvents.Where(a => a.RecordType == AuditRecordTypes.Episode && a.RecordId == scenario.Episode.Id.ToString() && a.UserId == user.Id && a.Action == AuditActions.View).Select(a => a.Details).ToListAsync()))
                .ShouldContain(d => d != null && d.Contains("\"restricted\":true"));
        }
    }

    [Fact]
    public async Task Get_DpoReadsWithoutTheButtonToRecord_AndAClosedEpisodeOffersNone()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        await ContactTestData.SeedAsync(factory, scenario);
        var dpo = await (await Browser.SignInAsync(factory, scenario.Dpo)).GetAsync(scenario.Path + "/contacts");
        dpo.Status.ShouldBe(HttpStatusCode.OK);
        dpo.Document.QuerySelector("#record-contact").ShouldBeNull();
        var worker = await (await Browser.SignInAsync(factory, scenario.EmotionalWorker)).GetAsync(scenario.Path + "/contacts");
        worker.Document.QuerySelector($"#record-contact[href='{scenario.Path}/contacts/new']").ShouldNotBeNull();

        var closed = await ContactTestData.CreateAsync(factory, EpisodeState.Closed);
        var manager = await Browser.SignInAsync(factory, closed.Manager);
        (await manager.GetAsync(closed.Path + "/contacts")).Document.QuerySelector("#record-contact").ShouldBeNull();
    }

    [Fact]
    public async Task Get_ABannerAskedForInTheQueryString_IsNotShown()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync(scenario.Path + "/contacts?done=recorded");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Banner().ShouldBeNull();
        page.Html.ShouldNotContain("Contact recorded");
    }

    [Fact]
    public async Task ReferrerAndOutsider_GetNotFound()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);

        await factory.ShouldFindNothingAsync(scenario, [scenario.Referrer, scenario.Outsider], "/contacts");
    }

    [Fact]
    public async Task Get_MoreThanAPageOfContacts_PagesThemNewestFirst_AndEachPageReadIsAudited()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        for (var i = 0; i < Web.Pages.Episodes.Contacts.IndexModel.PageSize + 2; i++)
        {
            var at = factory.UtcNow.AddDays(-30).AddHours(i);
            await ContactTestData.SeedAsync(factory, scenario, c => c.OccurredAt = at);
        }

        var browser = await Browser.SignInAsync(factory, scenario.Colleague);

        var first = await browser.GetAsync(scenario.Path + "/contacts");
        var links = first.Document.QuerySelectorAll(".govuk-pagination__list a").Select(a => (Text: a.TextContent.Trim(), Href: a.GetAttribute("href")!)).ToList();
        var second = await browser.GetAsync(scenario.Path + "/contacts" + links.Single(l => l.Text == "2").Href);

        first.Document.QuerySelectorAll("#contacts tbody tr").Length.ShouldBe(Web.Pages.Episodes.Contacts.IndexModel.PageSize);
        links.Select(l => l.Text).ShouldBe(["1", "2"]);
        second.Status.ShouldBe(HttpStatusCode.OK);
        second.Document.QuerySelectorAll("#contacts tbody tr").Length.ShouldBe(2);
        second.Document.QuerySelector(".govuk-pagination__item--current")!.TextContent.Trim().ShouldBe("2");
        var reads = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.RecordType == AuditRecordTypes.Episode && a.RecordId == scenario.Episode.Id.ToString() && a.UserId == scenario.Colleague.Id && a.Action == AuditActions.View).ToListAsync());
        reads.Count.ShouldBe(2);
        reads.ShouldContain(r => r.Details!.Contains("\"page\":2", StringComparison.Ordinal));
    }
}
