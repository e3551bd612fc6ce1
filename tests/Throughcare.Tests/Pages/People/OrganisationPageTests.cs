using System.Net;
using AngleSharp.Html.Dom;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.People.PeoplePages;

namespace Throughcare.Tests.Pages.People;

public sealed class OrganisationPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Fact]
    public async Task Get_ListsThePeopleTheOrganisationWorksWith_NotThoseOnlyOthersWorkWith()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var ours = await _data.CreatePersonAsync(user.OrganisationId, d => d with { GivenName = "Adjoa", FamilyName = UniqueFamilyName("Mensah") });
        var elsewhere = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var theirs = await _data.CreatePersonAsync(elsewhere.OrganisationId, d => d with { GivenName = "Kwabena", FamilyName = UniqueFamilyName("Darko") });
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync("/people/organisation");

        page.Status.ShouldBe(HttpStatusCode.OK);
        Links(page.Document).ShouldBe([$"/people/{ours}"]);
        page.Html.ShouldNotContain("Kwabena");
        page.Document.TableColumn(4).ShouldBe(["Closed"]);
        (await factory.AuditEventsAsync(ours, AuditActions.SearchResult)).ShouldHaveSingleItem().ShouldBeSuccessBy(user);
        (await factory.AuditEventsAsync(theirs, AuditActions.SearchResult)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_MoreThanAPage_ShowsTwentyFiveAPageWithPagination()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        for (var i = 0; i < 27; i++)
        {
            await _data.CreatePersonAsync(user.OrganisationId);
        }

        var browser = await Browser.SignInAsync(factory, user);

        var first = await browser.GetAsync("/people/organisation");

        first.Document.QuerySelector("#results").Text().ShouldBe("27 people");
        var firstLinks = Links(first.Document);
        firstLinks.Count.ShouldBe(25);
        first.Document.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href").ShouldBe("?page=2");
        var second = await browser.GetAsync("/people/organisation?page=2");
        var secondLinks = Links(second.Document);
        secondLinks.Count.ShouldBe(2);
        secondLinks.Intersect(firstLinks).ShouldBeEmpty();
        second.Document.QuerySelector(".govuk-pagination__item--current").Text().ShouldBe("2");
    }

    [Fact]
    public async Task Post_Filters_ByServiceByOpenOrClosedAndByName_UnderATokenWithNoNameInTheUrl()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var family = UniqueFamilyName("Quaye");
        var withNoCare = await _data.CreatePersonAsync(scenario.Manager.OrganisationId, d => d with { GivenName = "Esi", FamilyName = family });
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var inCare = $"/people/{scenario.PersonId}";

        var all = await browser.GetAsync("/people/organisation");
        Links(all.Document).Order().ShouldBe(new[] { inCare, $"/people/{withNoCare}" }.Order());
        all.Document.QuerySelectorAll("#people tbody tr").Single(r => r.InnerHtml.Contains(inCare, StringComparison.Ordinal)).TextContent.ShouldContain(scenario.Service.Name);

        (await FilterAsync(browser, ("Input.Care", "open"))).ShouldBe([inCare]);
        (await FilterAsync(browser, ("Input.Care", "closed"))).ShouldBe([$"/people/{withNoCare}"]);
        (await FilterAsync(browser, ("Input.ServiceId", scenario.Service.Id.ToString()))).ShouldBe([inCare]);
        (await FilterAsync(browser, ("Input.Name", family.ToUpperInvariant()))).ShouldBe([$"/people/{withNoCare}"]);
        (await FilterAsync(browser, ("Input.Name", family), ("Input.Care", "open"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_FilterOfAnotherUser_ShowsEveryoneWithASentence()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var family = UniqueFamilyName("Appiah");
        await _data.CreatePersonAsync(user.OrganisationId, d => d with { FamilyName = family });
        await _data.CreatePersonAsync(user.OrganisationId);
        var colleague = await _data.CreateUserAsync(user.OrganisationId, StaffRoles.Practitioner);
        var posted = await (await Browser.SignInAsync(factory, user)).PostFormAsync("/people/organisation", new() { ["Input.Name"] = family });

        var page = await (await Browser.SignInAsync(factory, colleague)).GetAsync(posted.Location!);

        page.Document.QuerySelector("#filter-expired").ShouldNotBeNull();
        Links(page.Document).Count.ShouldBe(2);
        page.Document.InputValue("Input.Name").ShouldBeNullOrEmpty();
    }

    [Fact]
    public async Task Get_Referrer_SeesThePeopleItReferred_WithTheirCareOpen()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.Referrer);

        var page = await browser.GetAsync("/people/organisation");

        Links(page.Document).ShouldBe([$"/people/{scenario.PersonId}"]);
        page.Document.TableColumn(3).ShouldBe([scenario.Service.Name]);
        page.Document.TableColumn(4).ShouldBe(["Open"]);
        var outsider = await (await Browser.SignInAsync(factory, scenario.Outsider)).GetAsync("/people/organisation");
        outsider.Html.ShouldNotContain(scenario.PersonId.ToString());
    }

    private static async Task<List<string>> FilterAsync(Browser browser, params (string Field, string Value)[] fields)
    {
        var posted = await browser.PostFormAsync("/people/organisation", fields.ToDictionary(f => f.Field, f => f.Value));
        posted.Status.ShouldBe(HttpStatusCode.Redirect, posted.Html);
        posted.Location.ShouldNotBeNull().ShouldStartWith("/people/organisation?filter=");
        foreach (var (_, value) in fields.Where(f => f.Field == "Input.Name"))
        {
            posted.Location.ShouldNotContain(value, Case.Insensitive);
        }

        var page = await browser.GetAsync(posted.Location);
        page.Status.ShouldBe(HttpStatusCode.OK);
        return Links(page.Document);
    }

    private static List<string> Links(IHtmlDocument document) =>
        document.QuerySelectorAll("#people tbody tr td:first-child a").Select(a => a.GetAttribute("href")!).ToList();
}
