using System.Net;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Services;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Services;

public sealed class ViewPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);
    private readonly ReferralTestData _services = new(factory);

    [Fact]
    public async Task Get_ShowsEachRuleInWordsDocumentsStrandsEpisodeAndCapacity()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var service = await _services.CreateServiceAsync(admin.OrganisationId, s =>
        {
            s.MaximumAge = 65;
            s.Boroughs = ["hackney", "lambeth"];
            s.Description = "Emotional and practical support";
        });
        var practitioner = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, practitioner);

        var page = await browser.GetAsync($"/services/{service.Id}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.Heading().ShouldBe(service.Name);
        page.Html.ShouldContain("Emotional and practical support");
        page.Document.QuerySelectorAll(".govuk-summary-list__row").First(r => r.QuerySelector(".govuk-summary-list__key").Text() == "Who it is for")
            .QuerySelectorAll("li").Select(li => li.Text()).ShouldBe(
            [
                "Is aged 18 to 65",
                "Gender identity is man",
                "Screened in to the OPD pathway",
                "Lives in Hackney, Lambeth",
                "Is in the community",
            ]);
        page.Document.GetSummaryListValue("Documents required")!.ShouldContain("OPD pan-London referral form");
        page.Document.GetSummaryListValue("Documents required")!.ShouldContain("OASys assessment");
        page.Document.GetSummaryListValue("Documents optional").ShouldBe("Pre-sentence report");
        page.Document.GetSummaryListValue("Longest episode").ShouldBe("18 months");
        page.Document.GetSummaryListValue("Caseload capacity").ShouldBe("3 people per worker");
        page.Document.GetSummaryListValue("Accepting referrals").ShouldBe("Yes");
        page.Document.QuerySelectorAll("tbody tr").Select(r => (r.Children[0].Text(), r.Children[1].Text())).ShouldBe(
            [("Emotional support", "Forensic mental health practitioner"), ("Practical support", "Community link worker")]);
        page.Document.QuerySelectorAll(".govuk-summary-list__actions a").ShouldBeEmpty();
        page.Html.ShouldNotContain("Add a strand");
    }

    [Fact]
    public async Task Get_ServiceWithNoRulesDocumentsOrStrands_SaysAnyoneNoneAndNoStrands()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var service = await _services.CreateServiceAsync(admin.OrganisationId, s =>
        {
            s.MinimumAge = null;
            s.GenderIdentities = [];
            s.RequiresOpdScreenedIn = false;
            s.Setting = ServiceSetting.Either;
            s.Documents = [];
            s.Strands = [];
            s.AcceptingReferrals = false;
        });
        var browser = await Browser.SignInAsync(factory, admin);

        var page = await browser.GetAsync($"/services/{service.Id}");

        page.Document.GetSummaryListValue("Who it is for").ShouldBe("Anyone");
        page.Document.GetSummaryListValue("Documents required").ShouldBe("None");
        page.Document.GetSummaryListValue("Documents optional").ShouldBe("None");
        page.Document.GetSummaryListValue("Accepting referrals").ShouldBe("No");
        page.Html.ShouldContain("This service has no strands of support yet.");
    }

    [Fact]
    public async Task Get_AdministratorOfTheServicesOrganisation_SeesChangeLinksAndAddStrand()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var service = await _services.CreateServiceAsync(admin.OrganisationId);
        var browser = await Browser.SignInAsync(factory, admin);

        var page = await browser.GetAsync($"/services/{service.Id}");

        page.Document.QuerySelectorAll(".govuk-summary-list__actions a").Select(a => a.GetAttribute("href")).Distinct().ShouldBe([$"/services/{service.Id}/edit"]);
        page.Document.QuerySelector($"a[href='/services/{service.Id}/strands/new']").ShouldNotBeNull();
    }

    [Theory]
    [InlineData(StaffRoles.Administrator)]
    [InlineData(StaffRoles.Manager)]
    public async Task Get_StaffOfAnotherOrganisation_ReadsItWithoutChangeLinks(string role)
    {
        var owner = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var service = await _services.CreateServiceAsync(owner.OrganisationId);
        var browser = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(role));

        var page = await browser.GetAsync($"/services/{service.Id}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelectorAll(".govuk-summary-list__actions a").ShouldBeEmpty();
        page.Html.ShouldNotContain("/strands/new");
    }

    [Fact]
    public async Task Get_UnknownService_ReturnsNotFound()
    {
        var browser = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.Practitioner));

        (await browser.GetAsync($"/services/{Guid.NewGuid()}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_Commissioner_ReturnsForbidden()
    {
        var owner = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var service = await _services.CreateServiceAsync(owner.OrganisationId);
        var browser = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.Commissioner));

        (await browser.GetAsync($"/services/{service.Id}")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_ManagerOfTheServicesOrganisation_SeesTheSiftLink_OthersDoNot()
    {
        var manager = await _data.CreateStaffAsync(StaffRoles.Manager);
        var colleague = await _data.CreateUserAsync(manager.OrganisationId, StaffRoles.Practitioner);
        var outsider = await _data.CreateStaffAsync(StaffRoles.Manager);
        var service = await _services.CreateServiceAsync(manager.OrganisationId);
        var sift = $"a[href='/services/{service.Id}/sift']";

        (await (await Browser.SignInAsync(factory, manager)).GetAsync($"/services/{service.Id}")).Document.QuerySelector(sift).ShouldNotBeNull();
        (await (await Browser.SignInAsync(factory, colleague)).GetAsync($"/services/{service.Id}")).Document.QuerySelector(sift).ShouldBeNull();
        (await (await Browser.SignInAsync(factory, outsider)).GetAsync($"/services/{service.Id}")).Document.QuerySelector(sift).ShouldBeNull();
    }

    [Fact]
    public async Task Get_ManagerOfTheServicesOrganisation_SeesTheCaseloadsLink_OthersDoNot()
    {
        var manager = await _data.CreateStaffAsync(StaffRoles.Manager);
        var administrator = await _data.CreateUserAsync(manager.OrganisationId, StaffRoles.Administrator);
        var outsider = await _data.CreateStaffAsync(StaffRoles.Manager);
        var service = await _services.CreateServiceAsync(manager.OrganisationId);
        var caseloads = $"a[href='/services/{service.Id}/caseloads']";

        (await (await Browser.SignInAsync(factory, manager)).GetAsync($"/services/{service.Id}")).Document.QuerySelector(caseloads).ShouldNotBeNull();
        (await (await Browser.SignInAsync(factory, administrator)).GetAsync($"/services/{service.Id}")).Document.QuerySelector(caseloads).ShouldBeNull();
        (await (await Browser.SignInAsync(factory, outsider)).GetAsync($"/services/{service.Id}")).Document.QuerySelector(caseloads).ShouldBeNull();
    }
}
