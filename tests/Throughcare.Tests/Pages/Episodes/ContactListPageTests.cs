using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Episodes;

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
}
