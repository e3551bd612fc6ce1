using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Episodes;

namespace Throughcare.Tests.Api;

/// <summary>Many copies of one create sent at once: every copy lands on the one record, and none is a server error.</summary>
public sealed class DuplicateSubmissionTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    /// <summary>An episode, its worker signed in, and the contact form's address and anti-forgery token.</summary>
    private async Task<(EpisodeScenario Scenario, Browser Browser, string Url, string Token)> ContactFormAsync()
    {
        var scenario = await ContactTestData.CreateAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var url = scenario.Path + "/contacts/new";
        return (scenario, browser, url, await browser.GetTokenAsync(url));
    }

    [Fact]
    public async Task TwentyConcurrentApiSubmissions_WithOneKey_MakeOneReferral_AndEachAnswersWithItOrAsInFlight()
    {
        var partner = await ReferralsApiTests.PartnerAsync(factory);
        var client = ReferralsApiTests.Client(factory, partner.Token);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var content = ReferralsApiTests.Referral(partner.PersonId, partner.Service.Id, null, (DocumentTypes.ReferralForm, "form.pdf", ReferralsApiTests.Pdf));
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = content };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        // A copy that arrives while the first is still running is told so (409, the IETF draft); the rest get the record.
        answers.Where(a => a.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict)).ShouldBeEmpty();
        var made = answers.Where(a => a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK).ToList();
        made.ShouldNotBeEmpty();
        var ids = made.Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("id").GetGuid()).Distinct().ToList();
        var id = ids.ShouldHaveSingleItem();
        var referrals = await factory.WithDbAsync(db => db.Referrals.Include(r => r.Documents).Where(r => r.PersonId == partner.PersonId).ToListAsync());
        referrals.ShouldHaveSingleItem().Id.ShouldBe(id);
        referrals[0].Documents.Count.ShouldBe(1);
    }

    [Fact]
    public async Task TwentyConcurrentContactForms_WithOneSubmissionId_RecordOneContact_AndAllGoToIt()
    {
        var (scenario, browser, url, token) = await ContactFormAsync();
        var form = ContactTestData.ValidForm(scenario);
        form["__RequestVerificationToken"] = token;

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => browser.PostRawAsync(url, form)));

        answers.Select(a => (a.Status, a.Location)).Distinct().ShouldHaveSingleItem().ShouldBe((HttpStatusCode.Redirect, scenario.Path + "/contacts"));
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.EpisodeId == scenario.Episode.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task ContactsRecordedAtOnceOnOneEpisode_AreAllKept_NoneRefusedAsAConflict()
    {
        var (scenario, browser, url, token) = await ContactFormAsync();

        // Each addition changes the episode's version; fewer at once than EpisodeWork.AdditionAttempts, so each gets in.
        var forms = Enumerable.Range(0, Core.Domain.Episodes.EpisodeWork.AdditionAttempts - 1).Select(_ =>
        {
            var form = ContactTestData.ValidForm(scenario, f => f["SubmissionId"] = Guid.NewGuid().ToString());
            form["__RequestVerificationToken"] = token;
            return form;
        }).ToList();
        var answers = await Task.WhenAll(forms.Select(form => browser.PostRawAsync(url, form)));

        answers.Select(a => (a.Status, a.Location)).Distinct().ShouldHaveSingleItem().ShouldBe((HttpStatusCode.Redirect, scenario.Path + "/contacts"));
        var submissions = await factory.WithDbAsync(db => db.Contacts.Where(c => c.EpisodeId == scenario.Episode.Id).Select(c => c.SubmissionId).ToListAsync());
        submissions.Select(id => id.ToString()).ShouldBe(forms.Select(f => f["SubmissionId"]), ignoreOrder: true);
    }

    [Fact]
    public async Task ContactForm_WithASubmissionIdAnotherEpisodeUsed_IsRefusedWithAMessage_AndRecordsNothing()
    {
        var first = await ContactTestData.CreateAsync(factory);
        var form = ContactTestData.ValidForm(first);
        var firstBrowser = await Browser.SignInAsync(factory, first.EmotionalWorker);
        form["__RequestVerificationToken"] = await firstBrowser.GetTokenAsync(first.Path + "/contacts/new");
        (await firstBrowser.PostRawAsync(first.Path + "/contacts/new", form)).Status.ShouldBe(HttpStatusCode.Redirect);

        var second = await ContactTestData.CreateAsync(factory);
        var browser = await Browser.SignInAsync(factory, second.EmotionalWorker);
        var reused = ContactTestData.ValidForm(second, f => f["SubmissionId"] = form["SubmissionId"]);
        reused["__RequestVerificationToken"] = await browser.GetTokenAsync(second.Path + "/contacts/new");

        var answer = await browser.PostRawAsync(second.Path + "/contacts/new", reused);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest, $"{answer.Document.Heading()} {string.Join(" | ", answer.Document.ErrorSummary())}");
        answer.Document.ErrorSummary().ShouldContain(Core.Domain.Submissions.SubmissionUsedElsewhere);
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.EpisodeId == second.Episode.Id))).ShouldBe(0);
    }
}
