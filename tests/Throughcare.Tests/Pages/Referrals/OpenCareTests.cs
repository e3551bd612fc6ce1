using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;

namespace Throughcare.Tests.Pages.Referrals;

/// <summary>
/// A person holds one place with a service at a time: one referral sent and not yet decided or allocated, or one open
/// episode. Check your answers warns of a second and sending refuses it; the sift marks it; allocation will not open a
/// second episode.
/// </summary>
public sealed class OpenCareTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly ReferralTestData _referrals = new(factory);

    [Fact]
    public async Task SecondReferral_ToTheSameService_IsWarnedOfWithALink_RefusedWhenSent_AndMarkedInTheSift()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Submitted);
        var second = await _referrals.CreateReferralAsync(s.PersonId, s.Service, s.Referrer.OrganisationId, s.Referrer.Id, ReferralState.Draft, withRequiredDocuments: true);
        var browser = await Browser.SignInAsync(factory, s.Referrer);

        var check = await browser.GetAsync($"/referrals/{second.Id}/check-answers");
        check.Document.QuerySelector("[data-already-open]")!.Text().ShouldContain($"already has an open referral to {s.Service.Name}");
        check.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldContain($"/referrals/{s.Referral.Id}");

        var sent = await browser.PostRawAsync($"/referrals/{second.Id}/check-answers", check.Document.FormFields());

        sent.Status.ShouldBe(HttpStatusCode.BadRequest);
        sent.Document.ErrorSummary().ShouldContain($"This person already has an open referral to {s.Service.Name}. Withdraw one of them, or wait for its decision");
        (await factory.FindReferralAsync(second.Id))!.State.ShouldBe(ReferralState.Draft);

        // Sent by another route (before the rule, or by a partner system racing it), both show in the sift, each marked.
        var third = await _referrals.CreateReferralAsync(s.PersonId, s.Service, s.Referrer.OrganisationId, s.Referrer.Id, ReferralState.Submitted, withRequiredDocuments: true);
        var sift = await (await Browser.SignInAsync(factory, s.Manager)).GetAsync($"/services/{s.Service.Id}/sift");
        var marked = sift.Document.QuerySelectorAll("tbody tr").Where(r => r.QuerySelector("[data-also-open]") is not null).ToList();
        marked.Count.ShouldBe(2);
        marked.ShouldAllBe(r => r.QuerySelector("[data-also-open]")!.TextContent.Trim() == "Also referred");
        marked.SelectMany(r => r.QuerySelectorAll("a")).Select(a => a.GetAttribute("href")).ShouldContain($"/referrals/{third.Id}");
    }

    [Fact]
    public async Task Referral_ForSomeoneWithAnOpenEpisode_IsRefused_AndAllocatingASecondEpisodeIsRefused()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Accepted);
        var worker = await _referrals.CreateWorkerAsync(s.Service.OrganisationId, "fmhp");
        var open = await _referrals.CreateEpisodeAsync(s.PersonId, s.Service, Guid.NewGuid(), worker.Id);

        // The referrer's new referral cannot be sent while the episode is open.
        var draft = await _referrals.CreateReferralAsync(s.PersonId, s.Service, s.Referrer.OrganisationId, s.Referrer.Id, ReferralState.Draft, withRequiredDocuments: true);
        var referrer = await Browser.SignInAsync(factory, s.Referrer);
        var check = await referrer.GetAsync($"/referrals/{draft.Id}/check-answers");
        var sent = await referrer.PostRawAsync($"/referrals/{draft.Id}/check-answers", check.Document.FormFields());
        sent.Status.ShouldBe(HttpStatusCode.BadRequest);
        sent.Document.ErrorSummary().ShouldContain($"This person already has an open episode of care with {s.Service.Name}. Work within that episode, or close it first");

        // The manager is told before allocating, and allocating is refused: one open episode per person and service.
        var manager = await Browser.SignInAsync(factory, s.Manager);
        var page = await manager.GetAsync($"/referrals/{s.Referral.Id}/allocation");
        page.Document.QuerySelector("[data-already-open]")!.Text().ShouldContain("already has an open episode of care");
        page.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldContain($"/episodes/{open.Id}");
        var allocated = await manager.PostRawAsync($"/referrals/{s.Referral.Id}/allocation", page.Document.FormFields());
        allocated.Status.ShouldBe(HttpStatusCode.BadRequest);
        allocated.Document.ErrorSummary().ShouldContain($"This person already has an open episode of care with {s.Service.Name}. Work within that episode, or close it first");
        (await factory.WithDbAsync(db => db.Episodes.CountAsync(e => e.PersonId == s.PersonId && e.ServiceId == s.Service.Id))).ShouldBe(1);

        // Once the episode closes, the place is free again.
        await factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == open.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.State, EpisodeState.Closed)));
        (await manager.GetAsync($"/referrals/{s.Referral.Id}/allocation")).Document.QuerySelector("[data-already-open]").ShouldBeNull();
    }

    [Fact]
    public async Task AnotherOrganisationsOpenReferral_IsNamedButNeverLinked()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Submitted);
        var elsewhere = await new TestData(factory).CreateStaffAsync(StaffRoles.Practitioner);
        await factory.WithDbAsync(db =>
        {
            db.PersonCareRoles.Add(new Core.Domain.People.PersonCareRole { Id = Guid.NewGuid(), PersonId = s.PersonId, OrganisationId = elsewhere.OrganisationId, Kind = Core.Domain.People.CareRoleKind.HoldsRecord, StartedAt = factory.UtcNow });
            return db.SaveChangesAsync();
        });
        var draft = await _referrals.CreateReferralAsync(s.PersonId, s.Service, elsewhere.OrganisationId, elsewhere.Id, ReferralState.Draft, withRequiredDocuments: true);
        var browser = await Browser.SignInAsync(factory, elsewhere);

        var check = await browser.GetAsync($"/referrals/{draft.Id}/check-answers");

        check.Document.QuerySelector("[data-already-open]")!.Text().ShouldContain("from another organisation");
        check.Html.ShouldNotContain(s.Referral.Id.ToString());
    }
}
