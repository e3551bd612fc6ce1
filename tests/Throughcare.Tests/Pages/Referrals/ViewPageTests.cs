using System.Net;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Referrals;

namespace Throughcare.Tests.Pages.Referrals;

public sealed class ViewPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private const string NotesMarker = "SCREENING-NOTES-MARKER-7f3a";

    private async Task<(ReferralScene Scene, Referral Referral)> DeclinedWithNotesAsync()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, ReferralState.Declined, withRequiredDocuments: true);
        await factory.WithDbAsync(async db =>
        {
            var r = await db.Referrals.FindAsync(referral.Id);
            r!.ScreeningNotes = NotesMarker;
            r.CloseReason = ReferralCloseReason.NeedsMetElsewhere;
            r.DecidedAt = factory.UtcNow;
            r.DecidedByUserId = scene.Receiver.Id;
            db.ReferralTransitions.Add(new ReferralTransition { Id = Guid.NewGuid(), ReferralId = r.Id, From = ReferralState.Screening, To = ReferralState.Declined, At = factory.UtcNow, ByUserId = scene.Receiver.Id, Reason = ReferralCloseReason.NeedsMetElsewhere });
            return await db.SaveChangesAsync();
        });
        return (scene, referral);
    }

    [Fact]
    public async Task Referrer_SeesTheDecisionButNotTheScreeningNotes()
    {
        var (scene, referral) = await DeclinedWithNotesAsync();
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        var page = await browser.GetAsync($"/referrals/{referral.Id}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.GetSummaryListValue("Decision")!.ShouldContain("Declined: Needs met elsewhere");
        page.Document.QuerySelectorAll(".moj-timeline__item").Length.ShouldBe(2);
        page.Html.ShouldNotContain(NotesMarker);
        page.Html.ShouldNotContain("Screening notes");
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.View)).ShouldHaveSingleItem().ShouldBeSuccessBy(scene.Referrer);
    }

    [Fact]
    public async Task Receiver_SeesTheScreeningNotes_UntilTheirDeclineEndsTheirRole()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var screening = await factory.CreateReferralAsync(scene, ReferralState.Screening, withRequiredDocuments: true);
        await factory.WithDbAsync(async db =>
        {
            (await db.Referrals.FindAsync(screening.Id))!.ScreeningNotes = NotesMarker;
            return await db.SaveChangesAsync();
        });
        var (_, declined) = await DeclinedWithNotesAsync();
        var browser = await Browser.SignInAsync(factory, scene.Receiver);

        var page = await browser.GetAsync($"/referrals/{screening.Id}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.GetSummaryListValue("Screening notes").ShouldBe(NotesMarker);
        (await browser.GetAsync($"/referrals/{declined.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnrelatedOrganisation_GetsNotFoundOnEveryReferralPageAndDownload()
    {
        var (scene, referral) = await DeclinedWithNotesAsync();
        var document = referral.Documents[0];
        var browser = await Browser.SignInAsync(factory, scene.Unrelated);

        foreach (var path in new[] { "", "/reason", "/needs", "/documents", "/sharing", "/check-answers", $"/documents/{document.Id}" })
        {
            var page = await browser.GetAsync($"/referrals/{referral.Id}{path}");
            page.Status.ShouldBe(HttpStatusCode.NotFound, path);
            page.Html.ShouldNotContain(NotesMarker);
        }

        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Download)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Download_WithAnotherReferralsDocumentId_ReturnsNotFound()
    {
        var (scene, referral) = await DeclinedWithNotesAsync();
        var other = await factory.CreateReferralAsync(scene, ReferralState.Submitted, withRequiredDocuments: true);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        (await browser.GetAsync($"/referrals/{referral.Id}/documents/{other.Documents[0].Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReceivingOrganisation_CannotSeeADraft()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, withRequiredDocuments: true);
        var browser = await Browser.SignInAsync(factory, scene.Receiver);

        (await browser.GetAsync($"/referrals/{referral.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync($"/referrals/{referral.Id}/documents/{referral.Documents[0].Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Withdraw_WithAReason_ClosesTheReferral()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, ReferralState.Submitted);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var page = await browser.GetAsync($"/referrals/{referral.Id}");
        var form = page.Document.FormFields();

        var done = await browser.PostRawAsync($"/referrals/{referral.Id}?handler=Withdraw", form.With("Input.Reason", "MovedAway"));

        done.Status.ShouldBe(HttpStatusCode.Redirect, done.Html);
        var after = (await factory.FindReferralAsync(referral.Id))!;
        after.State.ShouldBe(ReferralState.Withdrawn);
        after.CloseReason.ShouldBe(ReferralCloseReason.MovedAway);
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Update)).Where(a => a.RecordType == AuditRecordTypes.Referral).ShouldHaveSingleItem().ShouldBeSuccessBy(scene.Referrer);
    }

    [Theory]
    [InlineData("", "", "Input_Reason", "Select a reason for withdrawing the referral")]
    [InlineData("42", "", "Input_Reason", "Select a reason for withdrawing the referral")]
    [InlineData("Other", "", "Input_ReasonText", "Enter the reason for withdrawing the referral")]
    [InlineData("Other", "a\u0007b", "Input_ReasonText", "Reason for withdrawing must not contain hidden control characters")]
    public async Task Withdraw_BadInput_ShowsErrorAndWritesNothing(string reason, string text, string fieldId, string message)
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, ReferralState.Submitted);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}")).Document.FormFields();

        var page = await browser.PostRawAsync($"/referrals/{referral.Id}?handler=Withdraw", form.With("Input.Reason", reason).With("Input.ReasonText", text));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(fieldId, message);
        (await factory.FindReferralAsync(referral.Id))!.State.ShouldBe(ReferralState.Submitted);
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Update)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Receiver_CannotWithdraw()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, ReferralState.Submitted);
        var browser = await Browser.SignInAsync(factory, scene.Receiver);
        var page = await browser.GetAsync($"/referrals/{referral.Id}");
        page.Html.ShouldNotContain("Withdraw referral");
        var token = await browser.GetTokenAsync("/account");

        var post = await browser.PostRawAsync($"/referrals/{referral.Id}?handler=Withdraw", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Version"] = referral.Version.ToString(),
            ["Input.Reason"] = "MovedAway",
        });

        post.Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.FindReferralAsync(referral.Id))!.State.ShouldBe(ReferralState.Submitted);
    }
}
