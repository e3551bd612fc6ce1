using System.Globalization;
using System.Net;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;

namespace Throughcare.Tests.Pages.Referrals;

public sealed class SharingPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Theory]
    [InlineData("PublicTask", "30", "2", "2024")]
    [InlineData("LegalObligation", "x", "", "<b>")]
    public async Task Post_WithoutConsent_IgnoresTheConsentDate(string basis, string day, string month, string year)
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/sharing")).Document.FormFields();

        var saved = await browser.PostRawAsync($"/referrals/{referral.Id}/sharing", form.With("Input.SharingBasis", basis)
            .With("Input.ConsentGivenOn.Day", day).With("Input.ConsentGivenOn.Month", month).With("Input.ConsentGivenOn.Year", year));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        var after = (await factory.FindReferralAsync(referral.Id))!;
        after.SharingBasis.ShouldBe(Enum.Parse<SharingBasis>(basis));
        after.ConsentGivenOn.ShouldBeNull();
    }

    [Fact]
    public async Task Get_ConsentDate_IsRevealedUnderConsentOnly()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        var page = await browser.GetAsync($"/referrals/{referral.Id}/sharing");

        var consent = page.Document.QuerySelector("input[name='Input.SharingBasis'][value='Consent']")!;
        var reveal = page.Document.GetElementById(consent.GetAttribute("data-reveal")!).ShouldNotBeNull();
        reveal.ClassList.ShouldContain("govuk-radios__conditional");
        reveal.PreviousElementSibling!.QuerySelector("input")!.GetAttribute("value").ShouldBe("Consent");
        reveal.QuerySelector("input[name='Input.ConsentGivenOn.Day']").ShouldNotBeNull();
        page.Document.QuerySelectorAll("input[name='Input.SharingBasis'][data-reveal]").Length.ShouldBe(1);
    }

    [Fact]
    public async Task Post_SeveralErrors_AreSummarisedInTheOrderOfTheFields()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/sharing")).Document.FormFields();
        form.Remove("Input.SharingBasis");

        var page = await browser.PostRawAsync($"/referrals/{referral.Id}/sharing", form.With("Input.SharingNote", "a\u0007b"));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertErrorSummaryInFieldOrder().ShouldBe(["#Input_SharingBasis", "#Input_SharingNote"]);
    }

    [Fact]
    public async Task Post_ConsentWithDate_SavesAndGoesToCheckAnswers()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/sharing")).Document.FormFields();

        var saved = await browser.PostRawAsync($"/referrals/{referral.Id}/sharing", form.With("Input.SharingBasis", "Consent")
            .With("Input.ConsentGivenOn.Day", "3").With("Input.ConsentGivenOn.Month", "2").With("Input.ConsentGivenOn.Year", "2024").With("Input.SharingNote", "Signed form on file"));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        saved.Location.ShouldBe($"/referrals/{referral.Id}/check-answers");
        var after = (await factory.FindReferralAsync(referral.Id))!;
        after.SharingBasis.ShouldBe(SharingBasis.Consent);
        after.ConsentGivenOn.ShouldBe(new DateOnly(2024, 2, 3));
        after.SharingNote.ShouldBe("Signed form on file");
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Update)).ShouldHaveSingleItem().ShouldBeSuccessBy(scene.Referrer);
    }

    [Fact]
    public async Task Post_PublicTask_ClearsTheConsentDate()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/sharing")).Document.FormFields();

        var saved = await browser.PostRawAsync($"/referrals/{referral.Id}/sharing", form.With("Input.SharingBasis", "PublicTask"));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        var after = (await factory.FindReferralAsync(referral.Id))!;
        after.SharingBasis.ShouldBe(SharingBasis.PublicTask);
        after.ConsentGivenOn.ShouldBeNull();
    }

    [Theory]
    [InlineData("", "", "", "", "Input_SharingBasis", "Select the lawful basis for sharing this referral")]
    [InlineData("Consent", "", "", "", "Input_ConsentGivenOn", "Enter the date the person gave consent")]
    [InlineData("Consent", "30", "2", "2024", "Input_ConsentGivenOn", "Date consent was given must be a real date")]
    [InlineData("Consent", "1", "1", "0001", "Input_ConsentGivenOn", "Date consent was given must be after 1 January 2000")]
    [InlineData("Consent", "31", "12", "9999", "Input_ConsentGivenOn", "Date consent was given must be today or in the past")]
    [InlineData("Consent", "-1", "99", "2024", "Input_ConsentGivenOn", "Date consent was given must be a real date")]
    public async Task Post_BadInput_ShowsErrorAndWritesNothing(string basis, string day, string month, string year, string fieldId, string message)
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/sharing")).Document.FormFields();

        var page = await browser.PostRawAsync($"/referrals/{referral.Id}/sharing", form.With("Input.SharingBasis", basis)
            .With("Input.ConsentGivenOn.Day", day).With("Input.ConsentGivenOn.Month", month).With("Input.ConsentGivenOn.Year", year));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(fieldId, message);
        (await factory.FindReferralAsync(referral.Id))!.Version.ShouldBe(referral.Version);
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Update)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_NoteWithControlCharacters_ShowsError()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/sharing")).Document.FormFields();

        var page = await browser.PostRawAsync($"/referrals/{referral.Id}/sharing", form.With("Input.SharingBasis", "VitalInterests").With("Input.SharingNote", "a\u0007b"));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_SharingNote", "Note must not contain hidden control characters");
    }

    /// <summary>Half past midnight in the UK in summer, consent given "today" is today in the UK, though it is tomorrow in UTC.</summary>
    [Fact]
    public async Task Post_ConsentGivenTodayJustAfterUkMidnightInSummer_IsAccepted()
    {
        var today = factory.MoveToJustAfterUkMidnight();
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/sharing")).Document.FormFields();

        var saved = await browser.PostRawAsync($"/referrals/{referral.Id}/sharing", form.With("Input.SharingBasis", "Consent")
            .With("Input.ConsentGivenOn.Day", today.Day.ToString(CultureInfo.InvariantCulture))
            .With("Input.ConsentGivenOn.Month", today.Month.ToString(CultureInfo.InvariantCulture))
            .With("Input.ConsentGivenOn.Year", today.Year.ToString(CultureInfo.InvariantCulture)));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", saved.Document.ErrorSummary()));
        (await factory.FindReferralAsync(referral.Id))!.ConsentGivenOn.ShouldBe(today);
    }

    [Fact]
    public async Task Post_StaleVersion_ShowsConflictKeepsMyAnswersAndWritesNothing()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/sharing")).Document.FormFields();

        var page = await browser.PostRawAsync($"/referrals/{referral.Id}/sharing", form.With("Version", Guid.NewGuid().ToString())
            .With("Input.SharingBasis", "PublicTask").With("Input.SharingNote", "Court order"));

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        page.Document.QuerySelectorAll("#conflict tbody tr").Select(r => (r.Children[0].Text(), r.Children[1].Text(), r.Children[2].Text())).ShouldContain(("Sharing note", "(blank)", "Court order"));
        page.Document.QuerySelector("input[name='Input.SharingBasis'][checked]")!.GetAttribute("value").ShouldBe("PublicTask");
        page.Document.QuerySelector("textarea[name='Input.SharingNote']").Text().ShouldBe("Court order");
        (await factory.FindReferralAsync(referral.Id))!.Version.ShouldBe(referral.Version);
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Update)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_ReceivingOrUnrelatedOrganisation_ReturnsNotFound()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, ReferralState.AwaitingInformation);

        await factory.AssertOtherOrganisationsGetNotFoundAsync(scene, referral, $"/referrals/{referral.Id}/sharing");
    }
}
