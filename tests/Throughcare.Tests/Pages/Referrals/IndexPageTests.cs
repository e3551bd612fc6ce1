using System.Net;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Referrals;

namespace Throughcare.Tests.Pages.Referrals;

public sealed class IndexPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
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

        var unrelated = await (await Browser.SignInAsync(factory, scene.Unrelated)).GetAsync("/referrals");
        unrelated.Html.ShouldNotContain(draft.Id.ToString());
        unrelated.Html.ShouldNotContain(sent.Id.ToString());
    }
}
