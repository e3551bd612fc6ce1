using System.Net;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;

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
    public async Task Get_UnrelatedOrganisation_ReturnsNotFoundAndIsAuditedAsDenied()
    {
        var (scene, referral) = await DeclinedWithNotesAsync();
        var browser = await Browser.SignInAsync(factory, scene.Unrelated);

        var page = await browser.GetAsync($"/referrals/{referral.Id}");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Html.ShouldNotContain(NotesMarker);
        (await factory.DeniedAsync(referral.Id, scene.Unrelated)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Get_ReceivingOrganisation_CannotSeeADraft()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, withRequiredDocuments: true);
        var browser = await Browser.SignInAsync(factory, scene.Receiver);

        (await browser.GetAsync($"/referrals/{referral.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
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
        done.Location.ShouldBe($"/referrals/{referral.Id}");
        var view = await browser.GetAsync(done.Location!);
        view.Document.Flash().ShouldBe("Referral withdrawn");
        view.Document.GetSummaryListValue("Decision")!.ShouldStartWith("Withdrawn: Moved away");
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
    public async Task Withdraw_AfterSomeoneElsesChange_ShowsConflictAndKeepsTheReason()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, ReferralState.Submitted, withRequiredDocuments: true);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}")).Document.FormFields();
        var receiver = await Browser.SignInAsync(factory, scene.Receiver);
        (await receiver.PostFormAsync($"/referrals/{referral.Id}/screening?handler=Start", new() { ["Version"] = referral.Version.ToString() }, $"/referrals/{referral.Id}/screening"))
            .Status.ShouldBe(HttpStatusCode.Redirect);

        var page = await browser.PostRawAsync($"/referrals/{referral.Id}?handler=Withdraw", form.With("Input.Reason", "Other").With("Input.ReasonText", "Moved to Leeds"));

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        page.Document.QuerySelector("[data-conflict]").ShouldNotBeNull();
        page.Document.GetSummaryListValue("Status").ShouldBe("Screening");
        page.Document.QuerySelector("input[name='Input.Reason'][checked]")!.GetAttribute("value").ShouldBe("Other");
        page.Document.QuerySelector("textarea[name='Input.ReasonText']").Text().ShouldBe("Moved to Leeds");
        var after = (await factory.FindReferralAsync(referral.Id))!;
        after.State.ShouldBe(ReferralState.Screening);
        page.Document.InputValue("Version").ShouldBe(after.Version.ToString());
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
