using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.People.PeoplePages;

namespace Throughcare.Tests.Pages.Referrals;

public sealed class AllocationPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Get_ManagerHoldingTheStrandsJobRole_IsOfferedForThatStrandOnly()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Accepted);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == s.Manager.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.JobRole, "fmhp")));
        var clw = await _referrals.CreateWorkerAsync(s.Service.OrganisationId, "clw");
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.GetAsync(Url(s.Referral));

        page.Status.ShouldBe(HttpStatusCode.OK, page.Html);
        List<Guid> Offered(int strand) => page.Document.QuerySelector($"[data-strand='{s.Service.Strands[strand].Id}']")!
            .QuerySelectorAll("[data-worker]").Select(w => Guid.Parse(w.GetAttribute("data-worker")!)).ToList();
        Offered(0).ShouldContain(s.Manager.Id);
        Offered(1).ShouldNotContain(s.Manager.Id);
        Offered(1).ShouldContain(clw.Id, "a practitioner is offered whatever their job role");
    }

    private readonly TestData _data = new(factory);
    private readonly ReferralTestData _referrals = new(factory);

    private static string Url(Referral referral) => $"/referrals/{referral.Id}/allocation";

    [Fact]
    public async Task Get_Suggestions_RankRoleCapacityLanguageWorkedBeforeAndPreferenceWithReasons()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Accepted, person: d => d with { PreferredLanguage = "pl" });
        await factory.WithDbAsync(async db =>
        {
            var referral = await db.Referrals.SingleAsync(r => r.Id == s.Referral.Id);
            referral.PreferredWorkerGender = "woman";
            return await db.SaveChangesAsync();
        });
        var org = s.Service.OrganisationId;
        var full = await _referrals.CreateWorkerAsync(org, "fmhp", displayName: "E Full");
        var plain = await _referrals.CreateWorkerAsync(org, "fmhp", displayName: "D Plain");
        var speaker = await _referrals.CreateWorkerAsync(org, "fmhp", ["pl"], displayName: "A Speaker");
        var knows = await _referrals.CreateWorkerAsync(org, "fmhp", displayName: "C Knows");
        var woman = await _referrals.CreateWorkerAsync(org, "fmhp", genderIdentity: "woman", displayName: "B Woman");
        var other = await _data.CreatePersonAsync(org);
        for (var i = 0; i < s.Service.CaseloadCapacity; i++)
        {
            await _referrals.CreateEpisodeAsync(other, s.Service, Guid.NewGuid(), full.Id);
        }

        await _referrals.CreateEpisodeAsync(s.PersonId, s.Service, Guid.NewGuid(), knows.Id);
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.GetAsync(Url(s.Referral));

        page.Status.ShouldBe(HttpStatusCode.OK, page.Html);
        var emotional = page.Document.QuerySelector($"[data-strand='{s.Service.Strands[0].Id}']")!;
        var ranked = emotional.QuerySelectorAll("[data-worker]").Select(w => Guid.Parse(w.GetAttribute("data-worker")!)).ToList();
        ranked.Take(5).ShouldBe([speaker.Id, woman.Id, knows.Id, plain.Id, full.Id]);
        ranked.ShouldNotContain(s.Manager.Id, "a manager without the strand's job role is not offered for the caseload");
        string[] Reasons(TestUser worker) => emotional.QuerySelectorAll($"[data-worker='{worker.Id}'] [data-reason]").Select(r => r.Text()).ToArray();
        Reasons(speaker).ShouldContain("Speaks Polish");
        Reasons(knows).ShouldContain("Has worked with this person before");
        Reasons(woman).ShouldContain(r => r.StartsWith("Matches the person's preference", StringComparison.Ordinal));
        Reasons(full).ShouldContain("Full: 3 of 3 cases");
        Reasons(plain).ShouldContain("Is a forensic mental health practitioner");
        emotional.QuerySelector($"[data-worker='{full.Id}'] [data-caseload]").Text().ShouldBe("Caseload: 3 of 3");
        (page.Document.QuerySelector($"input[name='Strands[0].WorkerId'][value='{speaker.Id}']") as AngleSharp.Html.Dom.IHtmlInputElement)!.IsChecked.ShouldBeTrue();
    }

    [Fact]
    public async Task Post_TopSuggestions_OpensEpisodeWithStrandsAndEmailsWorkers()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Accepted);
        var fmhp = await _referrals.CreateWorkerAsync(s.Service.OrganisationId, "fmhp");
        var clw = await _referrals.CreateWorkerAsync(s.Service.OrganisationId, "clw");
        var browser = await Browser.SignInAsync(factory, s.Manager);
        var form = (await browser.GetAsync(Url(s.Referral))).Document.FormFields();

        var page = await browser.PostRawAsync(Url(s.Referral), form);

        page.Status.ShouldBe(HttpStatusCode.Redirect, page.Html);
        var episode = await factory.WithDbAsync(db => db.Episodes.AsNoTracking().Include(e => e.Strands).SingleAsync(e => e.ReferralId == s.Referral.Id));
        episode.PersonId.ShouldBe(s.PersonId);
        episode.PlannedEndOn.ShouldBe(episode.StartedOn.AddMonths(18));
        episode.Strands.Select(x => (x.ServiceStrandId, x.WorkerUserId)).OrderBy(x => x.ServiceStrandId)
            .ShouldBe(new[] { (s.Service.Strands[0].Id, fmhp.Id), (s.Service.Strands[1].Id, clw.Id) }.OrderBy(x => x.Item1));
        episode.Strands.ShouldAllBe(x => x.AllocatedByUserId == s.Manager.Id && x.AllocationReason!.Contains("Is a "));
        (await factory.OutboxToAsync(fmhp.Email)).ShouldHaveSingleItem().Subject.ShouldBe("New allocation in Throughcare");
        (await factory.OutboxToAsync(clw.Email)).ShouldHaveSingleItem();
        (await factory.AuditEventsAsync(s.PersonId, AuditActions.Create)).ShouldContain(a => a.RecordType == AuditRecordTypes.Episode && a.UserId == s.Manager.Id);

        var view = await browser.GetAsync(page.Location!);
        page.Location.ShouldBe(Url(s.Referral));
        view.Document.Flash().ShouldBe("Workers allocated: the episode of care is open");
        view.Document.QuerySelector(".govuk-notification-banner--success [data-flash-link]")!.GetAttribute("href").ShouldBe($"/episodes/{episode.Id}");
        view.Document.QuerySelectorAll("[data-allocated] td:first-of-type").Select(c => c.Text()).ShouldBe([fmhp.DisplayName, clw.DisplayName], ignoreOrder: true);
    }

    [Fact]
    public async Task Post_ExcludedStrand_IsNotAllocated()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Accepted);
        await _referrals.CreateWorkerAsync(s.Service.OrganisationId, "fmhp");
        var browser = await Browser.SignInAsync(factory, s.Manager);
        var form = (await browser.GetAsync(Url(s.Referral))).Document.FormFields();
        form.Remove("Strands[1].Include");

        var page = await browser.PostRawAsync(Url(s.Referral), form);

        page.Status.ShouldBe(HttpStatusCode.Redirect, page.Html);
        var strands = await factory.WithDbAsync(db => db.EpisodeStrands.Where(x => db.Episodes.Any(e => e.Id == x.EpisodeId && e.ReferralId == s.Referral.Id)).ToListAsync());
        strands.ShouldHaveSingleItem().ServiceStrandId.ShouldBe(s.Service.Strands[0].Id);
    }

    [Fact]
    public async Task Post_OtherWorkerWithoutReason_ShowsErrorAndOpensNothing()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Accepted);
        await _referrals.CreateWorkerAsync(s.Service.OrganisationId, "fmhp");
        var second = await _referrals.CreateWorkerAsync(s.Service.OrganisationId, "clw", displayName: "Second Choice");
        var browser = await Browser.SignInAsync(factory, s.Manager);
        var form = (await browser.GetAsync(Url(s.Referral))).Document.FormFields().With("Strands[0].WorkerId", second.Id.ToString());

        var page = await browser.PostRawAsync(Url(s.Referral), form);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Strands_0__Reason", "Enter why you chose Second Choice rather than the suggested worker");
        (await factory.EpisodeCountAsync(s.Referral.Id)).ShouldBe(0);

        var saved = await browser.PostRawAsync(Url(s.Referral), form.With("Strands[0].Reason", "Knows the hostel well"));
        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        var strand = await factory.WithDbAsync(db => db.EpisodeStrands.SingleAsync(x => x.ServiceStrandId == s.Service.Strands[0].Id));
        (strand.WorkerUserId, strand.AllocationReason).ShouldBe((second.Id, "Knows the hostel well"));
    }

    [Fact]
    public async Task Post_TwoManagersAtOnce_OneEpisodeAndTheOtherSeesConflict()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Accepted);
        await _referrals.CreateWorkerAsync(s.Service.OrganisationId, "fmhp");
        await _referrals.CreateWorkerAsync(s.Service.OrganisationId, "clw");
        var colleague = await _data.CreateUserAsync(s.Service.OrganisationId, StaffRoles.Manager);
        var first = await Browser.SignInAsync(factory, s.Manager);
        var second = await Browser.SignInAsync(factory, colleague);
        var firstForm = (await first.GetAsync(Url(s.Referral))).Document.FormFields();
        var secondForm = (await second.GetAsync(Url(s.Referral))).Document.FormFields();

        var pages = await Task.WhenAll(first.PostRawAsync(Url(s.Referral), firstForm), second.PostRawAsync(Url(s.Referral), secondForm));

        pages.Select(p => p.Status).ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Conflict], ignoreOrder: true, string.Join("\n", pages.Select(p => p.Html)));
        var conflict = pages.Single(p => p.Status == HttpStatusCode.Conflict).Document;
        conflict.QuerySelector("[data-conflict]").Text().ShouldContain("Someone else changed this referral");
        conflict.QuerySelectorAll("[data-allocated]").Length.ShouldBe(2, "the page shows the allocation that was saved");
        (await factory.EpisodeCountAsync(s.Referral.Id)).ShouldBe(1);
    }

    /// <summary>Half past midnight in the UK in summer the episode starts today in the UK, though UTC says yesterday.</summary>
    [Fact]
    public async Task Post_JustAfterUkMidnightInSummer_StartsTheEpisodeOnTheUkDate()
    {
        var today = factory.MoveToJustAfterUkMidnight();
        var s = await _referrals.CreateScenarioAsync(ReferralState.Accepted);
        await _referrals.CreateWorkerAsync(s.Service.OrganisationId, "fmhp");
        await _referrals.CreateWorkerAsync(s.Service.OrganisationId, "clw");
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.PostRawAsync(Url(s.Referral), (await browser.GetAsync(Url(s.Referral))).Document.FormFields());

        page.Status.ShouldBe(HttpStatusCode.Redirect, page.Html);
        var episode = await factory.WithDbAsync(db => db.Episodes.AsNoTracking().SingleAsync(e => e.ReferralId == s.Referral.Id));
        (episode.StartedOn, episode.PlannedEndOn).ShouldBe((today, today.AddMonths(18)));
    }

    [Fact]
    public async Task Get_ReferralNotAccepted_OffersNoAllocation()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening);
        var browser = await Browser.SignInAsync(factory, s.Manager);

        var page = await browser.GetAsync(Url(s.Referral));

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("[data-not-allocatable]").Text().ShouldContain("screening");
        page.Document.QuerySelector("[data-strand]").ShouldBeNull();
    }

    [Fact]
    public async Task Get_Practitioner_IsForbidden_AndOtherOrganisationsGetNotFound()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Accepted);
        var practitioner = await _data.CreateUserAsync(s.Service.OrganisationId, StaffRoles.Practitioner);
        var stranger = await _data.CreateStaffAsync(StaffRoles.Manager);

        (await (await Browser.SignInAsync(factory, practitioner)).GetAsync(Url(s.Referral))).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await (await Browser.SignInAsync(factory, s.Referrer)).GetAsync(Url(s.Referral))).Status.ShouldBe(HttpStatusCode.NotFound);
        (await (await Browser.SignInAsync(factory, stranger)).GetAsync(Url(s.Referral))).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
