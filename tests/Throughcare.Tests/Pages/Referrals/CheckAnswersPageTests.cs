using System.Net;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;

namespace Throughcare.Tests.Pages.Referrals;

public sealed class CheckAnswersPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Get_ShowsAnswersWithChangeLinksAndMissingDocuments()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        var page = await browser.GetAsync($"/referrals/{referral.Id}/check-answers");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.GetSummaryListValue("Reason").ShouldBe(referral.Reason);
        page.Document.QuerySelectorAll($"a[href='/referrals/{referral.Id}/sharing?returnTo=check']").ShouldNotBeEmpty();
        page.Document.QuerySelector("#missing").Text().ShouldContain("OASys assessment");
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.View)).ShouldHaveSingleItem().ShouldBeSuccessBy(scene.Referrer);
    }

    [Fact]
    public async Task Post_WithMissingAnswers_IsRefusedAndNothingChanges()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var started = await browser.PostFormAsync($"/people/{scene.PersonId}/refer", new() { ["ServiceId"] = scene.Service.Id.ToString(), ["SubmissionId"] = Guid.NewGuid().ToString() });
        var referralId = Guid.Parse(started.Location!.Split('/')[2]);
        var check = await browser.GetAsync($"/referrals/{referralId}/check-answers");
        check.Document.QuerySelector("#missing").Text().ShouldContain("Enter the reason for the referral");

        var page = await browser.PostRawAsync($"/referrals/{referralId}/check-answers", check.Document.FormFields());

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain("Select where the referral comes from");
        (await factory.FindReferralAsync(referralId))!.State.ShouldBe(ReferralState.Draft);
    }

    [Fact]
    public async Task Post_Complete_SendsTheReferralAndItCanNoLongerBeEdited()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, withRequiredDocuments: true);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/check-answers")).Document.FormFields();

        var sent = await browser.PostRawAsync($"/referrals/{referral.Id}/check-answers", form);

        sent.Status.ShouldBe(HttpStatusCode.Redirect, sent.Html);
        sent.Location.ShouldBe($"/referrals/{referral.Id}");
        (await browser.GetAsync(sent.Location!)).Document.Flash().ShouldBe("Referral sent");
        var after = (await factory.FindReferralAsync(referral.Id))!;
        after.State.ShouldBe(ReferralState.Submitted);
        after.Transitions.ShouldHaveSingleItem().ByUserId.ShouldBe(scene.Referrer.Id);
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Update)).ShouldHaveSingleItem().ShouldBeSuccessBy(scene.Referrer);

        (await browser.GetAsync($"/referrals/{referral.Id}/check-answers")).Status.ShouldBe(HttpStatusCode.NotFound);
        var again = await browser.PostRawAsync($"/referrals/{referral.Id}/check-answers", form);
        again.Status.ShouldBe(HttpStatusCode.Conflict, "sending it again: it has moved on since the form was loaded");
        again.Document.QuerySelector("main strong")!.TextContent.ShouldBe("submitted");
        (await factory.FindReferralAsync(referral.Id))!.Transitions.Count.ShouldBe(1);
        (await browser.GetAsync($"/referrals/{referral.Id}/reason")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_StaleVersion_ShowsConflictAndSendsNothing()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, withRequiredDocuments: true);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/check-answers")).Document.FormFields();
        (await browser.PostRawAsync($"/referrals/{referral.Id}/reason", (await browser.GetAsync($"/referrals/{referral.Id}/reason")).Document.FormFields()
            .With("Input.Reason", "Changed in another tab"))).Status.ShouldBe(HttpStatusCode.Redirect);

        var page = await browser.PostRawAsync($"/referrals/{referral.Id}/check-answers", form);

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        page.Document.QuerySelector("[data-conflict]").ShouldNotBeNull();
        page.Document.GetSummaryListValue("Reason").ShouldBe("Changed in another tab");
        page.Document.InputValue("Version").ShouldBe((await factory.FindReferralAsync(referral.Id))!.Version.ToString());
        (await factory.FindReferralAsync(referral.Id))!.State.ShouldBe(ReferralState.Draft);
        (await factory.OutboxToAsync(scene.Referrer.Email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_ReceivingOrUnrelatedOrganisation_ReturnsNotFound()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, ReferralState.AwaitingInformation);

        await factory.AssertOtherOrganisationsGetNotFoundAsync(scene, referral, $"/referrals/{referral.Id}/check-answers");
    }
}
