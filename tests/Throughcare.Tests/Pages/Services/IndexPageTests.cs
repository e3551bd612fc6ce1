using System.Net;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Services;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Services;

public sealed class IndexPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);
    private readonly ReferralTestData _services = new(factory);

    [Fact]
    public async Task Get_ListsEachServiceWithItsOrganisationWhoItIsForAndWhetherItIsAccepting()
    {
        var organisation = await _data.CreateOrganisationAsync(name: TestData.Unique("Together"));
        var open = await _services.CreateServiceAsync(organisation.Id);
        var closed = await _services.CreateServiceAsync(organisation.Id, s =>
        {
            (s.MinimumAge, s.GenderIdentities, s.RequiresOpdScreenedIn, s.Setting) = (null, [], false, ServiceSetting.Either);
            s.AcceptingReferrals = false;
        });
        var browser = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.Practitioner));

        var page = await browser.GetAsync("/services");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var rows = page.Document.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.Text()).ToList()).ToList();
        rows.ShouldContain(r => r.SequenceEqual(new[] { open.Name, organisation.Name, "Is aged 18 or over; Gender identity is man; Screened in to the OPD pathway; Is in the community", "Accepting" }));
        rows.ShouldContain(r => r.SequenceEqual(new[] { closed.Name, organisation.Name, "Anyone", "Not accepting" }));
        page.Document.QuerySelector($"a[href='/services/{open.Id}']").Text().ShouldBe(open.Name);
        page.Html.ShouldNotContain("Add a service");
    }

    [Fact]
    public async Task Get_Administrator_SeesAddAService()
    {
        var browser = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.Administrator));

        var page = await browser.GetAsync("/services");

        page.Document.QuerySelector("a[href='/services/new']").Text().ShouldBe("Add a service");
    }

    [Fact]
    public async Task Get_NoServicesThenMoreThanAPage_ShowsEmptyStateThenPages()
    {
        await using var fresh = new ThroughcareFactory();
        var data = new TestData(fresh);
        var user = await data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(fresh, user);

        var empty = await browser.GetAsync("/services");
        empty.Html.ShouldContain("There are no services yet.");
        empty.Document.QuerySelector("table").ShouldBeNull();

        var builder = new ReferralTestData(fresh);
        for (var i = 0; i < 51; i++)
        {
            await builder.CreateServiceAsync(user.OrganisationId);
        }

        (await browser.GetAsync("/services")).Document.QuerySelectorAll("tbody tr").Length.ShouldBe(50);
        var second = await browser.GetAsync("/services?page=2");
        second.Document.QuerySelectorAll("tbody tr").Length.ShouldBe(1);
    }
}
