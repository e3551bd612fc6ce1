using System.Net;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.People.PeoplePages;

namespace Throughcare.Tests.Pages.Referrals;

public sealed class ScreeningPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Get_LinksToThePersonAndEachDocument()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Submitted);
        var referral = (await factory.FindReferralAsync(s.Referral.Id))!;
        referral.Documents.ShouldNotBeEmpty();
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.GetAsync(Url(s.Referral));

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("[data-person-link]")!.GetAttribute("href").ShouldBe($"/people/{s.PersonId}");
        page.Document.QuerySelectorAll("[data-documents] a").Select(a => (a.GetAttribute("href"), a.Text()))
            .ShouldBe(referral.Documents.Select(d => ((string?)$"/referrals/{s.Referral.Id}/documents/{d.Id}", d.FileName)), ignoreOrder: true);
        (await browser.GetAsync($"/people/{s.PersonId}")).Status.ShouldBe(HttpStatusCode.OK);
    }

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
        page.Location.ShouldBe(Url(s.Referral));
        var view = await browser.GetAsync(page.Location!);
        view.Document.Flash().ShouldBe("Screening started");
        (await browser.GetAsync(page.Location!)).Document.Flash().ShouldBeNull("the banner shows once");
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
        view.Document.Flash().ShouldBe("The referral is missing required documents. It is now awaiting information and the referrer has been e-mailed.");
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

    /// <summary>Only a rule on the checklist that is not met (nor overridden already) may be overridden: any other is refused, not stored.</summary>
    [Theory]
    [InlineData("astrology")]
    [InlineData(Eligibility.AgeRule)]
    [InlineData("opd-but-forty-one-characters-long-xxxxxxxx")]
    public async Task Post_OverrideOfARuleNotOpenOnTheChecklist_ShowsErrorAndRecordsNothing(string rule)
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening, person: d => d with { OpdScreeningResult = null });
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.PostFormAsync(Url(s.Referral) + "?handler=Override", new() { ["Version"] = s.Referral.Version.ToString(), ["Override.Rule"] = rule, ["Override.Reason"] = "Because" }, Url(s.Referral));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Override_Rule", "Select the rule to override");
        var after = await factory.LoadReferralAsync(s.Referral.Id);
        after.Overrides.ShouldBeEmpty();
        after.Version.ShouldBe(s.Referral.Version);
        (await factory.ReferralAuditAsync(s.Referral.Id)).ShouldAllBe(a => a.Action == AuditActions.View);
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
        view.Document.Flash().ShouldBe("Referral accepted");
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

        // Declining ends the organisation's role in the person's care: the manager lands on the sift, which they may see.
        page.Location.ShouldBe($"/services/{s.Service.Id}/sift");
        var sift = await browser.GetAsync(page.Location!);
        sift.Status.ShouldBe(HttpStatusCode.OK);
        sift.Document.Flash().ShouldNotBeNull().ShouldStartWith("Referral declined.");
        sift.Document.Flash().ShouldEndWith("is no longer visible to your organisation.");
        sift.Html.ShouldNotContain(s.Referral.Id.ToString());
        (await browser.GetAsync(Url(s.Referral))).Status.ShouldBe(HttpStatusCode.NotFound);
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

    /// <summary>Another manager saved first: the decision is not saved, the page shows what is saved now and keeps the user's decision.</summary>
    [Fact]
    public async Task Post_DecisionAfterSomeoneElsesOverride_ShowsConflictAndKeepsTheDecision()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening, person: d => d with { OpdScreeningResult = null });
        var colleague = await Browser.SignInAsync(factory, await _data.CreateUserAsync(s.Service.OrganisationId, StaffRoles.Manager));
        var browser = await Browser.SignInAsync(factory, s.Manager);
        var mine = (await browser.GetAsync(Url(s.Referral))).Document.FormFields();
        (await colleague.PostFormAsync(Url(s.Referral) + "?handler=Override", new()
        {
            ["Version"] = s.Referral.Version.ToString(),
            ["Override.Rule"] = Eligibility.OpdRule,
            ["Override.Reason"] = "Screened in last month",
        }, Url(s.Referral))).Status.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.LoadReferralAsync(s.Referral.Id);

        var page = await browser.PostRawAsync(Url(s.Referral) + "?handler=Decide", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = mine["__RequestVerificationToken"],
            ["Version"] = s.Referral.Version.ToString(),
            ["Decision.Outcome"] = "decline",
            ["Decision.Reason"] = nameof(ReferralCloseReason.Other),
            ["Decision.ReasonText"] = "Lives outside the area we serve",
            ["Decision.Notes"] = "My own screening note",
        });

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        page.Document.QuerySelector("[data-conflict]").Text().ShouldContain("Someone else changed this referral");
        page.Document.QuerySelector($"tr[data-rule='{Eligibility.OpdRule}'] [data-override]").Text().ShouldContain("Screened in last month");
        page.Document.QuerySelector("input[name='Decision.Outcome'][checked]")!.GetAttribute("value").ShouldBe("decline");
        page.Document.QuerySelector("input[name='Decision.Reason'][checked]")!.GetAttribute("value").ShouldBe(nameof(ReferralCloseReason.Other));
        page.Document.QuerySelector("textarea[name='Decision.ReasonText']").Text().ShouldBe("Lives outside the area we serve");
        page.Document.QuerySelector("textarea[name='Decision.Notes']").Text().ShouldBe("My own screening note");
        page.Document.QuerySelectorAll("input[name='Version']").Select(v => v.GetAttribute("value")).Distinct().ShouldBe([saved.Version.ToString()]);
        var after = await factory.LoadReferralAsync(s.Referral.Id);
        (after.State, after.Version, after.ScreeningNotes).ShouldBe((ReferralState.Screening, saved.Version, null));
        (await factory.OutboxToAsync(s.Referrer.Email)).ShouldBeEmpty();
    }

    /// <summary>Half past midnight in the UK in summer is still yesterday in UTC: the person turned 18 today, in the UK.</summary>
    [Fact]
    public async Task Get_JustAfterUkMidnightInSummer_ChecksTheAgeRuleOnTheUkDate()
    {
        var today = factory.MoveToJustAfterUkMidnight();
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening, person: d => d with { DateOfBirth = today.AddYears(-18) });
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.GetAsync(Url(s.Referral));

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector($"tr[data-rule='{Eligibility.AgeRule}'] .govuk-tag").Text().ShouldBe("Met");
        page.Document.QuerySelector($"tr[data-rule='{Eligibility.AgeRule}'] td").Text().ShouldBe("Aged 18");
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

        var page = await browser.GetAsync(Url(s.Referral));

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Html.ShouldNotContain(s.Referral.Reason!);
        (await factory.DeniedAsync(s.Referral.Id, stranger)).ShouldHaveSingleItem().RecordType.ShouldBe(AuditRecordTypes.Referral);
    }
}
