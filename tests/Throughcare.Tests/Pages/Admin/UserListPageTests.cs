using System.Net;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Admin;

/// <summary>/admin/users: an organisation's administrator lists their own organisation's staff and no one else's.</summary>
public sealed class UserListPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Fact]
    public async Task Get_List_ShowsOnlyTheAdministratorsOwnStaff_FiftyToAPage()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        for (var i = 0; i < 50; i++)
        {
            await _data.CreateUserAsync(s.Own.Id);
        }

        var first = await s.Browser.GetAsync("/admin/users");
        var second = await s.Browser.GetAsync("/admin/users?page=2");

        first.Status.ShouldBe(HttpStatusCode.OK);
        first.Document.TableColumn(0).Count.ShouldBe(50);
        second.Document.TableColumn(0).Count.ShouldBe(1);
        var emails = first.Document.TableColumn(1).Concat(second.Document.TableColumn(1)).ToList();
        emails.ShouldContain(s.Administrator.Email);
        emails.ShouldNotContain(s.Stranger.Email);
        first.Document.QuerySelector(".govuk-pagination a[href*='page=2']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Get_List_WithAnotherOrganisationsId_ShowsOnlyOwnStaff()
    {
        var s = await factory.AdministratorWithNeighbourAsync();

        var page = await s.Browser.GetAsync($"/admin/users?organisationId={s.Other.Id}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.TableColumn(1).ShouldBe([s.Administrator.Email]);
        page.Html.ShouldNotContain(s.Stranger.Email);
        page.Html.ShouldNotContain(s.Other.Name);
    }

    [Fact]
    public async Task Get_List_AsPartnershipAdministrator_Returns403()
    {
        var (_, browser) = await factory.PartnershipAdministratorAsync();

        var page = await browser.GetAsync("/admin/users");

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
