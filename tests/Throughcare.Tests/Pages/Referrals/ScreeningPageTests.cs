using System.Net;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Referrals;
using Throughcare.Web.Domain.Services;
using static Throughcare.Tests.Pages.People.PeoplePages;

namespace Throughcare.Tests.Pages.Referrals;

public sealed class ScreeningPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);
    private readonly ReferralTestData _referrals = new(factory);

    private static string Url(Referral referral) => $"/referrals/{referral.Id}/screening";

    [Fact]
    public async Task Post_StartScreening_MovesToScreeningAndAudits()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Submitted);
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.PostFormAsync(Url(s.Referral) + "?handler=Start", new() { ["Version"] = s.Referral.Version.ToString() }, Url(s.Referral));

        page.Status.ShouldBe(HttpStatusCode.Redirect, page.Html);
        var referral = await factory.LoadReferralAsync(s.Referral.Id);
        referral.State.ShouldBe(ReferralState.Screening);
        referral.Transitions.ShouldHaveSingleItem().ByUserId.ShouldBe(s.Manager.Id);
        (await factory.ReferralAuditAsync(s.Referral.Id)).ShouldContain(a => a.Action == AuditActions.Update && a.UserId == s.Manager.Id);
        var view = await browser.GetAsync(page.Location!);
        view.Document.QuerySelector("[data-outcome]").Text().ShouldBe("Screening started");
    }

    [Fact]
    public async Task Post_StartScreening_MissingDocument_AwaitsInformationAndEmailsReferrer()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Submitted, withRequiredDocuments: false);
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.PostFormAsync(Url(s.Referral) + "?handler=Start", new() { ["Version"] = s.Referral.Version.ToString() }, Url(s.Referral));

        page.Status.ShouldBe(HttpStatusCode.Redirect, page.Html);
        (await factory.LoadReferralAsync(s.Referral.Id)).State.ShouldBe(ReferralState.AwaitingInformation);
        var mail = (await factory.OutboxToAsync(s.Referrer.Email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("More information needed for your referral");
        mail.Body.ShouldContain("Referral form");
        var view = await browser.GetAsync(page.Location!);
        view.Document.QuerySelector("[data-outcome]").Text().ShouldBe("The referral is missing required documents");
        view.Document.GetSummaryListValue("State").ShouldBe("Awaiting information");
        view.Document.GetSummaryListValue("Information asked for").ShouldNotBeNull().ShouldStartWith("Required documents missing");
    }

    [Fact]
    public async Task Get_Checklist_ShowsMetNotMetAndUnknown()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening, person: d => d with { GenderIdentity = "woman", OpdScreeningResult = null }, service: svc => svc.Boroughs = []);
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.GetAsync(Url(s.Referral));

        page.Status.ShouldBe(HttpStatusCode.OK);
        string Result(string rule) => page.Document.QuerySelector($"tr[data-rule='{rule}'] .govuk-tag").Text();
        Result(Eligibility.AgeRule).ShouldBe("Met");
        Result(Eligibility.GenderRule).ShouldBe("Not met");
        Result(Eligibility.OpdRule).ShouldBe("Unknown");
        Result(Eligibility.SettingRule).ShouldBe("Met");
        (await factory.AuditEventsAsync(s.PersonId, AuditActions.View)).ShouldContain(a => a.UserId == s.Manager.Id);
    }

    [Fact]
    public async Task Post_Override_RecordsRuleAndReasonAndShowsIt()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening, person: d => d with { OpdScreeningResult = null });
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.PostFormAsync(Url(s.Referral) + "?handler=Override", new()
        {
            ["Version"] = s.Referral.Version.ToString(),
            ["Override.Rule"] = Eligibility.OpdRule,
            ["Override.Reason"] = "Screened in by the prison team last month; record to follow",
        }, Url(s.Referral));

        page.Status.ShouldBe(HttpStatusCode.Redirect, page.Html);
        var saved = (await factory.LoadReferralAsync(s.Referral.Id)).Overrides.ShouldHaveSingleItem();
        (saved.Rule, saved.Reason, saved.ByUserId).ShouldBe((Eligibility.OpdRule, "Screened in by the prison team last month; record to follow", s.Manager.Id));
        (await factory.ReferralAuditAsync(s.Referral.Id)).ShouldContain(a => a.EventType == nameof(ScreeningRuleOverridden) && a.Details!.Contains(Eligibility.OpdRule));
        var view = await browser.GetAsync(page.Location!);
        view.Document.QuerySelector($"tr[data-rule='{Eligibility.OpdRule}'] [data-override]").Text().ShouldContain("record to follow");
    }

    [Fact]
    public async Task Post_OverrideWithoutReason_ShowsErrorAndRecordsNothing()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening, person: d => d with { OpdScreeningResult = null });
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.PostFormAsync(Url(s.Referral) + "?handler=Override", new() { ["Version"] = s.Referral.Version.ToString(), ["Override.Rule"] = Eligibility.OpdRule, ["Override.Reason"] = " " }, Url(s.Referral));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Override_Reason", "Enter why the rule should be treated as met");
        (await factory.LoadReferralAsync(s.Referral.Id)).Overrides.ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_Accept_DecidesSavesNotesAndEmailsReferrer()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening);
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.PostFormAsync(Url(s.Referral) + "?handler=Decide", new()
        {
            ["Version"] = s.Referral.Version.ToString(),
            ["Decision.Outcome"] = "accept",
            ["Decision.Notes"] = "Discussed at the team meeting",
        }, Url(s.Referral));

        page.Status.ShouldBe(HttpStatusCode.Redirect, page.Html);
        var referral = await factory.LoadReferralAsync(s.Referral.Id);
        (referral.State, referral.DecidedByUserId, referral.ScreeningNotes).ShouldBe((ReferralState.Accepted, s.Manager.Id, "Discussed at the team meeting"));
        referral.DecidedAt.ShouldNotBeNull();
        (await factory.OutboxToAsync(s.Referrer.Email)).ShouldHaveSingleItem().Subject.ShouldBe("Referral accepted");
        var view = await browser.GetAsync(page.Location!);
        view.Document.QuerySelector("[data-outcome]").Text().ShouldBe("Referral accepted");
        view.Document.QuerySelector($"a[href='/referrals/{s.Referral.Id}/allocation']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Post_DeclineWithCodedReason_DeclinesAndEmailsReferrer()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening);
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.PostFormAsync(Url(s.Referral) + "?handler=Decide", new()
        {
            ["Version"] = s.Referral.Version.ToString(),
            ["Decision.Outcome"] = "decline",
            ["Decision.Reason"] = nameof(ReferralCloseReason.NeedsMetElsewhere),
        }, Url(s.Referral));

        page.Status.ShouldBe(HttpStatusCode.Redirect, page.Html);
        var referral = await factory.LoadReferralAsync(s.Referral.Id);
        (referral.State, referral.CloseReason).ShouldBe((ReferralState.Declined, ReferralCloseReason.NeedsMetElsewhere));
        (await factory.OutboxToAsync(s.Referrer.Email)).ShouldHaveSingleItem().Body.ShouldContain("Needs met elsewhere");
    }

    [Theory]
    [InlineData("", "", "Decision_Reason", "Select a reason for declining the referral")]
    [InlineData("Other", " ", "Decision_ReasonText", "Enter the reason for declining the referral")]
    public async Task Post_DeclineWithoutReason_ShowsErrorAndChangesNothing(string reason, string text, string fieldId, string message)
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening);
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.PostFormAsync(Url(s.Referral) + "?handler=Decide", new()
        {
            ["Version"] = s.Referral.Version.ToString(),
            ["Decision.Outcome"] = "decline",
            ["Decision.Reason"] = reason,
            ["Decision.ReasonText"] = text,
        }, Url(s.Referral));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(fieldId, message);
        (await factory.LoadReferralAsync(s.Referral.Id)).State.ShouldBe(ReferralState.Screening);
        (await factory.OutboxToAsync(s.Referrer.Email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_WithoutDecision_ShowsError()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening);
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.PostFormAsync(Url(s.Referral) + "?handler=Decide", new() { ["Version"] = s.Referral.Version.ToString() }, Url(s.Referral));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Decision_Outcome", "Select a decision");
    }

    [Fact]
    public async Task Post_RequestInformation_AwaitsInformationAndEmailsTheMessage()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening);
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.PostFormAsync(Url(s.Referral) + "?handler=Decide", new()
        {
            ["Version"] = s.Referral.Version.ToString(),
            ["Decision.Outcome"] = "request-information",
            ["Decision.Message"] = "Please send the latest risk assessment",
        }, Url(s.Referral));

        page.Status.ShouldBe(HttpStatusCode.Redirect, page.Html);
        (await factory.LoadReferralAsync(s.Referral.Id)).State.ShouldBe(ReferralState.AwaitingInformation);
        var mail = (await factory.OutboxToAsync(s.Referrer.Email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("More information needed for your referral");
        mail.Body.ShouldContain("Please send the latest risk assessment");
    }

    [Fact]
    public async Task Post_StaleVersion_ShowsConflictAndChangesNothing()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening);
        var browser = await Browser.SignInAsync(factory, s.Manager);
        var first = await browser.PostFormAsync(Url(s.Referral) + "?handler=Decide", new() { ["Version"] = s.Referral.Version.ToString(), ["Decision.Outcome"] = "accept" }, Url(s.Referral));
        first.Status.ShouldBe(HttpStatusCode.Redirect);

        var second = await browser.PostFormAsync(Url(s.Referral) + "?handler=Decide", new()
        {
            ["Version"] = s.Referral.Version.ToString(),
            ["Decision.Outcome"] = "decline",
            ["Decision.Reason"] = nameof(ReferralCloseReason.NotEligible),
        }, Url(s.Referral));

        second.Status.ShouldBe(HttpStatusCode.Conflict);
        second.Document.QuerySelector("[data-conflict]").Text().ShouldContain("Someone else changed this referral");
        (await factory.LoadReferralAsync(s.Referral.Id)).State.ShouldBe(ReferralState.Accepted);
    }

    [Fact]
    public async Task Get_Practitioner_IsForbidden()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening);
        var practitioner = await _data.CreateUserAsync(s.Service.OrganisationId, StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, practitioner);

        (await browser.GetAsync(Url(s.Referral))).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_ReferringManager_GetsNotFoundAndNeverSeesNotes()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening);
        await factory.WithDbAsync(async db =>
        {
            var referral = await db.Referrals.FindAsync(s.Referral.Id);
            referral!.ScreeningNotes = "Private screening note";
            return await db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, s.Referrer);

        var page = await browser.GetAsync(Url(s.Referral));
        var post = await browser.PostFormAsync(Url(s.Referral) + "?handler=Decide", new() { ["Version"] = s.Referral.Version.ToString(), ["Decision.Outcome"] = "accept" }, "/");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Html.ShouldNotContain("Private screening note");
        post.Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.LoadReferralAsync(s.Referral.Id)).State.ShouldBe(ReferralState.Screening);
    }

    [Fact]
    public async Task Get_ManagerOfUnrelatedOrganisation_GetsNotFound()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening);
        var stranger = await _data.CreateStaffAsync(StaffRoles.Manager);
        var browser = await Browser.SignInAsync(factory, stranger);

        (await browser.GetAsync(Url(s.Referral))).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
