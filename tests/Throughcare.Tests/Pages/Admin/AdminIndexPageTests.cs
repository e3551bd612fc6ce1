using System.Net;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Admin;

/// <summary>/admin: each kind of administrator is offered what they may do, and a partnership administrator no one's records.</summary>
public sealed class AdminIndexPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    private static IReadOnlyList<string> Links(Page page) =>
        [.. page.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href") ?? "")];

    [Fact]
    public async Task Get_AsOrganisationAdministrator_OffersTheOrganisationsAdministration()
    {
        var browser = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.Administrator));

        var page = await browser.GetAsync("/admin");

        page.Status.ShouldBe(HttpStatusCode.OK);
        Links(page).ShouldContain("/admin/users");
        Links(page).ShouldContain("/admin/api-tokens");
        Links(page).ShouldContain("/admin/organisations");
    }

    [Fact]
    public async Task Get_AsPartnershipAdministrator_OffersOrganisationsOnly_AndNoPageWithRecordsOpens()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var personId = await _data.CreatePersonAsync(s.Other.Id);
        var (_, browser) = await factory.PartnershipAdministratorAsync();

        var page = await browser.GetAsync("/admin");

        page.Status.ShouldBe(HttpStatusCode.OK);
        Links(page).ShouldContain("/admin/organisations");
        Links(page).ShouldNotContain("/admin/users");
        Links(page).ShouldNotContain("/admin/api-tokens");
        Links(page).ShouldNotContain("/people");
        Links(page).ShouldNotContain("/audit");
        foreach (var url in new[] { "/people", $"/people/{personId}", "/referrals", "/audit", "/admin/instruments", "/people/merge", $"/admin/users/{s.Stranger.Id}" })
        {
            new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound }.ShouldContain((await browser.GetAsync(url)).Status, url);
        }
    }
}
