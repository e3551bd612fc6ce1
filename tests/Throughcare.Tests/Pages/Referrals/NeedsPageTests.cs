using System.Net;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;

namespace Throughcare.Tests.Pages.Referrals;

public sealed class NeedsPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Get_ShowsLanguageAndInterpreterFromTheRecordAndAuditsTheRead()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        await factory.WithDbAsync(async db =>
        {
            var person = await db.People.FindAsync(scene.PersonId);
            person!.Details = person.Details with { PreferredLanguage = Core.Domain.ReferenceData.Languages.All[0].Code, InterpreterNeeded = true };
            return await db.SaveChangesAsync();
        });
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        var page = await browser.GetAsync($"/referrals/{referral.Id}/needs");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.GetSummaryListValue("Needs an interpreter").ShouldBe("Yes");
        page.Document.GetSummaryListValue("Preferred language").ShouldNotBe("Not recorded");
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.View)).ShouldHaveSingleItem().ShouldBeSuccessBy(scene.Referrer);
    }

    [Fact]
    public async Task Post_SavesAndGoesToDocuments()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/needs")).Document.FormFields();

        var saved = await browser.PostRawAsync($"/referrals/{referral.Id}/needs", form
            .With("Input.PersonSetting", "Custody").With("Input.AccessibilityNeeds", "Step-free access").With("Input.RisksToWorkers", "None known").With("Input.PreferredWorkerGender", "woman"));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        saved.Location.ShouldBe($"/referrals/{referral.Id}/documents");
        var after = (await factory.FindReferralAsync(referral.Id))!;
        after.PersonSetting.ShouldBe(ServiceSetting.Custody);
        after.AccessibilityNeeds.ShouldBe("Step-free access");
        after.PreferredWorkerGender.ShouldBe("woman");
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Update)).ShouldHaveSingleItem().ShouldBeSuccessBy(scene.Referrer);
    }

    [Theory]
    [InlineData("Input.PersonSetting", "", "Input_PersonSetting", "Select whether the person is in custody or in the community")]
    [InlineData("Input.PersonSetting", "Either", "Input_PersonSetting", "Select whether the person is in custody or in the community")]
    [InlineData("Input.AccessibilityNeeds", "x\u0007", "Input_AccessibilityNeeds", "Accessibility needs must not contain hidden control characters")]
    [InlineData("Input.RisksToWorkers", "\u2066x", "Input_RisksToWorkers", "Risks to workers must not contain hidden control characters")]
    [InlineData("Input.PreferredWorkerGender", "../../etc/passwd", "Input_PreferredWorkerGender", "Select a preferred gender of worker, or no preference")]
    public async Task Post_BadInput_ShowsErrorAndWritesNothing(string field, string value, string fieldId, string message)
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/needs")).Document.FormFields();

        var page = await browser.PostRawAsync($"/referrals/{referral.Id}/needs", form.With(field, value));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(fieldId, message);
        (await factory.FindReferralAsync(referral.Id))!.Version.ShouldBe(referral.Version);
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Update)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_AccessibilityNeedsOverTheLimit_ShowsError()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/needs")).Document.FormFields();

        var page = await browser.PostRawAsync($"/referrals/{referral.Id}/needs", form.With("Input.AccessibilityNeeds", new string('a', 2001)));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_AccessibilityNeeds", "Accessibility needs must be 2000 characters or fewer");
    }

    [Fact]
    public async Task Post_StaleVersion_ShowsConflictKeepsMyAnswersAndWritesNothing()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/needs")).Document.FormFields();

        var page = await browser.PostRawAsync($"/referrals/{referral.Id}/needs", form.With("Version", Guid.NewGuid().ToString())
            .With("Input.PersonSetting", "Custody").With("Input.AccessibilityNeeds", "A quiet room"));

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        page.Document.QuerySelectorAll("#conflict tbody tr").Select(r => r.Children[0].Text()).ShouldBe(["Where the person is now", "Accessibility needs"]);
        page.Document.QuerySelector("input[name='Input.PersonSetting'][checked]")!.GetAttribute("value").ShouldBe("Custody");
        page.Document.QuerySelector("textarea[name='Input.AccessibilityNeeds']").Text().ShouldBe("A quiet room");
        var after = (await factory.FindReferralAsync(referral.Id))!;
        (after.Version, after.PersonSetting, after.AccessibilityNeeds).ShouldBe((referral.Version, referral.PersonSetting, referral.AccessibilityNeeds));
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Update)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_ReceivingOrUnrelatedOrganisation_ReturnsNotFound()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, ReferralState.AwaitingInformation);

        await factory.AssertOtherOrganisationsGetNotFoundAsync(scene, referral, $"/referrals/{referral.Id}/needs");
    }
}
