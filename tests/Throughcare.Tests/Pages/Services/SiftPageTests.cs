using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Referrals;
using static Throughcare.Tests.Pages.People.PeoplePages;

namespace Throughcare.Tests.Pages.Services;

public sealed class SiftPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);
    private readonly ReferralTestData _referrals = new(factory);

    [Fact]
    public async Task Get_ShowsCountsPerState_WaitingOldestFirstThenDecisions_WithDaysAndNoDrafts()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Submitted);
        var older = await _referrals.CreateReferralAsync(s.PersonId, s.Service, s.Referral.ReferringOrganisationId, s.Referrer.Id, ReferralState.Screening);
        var accepted = await _referrals.CreateReferralAsync(s.PersonId, s.Service, s.Referral.ReferringOrganisationId, s.Referrer.Id, ReferralState.Accepted);
        await _referrals.CreateReferralAsync(s.PersonId, s.Service, s.Referral.ReferringOrganisationId, s.Referrer.Id, ReferralState.Draft);
        var now = factory.UtcNow;
        await SetDatesAsync(older.Id, submitted: now.AddDays(-10));
        await SetDatesAsync(accepted.Id, submitted: now.AddDays(-20), decided: now.AddDays(-17));
        await SetDatesAsync(s.Referral.Id, submitted: now.AddDays(-3));
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.GetAsync($"/services/{s.Service.Id}/sift");

        page.Status.ShouldBe(HttpStatusCode.OK, page.Html);
        page.Document.QuerySelectorAll(".moj-sub-navigation__link").Select(a => a.Text()).ShouldBe(
            ["All (3)", "Submitted (1)", "Screening (1)", "Awaiting information (0)", "Accepted (1)", "Awaiting allocation (1)", "Declined (0)", "Withdrawn (0)"]);
        page.Document.QuerySelectorAll("tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-referral")!)).ShouldBe([older.Id, s.Referral.Id, accepted.Id]);
        string Cell(Guid id, string cell) => page.Document.QuerySelector($"tr[data-referral='{id}'] [{cell}]").Text();
        Cell(s.Referral.Id, "data-decision").ShouldBe("3 days waiting");
        Cell(older.Id, "data-decision").ShouldBe("10 days waiting");
        Cell(accepted.Id, "data-decision").ShouldBe("Decided in 3 days");
        Cell(accepted.Id, "data-allocation").ShouldBe("20 days waiting");
        Cell(s.Referral.Id, "data-allocation").ShouldBeEmpty();
        page.Document.QuerySelector($"tr[data-referral='{s.Referral.Id}']")!.TextContent.ShouldContain(s.Referrer.OrganisationId == s.Referral.ReferringOrganisationId ? await OrganisationNameAsync(s.Referral.ReferringOrganisationId) : "");
        page.Document.QuerySelector($"tr[data-referral='{s.Referral.Id}'] [data-state] .govuk-tag").Text().ShouldBe("Submitted");
        (await factory.AuditEventsAsync(s.PersonId, AuditActions.SearchResult)).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            a => a.UserId.ShouldBe(s.Manager.Id),
            a => a.Purpose.ShouldBe("referral sift"));
        page.Document.QuerySelector($"tr[data-referral='{accepted.Id}'] a")!.GetAttribute("href").ShouldBe($"/referrals/{accepted.Id}/allocation");
        page.Document.QuerySelector($"tr[data-referral='{older.Id}'] a")!.GetAttribute("href").ShouldBe($"/referrals/{older.Id}/screening");
    }

    [Fact]
    public async Task Get_OpensOnTheServicesOwnMovesFirst_ThenThoseWaitingOnTheReferrer_ThenDecisionsNewestLast()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Submitted);
        async Task<Guid> Referral(ReferralState state, int sentDaysAgo, int? decidedDaysAgo = null)
        {
            var referral = await _referrals.CreateReferralAsync(s.PersonId, s.Service, s.Referral.ReferringOrganisationId, s.Referrer.Id, state);
            await SetDatesAsync(referral.Id, submitted: factory.UtcNow.AddDays(-sentDaysAgo), decided: decidedDaysAgo is { } d ? factory.UtcNow.AddDays(-d) : null);
            return referral.Id;
        }

        var newerDecision = await Referral(ReferralState.Accepted, sentDaysAgo: 30, decidedDaysAgo: 2);
        var olderDecision = await Referral(ReferralState.Accepted, sentDaysAgo: 9, decidedDaysAgo: 8);
        var waitingOnReferrer = await Referral(ReferralState.AwaitingInformation, sentDaysAgo: 40);
        await SetDatesAsync(s.Referral.Id, submitted: factory.UtcNow.AddDays(-1));
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.GetAsync($"/services/{s.Service.Id}/sift");

        page.Document.QuerySelectorAll("tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-referral")!))
            .ShouldBe([s.Referral.Id, waitingOnReferrer, olderDecision, newerDecision]);
    }

    /// <summary>
    /// A declined or withdrawn referral ended the service's role in the person's care: it leaves the sift, its counts and
    /// the reads recorded, while a referral whose person the organisation still holds a role with stays.
    /// </summary>
    [Fact]
    public async Task Get_ReferralsWhoseCareRoleHasEnded_AreLeftOutOfTheListAndCounts()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Declined);
        var otherPerson = await _data.CreatePersonAsync(s.Referral.ReferringOrganisationId);
        var withdrawn = await _referrals.CreateReferralAsync(otherPerson, s.Service, s.Referral.ReferringOrganisationId, s.Referrer.Id, ReferralState.Withdrawn);
        var thirdPerson = await _data.CreatePersonAsync(s.Referral.ReferringOrganisationId);
        var open = await _referrals.CreateReferralAsync(thirdPerson, s.Service, s.Referral.ReferringOrganisationId, s.Referrer.Id, ReferralState.Submitted);
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.GetAsync($"/services/{s.Service.Id}/sift");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelectorAll("tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-referral")!)).ShouldBe([open.Id]);
        page.Document.QuerySelectorAll(".moj-sub-navigation__link").Select(a => a.Text()).ShouldBe(
            ["All (1)", "Submitted (1)", "Screening (0)", "Awaiting information (0)", "Accepted (0)", "Awaiting allocation (0)", "Declined (0)", "Withdrawn (0)"]);
        page.Html.ShouldNotContain(s.Referral.Id.ToString());
        page.Html.ShouldNotContain(withdrawn.Id.ToString());
        (await factory.AuditEventsAsync(s.PersonId, AuditActions.SearchResult)).ShouldBeEmpty();
        (await factory.AuditEventsAsync(otherPerson, AuditActions.SearchResult)).ShouldBeEmpty();
        (await factory.AuditEventsAsync(thirdPerson, AuditActions.SearchResult)).ShouldHaveSingleItem().UserId.ShouldBe(s.Manager.Id);
    }

    [Fact]
    public async Task Get_FilteredByState_ShowsOnlyThatState()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Submitted);
        var screening = await _referrals.CreateReferralAsync(s.PersonId, s.Service, s.Referral.ReferringOrganisationId, s.Referrer.Id, ReferralState.Screening);
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.GetAsync($"/services/{s.Service.Id}/sift?state=Screening");

        page.Document.QuerySelectorAll("tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-referral")!)).ShouldBe([screening.Id]);
        page.Document.QuerySelector(".moj-sub-navigation__link[aria-current='page']").Text().ShouldBe("Screening (1)");
        var empty = await browser.GetAsync($"/services/{s.Service.Id}/sift?state=Declined");
        empty.Document.QuerySelector("[data-empty]").Text().ShouldBe("There are no referrals that are declined.");
    }

    [Fact]
    public async Task Get_NoReferrals_ShowsEmptyState()
    {
        var manager = await _data.CreateStaffAsync(StaffRoles.Manager);
        var service = await _referrals.CreateServiceAsync(manager.OrganisationId);
        var browser = await Browser.SignInAsync(factory, manager);

        var page = await browser.GetAsync($"/services/{service.Id}/sift");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("[data-empty]").Text().ShouldBe("There are no referrals to this service yet.");
    }

    [Fact]
    public async Task Get_ManyReferrals_PagesThemOldestFirst()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Submitted);
        var start = factory.UtcNow.AddDays(-60);
        await SetDatesAsync(s.Referral.Id, submitted: start);
        for (var i = 1; i <= 26; i++)
        {
            var referral = await _referrals.CreateReferralAsync(s.PersonId, s.Service, s.Referral.ReferringOrganisationId, s.Referrer.Id, ReferralState.Submitted);
            await SetDatesAsync(referral.Id, submitted: start.AddHours(i));
        }

        var browser = await Browser.SignInAsync(factory, s.Manager);

        var first = await browser.GetAsync($"/services/{s.Service.Id}/sift?state=Submitted");
        var second = await browser.GetAsync($"/services/{s.Service.Id}/sift?state=Submitted&page=2");

        first.Document.QuerySelectorAll("tbody tr").Length.ShouldBe(25);
        first.Document.QuerySelector("tbody tr")!.GetAttribute("data-referral").ShouldBe(s.Referral.Id.ToString());
        first.Document.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href").ShouldBe($"/services/{s.Service.Id}/sift?state=Submitted&page=2");
        second.Document.QuerySelectorAll("tbody tr").Length.ShouldBe(2);
    }

    [Fact]
    public async Task Get_Practitioner_IsForbidden()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Submitted);
        var practitioner = await _data.CreateUserAsync(s.Service.OrganisationId, StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, practitioner);

        (await browser.GetAsync($"/services/{s.Service.Id}/sift")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_ManagerOfReferringOrUnrelatedOrganisation_GetsNotFound()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Submitted);
        var stranger = await _data.CreateStaffAsync(StaffRoles.Manager);

        (await (await Browser.SignInAsync(factory, s.Referrer)).GetAsync($"/services/{s.Service.Id}/sift")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await (await Browser.SignInAsync(factory, stranger)).GetAsync($"/services/{s.Service.Id}/sift")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.DeniedAsync(s.Service.Id, stranger)).ShouldHaveSingleItem().RecordType.ShouldBe(AuditRecordTypes.Service);
        (await factory.AuditEventsAsync(s.PersonId, AuditActions.SearchResult)).ShouldBeEmpty();
    }

    private Task<int> SetDatesAsync(Guid referralId, DateTime submitted, DateTime? decided = null) =>
        factory.WithDbAsync(db => db.Referrals.Where(r => r.Id == referralId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.SubmittedAt, submitted).SetProperty(r => r.DecidedAt, decided)));

    private Task<string> OrganisationNameAsync(Guid organisationId) =>
        factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync());
}
