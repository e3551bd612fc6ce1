using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Admin;

/// <summary>/admin/api-tokens: an organisation's administrator issues, lists and revokes their own organisation's tokens only.</summary>
public sealed class ApiTokenPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    private static async Task<Page> IssueAsync(Browser browser, string name, Guid? overPostedOrganisationId = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Name"] = name };
        if (overPostedOrganisationId is { } id)
        {
            fields["Input.OrganisationId"] = id.ToString();
        }

        return await browser.PostFormAsync("/admin/api-tokens", fields);
    }

    private static string IssuedToken(Page page)
    {
        page.Status.ShouldBe(HttpStatusCode.OK, string.Join(" | ", page.Document.ErrorSummary()));
        var token = page.Document.QuerySelector(".app-token").Text();
        token.ShouldStartWith("tc_");
        return token;
    }

    private HttpClient Api(string token)
    {
        var client = factory.CreateBrowser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private Task<Guid> TokenOrganisationAsync(string name) =>
        factory.WithDbAsync(db => (from t in db.ApiTokens join u in db.Users on t.UserId equals u.Id where t.Name == name select u.OrganisationId).SingleAsync());

    /// <summary>A token the other organisation's own administrator issued.</summary>
    private async Task<(Guid Id, string Name, string Token)> NeighboursTokenAsync(NeighbourScenario s)
    {
        var theirAdministrator = await _data.CreateUserAsync(s.Other.Id, StaffRoles.Administrator);
        var name = TestData.Unique("Their case system");
        var token = IssuedToken(await IssueAsync(await Browser.SignInAsync(factory, theirAdministrator), name, s.Other.Id));
        var id = await factory.WithDbAsync(db => db.ApiTokens.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());
        return (id, name, token);
    }

    [Fact]
    public async Task Get_Page_OffersNoOtherOrganisation_AndListsOnlyOwnTokens()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var theirs = await NeighboursTokenAsync(s);
        var ours = TestData.Unique("Our case system");
        IssuedToken(await IssueAsync(s.Browser, ours));

        var page = await s.Browser.GetAsync("/admin/api-tokens");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.TableColumn(0).ShouldBe([ours]);
        page.Html.ShouldNotContain(theirs.Name);
        page.Document.Choices().ShouldNotContain(s.Other.Id.ToString());
        page.Html.ShouldNotContain(s.Other.Name);
    }

    [Fact]
    public async Task Post_Issue_WithOverPostedOrganisationId_IssuesForOwnOrganisation_AndTheApiSeesOnlyItsRecords()
    {
        var referrals = new ReferralTestData(factory);
        var ours = await referrals.CreateScenarioAsync(ReferralState.Submitted);
        var theirs = await referrals.CreateScenarioAsync(ReferralState.Submitted);
        var administrator = await _data.CreateUserAsync(ours.Referrer.OrganisationId, StaffRoles.Administrator);
        var browser = await Browser.SignInAsync(factory, administrator);
        var name = TestData.Unique("Case system");

        var token = IssuedToken(await IssueAsync(browser, name, theirs.Referrer.OrganisationId));

        (await TokenOrganisationAsync(name)).ShouldBe(ours.Referrer.OrganisationId);
        var api = Api(token);
        (await api.GetAsync(new Uri($"/api/v1/referrals/{ours.Referral.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync(new Uri($"/api/v1/referrals/{theirs.Referral.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.Referral && a.RecordId == theirs.Referral.Id.ToString() && a.Action == AuditActions.View))).ShouldBe(0);
    }

    [Fact]
    public async Task PostRevoke_TokenOfAnotherOrganisation_Returns404LeavesItWorkingAndAuditsTheAttempt()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var theirs = await NeighboursTokenAsync(s);

        var page = await s.Browser.PostFormAsync($"/admin/api-tokens?handler=Revoke&tokenId={theirs.Id}", [], "/admin/api-tokens");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.WithDbAsync(db => db.ApiTokens.Where(t => t.Id == theirs.Id).Select(t => t.RevokedAt).SingleAsync())).ShouldBeNull();
        (await Api(theirs.Token).GetAsync(new Uri($"/api/v1/referrals/{Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.DeniedAsync(s.Administrator, AuditRecordTypes.ApiToken, theirs.Id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task PostRevoke_OwnToken_RevokesItAndAuditsIt()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var name = TestData.Unique("Case system");
        var token = IssuedToken(await IssueAsync(s.Browser, name));
        var id = await factory.WithDbAsync(db => db.ApiTokens.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

        var page = await s.Browser.PostFormAsync($"/admin/api-tokens?handler=Revoke&tokenId={id}", [], "/admin/api-tokens");

        page.Status.ShouldBe(HttpStatusCode.Redirect);
        page.Location.ShouldBe("/admin/api-tokens");
        var list = await s.Browser.GetAsync(page.Location!);
        list.Document.QuerySelector(".govuk-notification-banner__heading").Text().ShouldBe("Token revoked. It stops working on its next request.");
        (await Api(token).GetAsync(new Uri($"/api/v1/referrals/{Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var audit = (await factory.AuditOfAsync(AuditRecordTypes.ApiToken, id, AuditActions.Disable)).ShouldHaveSingleItem();
        audit.UserId.ShouldBe(s.Administrator.Id);
        audit.EventType.ShouldBe(nameof(ApiTokenRevoked));
        (await factory.AuditOfAsync(AuditRecordTypes.ApiToken, id, AuditActions.Create)).ShouldHaveSingleItem().EventType.ShouldBe(nameof(ApiTokenIssued));
    }

    [Fact]
    public async Task GetAndPost_AsPartnershipAdministrator_Return403AndIssueNothing()
    {
        var (administrator, browser) = await factory.PartnershipAdministratorAsync();
        var name = TestData.Unique("Case system");
        var token = await browser.GetTokenAsync("/account/password");

        var page = await browser.GetAsync("/admin/api-tokens");
        var posted = await browser.PostRawAsync("/admin/api-tokens", [new("Input.Name", name), new("Input.OrganisationId", administrator.OrganisationId.ToString()), new("__RequestVerificationToken", token)]);

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
        posted.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.ApiTokens.AnyAsync(t => t.Name == name))).ShouldBeFalse();
    }
}
