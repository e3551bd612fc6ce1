using System.Net;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Admin;

/// <summary>/admin/organisations: an organisation's administrator sees their own organisation only.</summary>
public sealed class OrganisationListPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Fact]
    public async Task Get_List_AsOrganisationAdministrator_ShowsOnlyOwnOrganisationWithItsTeamsAndStaff()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        await _data.CreateUserAsync(s.Own.Id);

        var page = await s.Browser.GetAsync("/admin/organisations?page=1");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.Heading().ShouldBe("Organisations");
        var row = page.Document.QuerySelectorAll("tbody tr").ShouldHaveSingleItem();
        row.Children[0].Text().ShouldBe(s.Own.Name);
        row.Children[1].Text().ShouldBe("Probation service");
        row.Children[2].Text().ShouldBe("1");
        row.Children[3].Text().ShouldBe("2");
        page.Html.ShouldNotContain(s.Other.Name);
        page.Document.QuerySelector("a[href='/admin/organisations/new']").ShouldBeNull();
    }

    [Theory]
    [InlineData(StaffRoles.Practitioner, "/admin")]
    [InlineData(StaffRoles.Manager, "/admin/organisations")]
    [InlineData(StaffRoles.DataProtectionOfficer, "/admin/organisations/new")]
    [InlineData(StaffRoles.Commissioner, "/admin/users")]
    [InlineData(StaffRoles.Volunteer, "/admin/users/new")]
    public async Task Get_AdminPage_AsNonAdministrator_Returns403(string role, string url)
    {
        var browser = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(role));

        var page = await browser.GetAsync(url);

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
        page.Document.Heading().ShouldBe("You do not have permission to view this page");
    }

    [Fact]
    public async Task Get_List_AsPartnershipAdministrator_ShowsEveryOrganisationAndOffersToAddOne()
    {
        var first = await _data.CreateOrganisationAsync();
        var second = await _data.CreateOrganisationAsync();
        var (_, browser) = await factory.PartnershipAdministratorAsync();

        var page = await browser.GetAsync("/admin/organisations");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.TableColumn(0).ShouldContain(first.Name);
        page.Document.TableColumn(0).ShouldContain(second.Name);
        page.Document.QuerySelector("a[href='/admin/organisations/new']").ShouldNotBeNull();
    }
}
