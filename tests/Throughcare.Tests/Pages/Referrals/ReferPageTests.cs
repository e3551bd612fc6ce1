using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;

namespace Throughcare.Tests.Pages.Referrals;

public sealed class ReferPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Get_ListsServicesWithWhoTheyAreForAndAuditsTheRead()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        var page = await browser.GetAsync($"/people/{scene.PersonId}/refer");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.ShouldContain(scene.Service.Name);
        page.Html.ShouldContain("Aged 18 or over");
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.View)).ShouldHaveSingleItem().ShouldBeSuccessBy(scene.Referrer);
    }

    [Fact]
    public async Task PersonPage_LinksToReferForPractitionersOnly()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referrer = await Browser.SignInAsync(factory, scene.Referrer);
        (await referrer.GetAsync($"/people/{scene.PersonId}")).Html.ShouldContain($"/people/{scene.PersonId}/refer");

        var admin = await new TestData(factory).CreateUserAsync(scene.Referrer.OrganisationId, StaffRoles.Administrator);
        var adminBrowser = await Browser.SignInAsync(factory, admin);
        (await adminBrowser.GetAsync($"/people/{scene.PersonId}")).Document.QuerySelector($"a[href='/people/{scene.PersonId}/refer']").ShouldBeNull();
        (await adminBrowser.GetAsync($"/people/{scene.PersonId}/refer")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_StartsOneDraftForTheSameSubmissionAndGoesToTheFirstQuestion()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var submissionId = Guid.NewGuid().ToString();
        var form = new Dictionary<string, string> { ["ServiceId"] = scene.Service.Id.ToString(), ["SubmissionId"] = submissionId };

        var first = await browser.PostFormAsync($"/people/{scene.PersonId}/refer", form);
        var second = await browser.PostFormAsync($"/people/{scene.PersonId}/refer", form);

        first.Status.ShouldBe(HttpStatusCode.Redirect, first.Html);
        first.Location.ShouldEndWith("/reason");
        second.Location.ShouldBe(first.Location);
        var referrals = await factory.WithDbAsync(db => db.Referrals.Where(r => r.PersonId == scene.PersonId).ToListAsync());
        referrals.ShouldHaveSingleItem().ServiceId.ShouldBe(scene.Service.Id);
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Create)).Count(a => a.RecordType == AuditRecordTypes.Referral).ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Post_WithoutAValidService_ShowsErrorAndWritesNothing(string serviceId)
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        var page = await browser.PostFormAsync($"/people/{scene.PersonId}/refer", new() { ["ServiceId"] = serviceId, ["SubmissionId"] = Guid.NewGuid().ToString() });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("ServiceId", "Select a service");
        page.Html.ShouldNotContain("<script>alert(1)");
        (await factory.WithDbAsync(db => db.Referrals.CountAsync(r => r.PersonId == scene.PersonId))).ShouldBe(0);
    }

    [Fact]
    public async Task Get_PersonFromAnotherOrganisation_ReturnsNotFound()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var browser = await Browser.SignInAsync(factory, scene.Unrelated);

        (await browser.GetAsync($"/people/{scene.PersonId}/refer")).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
