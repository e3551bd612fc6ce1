using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/contacts/{contactId}: one contact and its earlier versions.</summary>
public sealed class ContactPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private const string Secret = "RESTRICTED-NOTE-7f3a";

    /// <summary>A restricted contact corrected once, its earlier version restricted too.</summary>
    private async Task<(EpisodeScenario Scenario, Contact Contact)> RestrictedAsync()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var contact = await ContactTestData.SeedAsync(factory, scenario, c => { c.Note = Secret; c.NoteRestricted = true; });
        await factory.WithDbAsync(async db =>
        {
            db.ContactRevisions.Add(new ContactRevision
            {
                Id = Guid.NewGuid(),
                ContactId = contact.Id,
                Number = 1,
                Snapshot = "{}",
                Note = Secret + "-earlier",
                NoteRestricted = true,
                ReplacedAt = factory.UtcNow,
                ReplacedByUserId = scenario.EmotionalWorker.Id,
                CorrectionReason = "Wrong date",
            });
            return await db.SaveChangesAsync();
        });
        return (scenario, contact);
    }

    [Fact]
    public async Task Get_RestrictedNote_IsHiddenFromAColleagueOutsideTheEpisodesTeam()
    {
        var (scenario, contact) = await RestrictedAsync();
        var colleague = await Browser.SignInAsync(factory, scenario.Colleague);

        var page = await colleague.GetAsync($"{scenario.Path}/contacts/{contact.Id}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.ShouldNotContain(Secret);
        page.Html.ShouldContain("This note is restricted");
        page.Document.QuerySelector("#correct-contact").ShouldBeNull();
    }

    [Fact]
    public async Task Get_RestrictedNote_IsReadByTheEpisodeTeamAndTheDpo_AndTheirReadIsAudited()
    {
        var (scenario, contact) = await RestrictedAsync();

        foreach (var user in new[] { scenario.EmotionalWorker, scenario.PracticalWorker, scenario.Manager, scenario.Dpo })
        {
            var browser = await Browser.SignInAsync(factory, user);
            var page = await browser.GetAsync($"{scenario.Path}/contacts/{contact.Id}");
            page.Html.ShouldContain(Secret);
            page.Html.ShouldContain(Secret + "-earlier");
            (await factory.WithDbAsync(db => db.AuditEvents.Where(a => a.RecordType == AuditRecordTypes.Contact && a.RecordId == contact.Id.ToString() && a.UserId == user.Id && a.Action == AuditActions.View).Select(a => a.Details).SingleAsync()))
                .ShouldNotBeNull().ShouldContain("\"restricted\":true");
        }
    }

    [Fact]
    public async Task Get_OffersTheCorrectionToTheTeamOnly_ByItsRoute()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var contact = await ContactTestData.SeedAsync(factory, scenario);
        var detail = $"{scenario.Path}/contacts/{contact.Id}";

        (await (await Browser.SignInAsync(factory, scenario.Dpo)).GetAsync(detail)).Document.QuerySelector("#correct-contact").ShouldBeNull();
        var worker = await (await Browser.SignInAsync(factory, scenario.EmotionalWorker)).GetAsync(detail);
        worker.Document.QuerySelector("#correct-contact")!.GetAttribute("href").ShouldBe(detail + "/correct");
        worker.Document.QuerySelector("#revisions").ShouldBeNull();
        worker.Html.ShouldContain("This contact has not been corrected.");
    }

    [Fact]
    public async Task Get_ABannerAskedForInTheQueryString_IsNotShown()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var contact = await ContactTestData.SeedAsync(factory, scenario);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync($"{scenario.Path}/contacts/{contact.Id}?done=corrected");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Banner().ShouldBeNull();
        page.Html.ShouldNotContain("Contact corrected");
    }

    [Fact]
    public async Task ReferrerAndOutsider_GetNotFound()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var contact = await ContactTestData.SeedAsync(factory, scenario);

        await factory.ShouldFindNothingAsync(scenario, [scenario.Referrer, scenario.Outsider], $"/contacts/{contact.Id}");
    }
}
