using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;

namespace Throughcare.Tests.Pages.Referrals;

public sealed class IndexPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Get_SentReferrals_WaitingForActionFirst_ThenDecisionsNewestLast()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var now = factory.UtcNow;
        async Task<Referral> SentAsync(ReferralState state, int sentDaysAgo, int? decidedDaysAgo)
        {
            var referral = await factory.CreateReferralAsync(scene, state);
            await factory.WithDbAsync(db => db.Referrals.Where(r => r.Id == referral.Id).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.SubmittedAt, now.AddDays(-sentDaysAgo))
                .SetProperty(r => r.DecidedAt, decidedDaysAgo is { } d ? now.AddDays(-d) : null)));
            return referral;
        }

        var declinedLongAgo = await SentAsync(ReferralState.Declined, 30, 20);
        var acceptedYesterday = await SentAsync(ReferralState.Accepted, 25, 1);
        var acceptedLastWeek = await SentAsync(ReferralState.Accepted, 28, 7);
        var screening = await SentAsync(ReferralState.Screening, 10, null);
        var submitted = await SentAsync(ReferralState.Submitted, 2, null);
        var askedForMore = await SentAsync(ReferralState.AwaitingInformation, 5, null);

        var page = await (await Browser.SignInAsync(factory, scene.Referrer)).GetAsync("/referrals");

        page.Document.QuerySelectorAll("#sent tbody tr a").Select(a => a.GetAttribute("href")).ShouldBe(
            new[] { askedForMore, screening, submitted, declinedLongAgo, acceptedLastWeek, acceptedYesterday }.Select(r => (string?)$"/referrals/{r.Id}"));
    }

    [Fact]
    public async Task Get_NoReferrals_ShowsEmptyStates()
    {
        var user = await new TestData(factory).CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync("/referrals");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#no-drafts").ShouldNotBeNull();
        page.Document.QuerySelector("#none-sent").ShouldNotBeNull();
    }

    [Fact]
    public async Task Get_ListsDraftsAndSentReferralsOfTheOrganisationOnly()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var draft = await factory.CreateReferralAsync(scene);
        var sent = await factory.CreateReferralAsync(scene, ReferralState.Declined);
        await factory.WithDbAsync(async db =>
        {
            var r = await db.Referrals.FindAsync(sent.Id);
            r!.CloseReason = ReferralCloseReason.NotEligible;
            r.DecidedAt = factory.UtcNow;
            return await db.SaveChangesAsync();
        });

        var page = await (await Browser.SignInAsync(factory, scene.Referrer)).GetAsync("/referrals");

        page.Document.QuerySelector("#drafts")!.InnerHtml.ShouldContain($"/referrals/{draft.Id}/check-answers");
        var row = page.Document.QuerySelector("#sent tbody tr")!;
        row.InnerHtml.ShouldContain($"/referrals/{sent.Id}");
        row.Text().ShouldContain("Declined: Not eligible");

        var read = (await factory.AuditEventsAsync(scene.PersonId, AuditActions.SearchResult)).ShouldHaveSingleItem();
        read.ShouldBeSuccessBy(scene.Referrer);
        read.Purpose.ShouldBe("referrals made");

        var unrelated = await (await Browser.SignInAsync(factory, scene.Unrelated)).GetAsync("/referrals");
        unrelated.Html.ShouldNotContain(draft.Id.ToString());
        unrelated.Html.ShouldNotContain(sent.Id.ToString());
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.SearchResult)).ShouldHaveSingleItem();
    }

    /// <summary>The receiving organisation sees none of the referrals it received here, and a person whose care the organisation no longer has a role in drops out.</summary>
    [Fact]
    public async Task Get_ListsOnlyWhatTheOrganisationMadeAndStillHasARoleIn()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var sent = await factory.CreateReferralAsync(scene, ReferralState.Submitted);
        var otherPerson = await new TestData(factory).CreatePersonAsync(scene.Referrer.OrganisationId);
        var ended = await new ReferralTestData(factory).CreateReferralAsync(otherPerson, scene.Service, scene.Referrer.OrganisationId, scene.Referrer.Id, ReferralState.Submitted);
        await factory.WithDbAsync(db => db.PersonCareRoles.Where(r => r.PersonId == otherPerson && r.OrganisationId == scene.Referrer.OrganisationId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.EndedAt, factory.UtcNow).SetProperty(r => r.EndReason, "Record closed")));

        var page = await (await Browser.SignInAsync(factory, scene.Referrer)).GetAsync("/referrals");
        var received = await (await Browser.SignInAsync(factory, scene.Receiver)).GetAsync("/referrals");

        page.Document.QuerySelectorAll("#sent tbody tr a").Select(a => a.GetAttribute("href")).ShouldBe([$"/referrals/{sent.Id}"]);
        page.Html.ShouldNotContain(ended.Id.ToString());
        (await factory.AuditEventsAsync(otherPerson, AuditActions.SearchResult)).ShouldBeEmpty();
        received.Html.ShouldNotContain(sent.Id.ToString());
        received.Document.QuerySelector("#none-sent").ShouldNotBeNull();
    }
}
