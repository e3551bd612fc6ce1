using System.Net;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;

namespace Throughcare.Tests.Pages.Referrals;

/// <summary>The referrer's questions: back links, and changing an answer from Check your answers.</summary>
public sealed class QuestionNavigationTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Theory]
    [InlineData("reason", null)]
    [InlineData("needs", "reason")]
    [InlineData("documents", "needs")]
    [InlineData("sharing", "documents")]
    [InlineData("check-answers", "sharing")]
    public async Task Get_Question_BacklinksToTheQuestionBefore(string question, string? before)
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        var page = await browser.GetAsync($"/referrals/{referral.Id}/{question}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector(".govuk-back-link")!.GetAttribute("href")
            .ShouldBe(before is null ? $"/people/{scene.PersonId}" : $"/referrals/{referral.Id}/{before}");
    }

    [Theory]
    [InlineData("reason")]
    [InlineData("needs")]
    [InlineData("documents")]
    [InlineData("sharing")]
    public async Task Get_QuestionFromCheckAnswers_BacklinksToCheckAnswers(string question)
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var check = await browser.GetAsync($"/referrals/{referral.Id}/check-answers");
        var change = check.Document.QuerySelectorAll(".govuk-summary-list__actions a").Select(a => a.GetAttribute("href")).Distinct().ToList();
        change.ShouldContain($"/referrals/{referral.Id}/{question}?returnTo=check");

        var page = await browser.GetAsync($"/referrals/{referral.Id}/{question}?returnTo=check");

        page.Document.QuerySelector(".govuk-back-link")!.GetAttribute("href").ShouldBe($"/referrals/{referral.Id}/check-answers");
    }

    [Fact]
    public async Task Post_ChangeFromCheckAnswers_SavesAndReturnsToCheckAnswers()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var check = await browser.GetAsync($"/referrals/{referral.Id}/check-answers");
        var change = check.Document.QuerySelectorAll(".govuk-summary-list__row")
            .Single(r => r.QuerySelector(".govuk-summary-list__key").Text() == "Risks to workers").QuerySelector("a")!.GetAttribute("href")!;
        var form = await browser.GetAsync(change);

        var saved = await browser.PostRawAsync(change, form.Document.FormFields().With("Input.RisksToWorkers", "Changed from the check answers page"));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        saved.Location.ShouldBe($"/referrals/{referral.Id}/check-answers");
        (await factory.FindReferralAsync(referral.Id))!.RisksToWorkers.ShouldBe("Changed from the check answers page");
        (await browser.GetAsync(saved.Location!)).Document.GetSummaryListValue("Risks to workers").ShouldBe("Changed from the check answers page");
    }

    [Fact]
    public async Task Documents_FromCheckAnswers_ContinueAndUploadsKeepTheWayBack()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, withRequiredDocuments: true);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        var page = await browser.GetAsync($"/referrals/{referral.Id}/documents?returnTo=check");

        page.Document.QuerySelectorAll("a.govuk-button").Single(a => a.Text() == "Continue").GetAttribute("href").ShouldBe($"/referrals/{referral.Id}/check-answers");
        var removes = page.Document.QuerySelectorAll("main form[action]").Select(f => f.GetAttribute("action")).ToList();
        removes.ShouldNotBeEmpty();
        removes.ShouldAllBe(a => a!.Contains("returnTo=check"));
        page.Document.QuerySelectorAll("main form:not([action])").Length.ShouldBe(1, "the upload form posts to the page's own address, returnTo and all");
        (await browser.GetAsync($"/referrals/{referral.Id}/documents")).Document.QuerySelectorAll("a.govuk-button").Single(a => a.Text() == "Continue")
            .GetAttribute("href").ShouldBe($"/referrals/{referral.Id}/sharing");
    }

    [Theory]
    [InlineData("https://example.com/")]
    [InlineData("//example.com")]
    [InlineData("/people")]
    [InlineData("CHECK")]
    public async Task Post_ReturnToAnythingButCheck_IsIgnored(string returnTo)
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var url = $"/referrals/{referral.Id}/reason?returnTo={Uri.EscapeDataString(returnTo)}";
        var form = await browser.GetAsync(url);
        form.Document.QuerySelector(".govuk-back-link")!.GetAttribute("href").ShouldBe($"/people/{scene.PersonId}");

        var saved = await browser.PostRawAsync(url, form.Document.FormFields());

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        saved.Location.ShouldBe($"/referrals/{referral.Id}/needs");
    }
}
