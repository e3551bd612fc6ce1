using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.People.PeoplePages;

namespace Throughcare.Tests.Pages.People;

public sealed class SearchPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Theory]
    [InlineData("Grace", "Adebayo", "GRACE adebayo")]
    [InlineData("Zoë", "Clarke", "zoe clarke")]
    [InlineData("Zoe", "Clarke", "Zoë")]
    [InlineData("John", "Smyth", "John Smith")]
    [InlineData("John", "Smith", "smyth")]
    [InlineData("Mohamed", "Rahman", "Muhammad Rahman")]
    [InlineData("Muhammad", "Rahman", "mohamed")]
    [InlineData("Siobhán", "O'Brien", "siobhan obrien")]
    public async Task Post_Name_FindsPersonWhateverTheCaseAccentsOrSpelling(string givenName, string familyName, string typed)
    {
        var (user, browser) = await SignInAsync();
        var personId = await _data.CreatePersonAsync(user.OrganisationId, d => d with { GivenName = givenName, FamilyName = familyName });
        await _data.CreatePersonAsync(user.OrganisationId, d => d with { GivenName = "Brian", FamilyName = "Kowalczyk" });

        var page = await SearchAsync(browser, new() { ["Input.Name"] = typed });

        page.Status.ShouldBe(HttpStatusCode.OK);
        ResultLinks(page.Document).ShouldBe([$"/people/{personId}"]);
        ResultNames(page.Document).ShouldBe([$"{givenName} {familyName}"]);
        await AssertSearchResultAuditedAsync(personId, user);
    }

    [Fact]
    public async Task Post_Alias_FindsPersonAndShowsTheMatchedAlias()
    {
        var (user, browser) = await SignInAsync();
        var personId = await _data.CreatePersonAsync(user.OrganisationId, d => d with { GivenName = "Kwame", FamilyName = "Mensah" });
        var added = await browser.PostFormAsync($"/people/{personId}/aliases/new", new() { ["Input.GivenName"] = "Kevin", ["Input.FamilyName"] = "Marsh" });
        added.Status.ShouldBe(HttpStatusCode.Redirect, added.Html);

        var page = await SearchAsync(browser, new() { ["Input.Name"] = "kevin marsh" });

        ResultLinks(page.Document).ShouldBe([$"/people/{personId}"]);
        ResultNames(page.Document).ShouldBe(["Kwame Mensah"]);
        page.Document.QuerySelector("tbody .govuk-hint").Text().ShouldBe("Matched alias: Kevin Marsh");
        await AssertSearchResultAuditedAsync(personId, user);
    }

    [Fact]
    public async Task Post_DateOfBirth_FindsOnlyPeopleBornThatDay()
    {
        var (user, browser) = await SignInAsync();
        var bornThatDay = await _data.CreatePersonAsync(user.OrganisationId, d => d with { DateOfBirth = new DateOnly(1979, 11, 3) });
        var bornNextDay = await _data.CreatePersonAsync(user.OrganisationId, d => d with { DateOfBirth = new DateOnly(1979, 11, 4) });

        var page = await SearchAsync(browser, new() { ["Input.DateOfBirth.Day"] = "3", ["Input.DateOfBirth.Month"] = "11", ["Input.DateOfBirth.Year"] = "1979" });

        ResultLinks(page.Document).ShouldBe([$"/people/{bornThatDay}"]);
        page.Document.TableColumn(1).ShouldBe(["3 November 1979"]);
        await AssertSearchResultAuditedAsync(bornThatDay, user);
        (await factory.AuditEventsAsync(bornNextDay, AuditActions.SearchResult)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("x123456")]
    [InlineData(" X123456 ")]
    [InlineData("a1234bc")]
    [InlineData("943 476 5919")]
    [InlineData("9434765919")]
    [InlineData("2012/0052834K")]
    [InlineData("2012/52834k")]
    public async Task Post_Identifier_FindsPersonHoldingIt(string typed)
    {
        var (user, browser) = await SignInAsync();
        var personId = await _data.CreatePersonAsync(user.OrganisationId, d => d with
        {
            Crn = "X123456",
            PrisonNumber = "A1234BC",
            NhsNumber = "9434765919",
            PncNumber = "2012/0052834K",
        });
        var other = await _data.CreatePersonAsync(user.OrganisationId, d => d with { Crn = "X654321", PrisonNumber = "B4321CD" });

        var page = await SearchAsync(browser, new() { ["Input.Identifier"] = typed });

        ResultLinks(page.Document).ShouldBe([$"/people/{personId}"]);
        await AssertSearchResultAuditedAsync(personId, user);
        (await factory.AuditEventsAsync(other, AuditActions.SearchResult)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_Empty_ShowsErrorAndAuditsNoResults()
    {
        var (user, browser) = await SignInAsync();
        await _data.CreatePersonAsync(user.OrganisationId);

        var page = await SearchAsync(browser, new() { ["Input.Name"] = " " });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Name", "Enter a name, an identifier or a date of birth");
        page.Document.QuerySelector("tbody").ShouldBeNull();
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == user.Id && a.Action == AuditActions.SearchResult))).ShouldBe(0);
    }

    [Fact]
    public async Task Post_MoreThanOnePageOfResults_ShowsTwentyFiveAPageAndAuditsEachPersonShown()
    {
        var (user, browser) = await SignInAsync();
        var dateOfBirth = new DateOnly(1991, 8, 22);
        for (var i = 0; i < 30; i++)
        {
            await _data.CreatePersonAsync(user.OrganisationId, d => d with { DateOfBirth = dateOfBirth });
        }

        var first = await SearchAsync(browser, new() { ["Input.DateOfBirth.Day"] = "22", ["Input.DateOfBirth.Month"] = "8", ["Input.DateOfBirth.Year"] = "1991" });

        first.Document.QuerySelector("#results").Text().ShouldBe("30 people found");
        first.Document.QuerySelector(".govuk-pagination__item--current").Text().ShouldBe("1");
        var firstLinks = ResultLinks(first.Document);
        firstLinks.Count.ShouldBe(25);
        (await SearchResultPeopleAsync(user)).ShouldBe(firstLinks.Select(IdFromLink).Order());

        var next = first.Document.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        next.ShouldStartWith(first.Response.RequestMessage!.RequestUri!.PathAndQuery + "&page=2");
        var second = await browser.GetAsync(next);

        second.Status.ShouldBe(HttpStatusCode.OK);
        second.Document.QuerySelector(".govuk-pagination__item--current").Text().ShouldBe("2");
        var secondLinks = ResultLinks(second.Document);
        secondLinks.Count.ShouldBe(5);
        secondLinks.Intersect(firstLinks).ShouldBeEmpty();
        (await SearchResultPeopleAsync(user)).ShouldBe(firstLinks.Concat(secondLinks).Select(IdFromLink).Order());
    }

    [Fact]
    public async Task Post_Search_PutsNoSearchTermInAnyUrl()
    {
        var (user, browser) = await SignInAsync();
        var family = UniqueFamilyName("Okeke");
        var dateOfBirth = new DateOnly(1990, 4, 12);
        for (var i = 0; i < 26; i++)
        {
            await _data.CreatePersonAsync(user.OrganisationId, d => d with { GivenName = "Chioma", FamilyName = family, Crn = i == 0 ? "Z998877" : null, DateOfBirth = dateOfBirth });
        }

        var form = await browser.GetAsync("/people");
        var searchForm = form.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.QuerySelector("[name='Input.Name']") is not null);
        searchForm.Method.ShouldBe("post");
        searchForm.GetAttribute("action").ShouldBeNull();

        var posted = await browser.PostFormAsync("/people", new() { ["Input.Name"] = $"Chioma {family}", ["Input.DateOfBirth.Day"] = "12", ["Input.DateOfBirth.Month"] = "4", ["Input.DateOfBirth.Year"] = "1990" });
        var page = await browser.GetAsync(posted.Location!);

        page.Status.ShouldBe(HttpStatusCode.OK);
        ResultNames(page.Document).Count.ShouldBe(25);
        var urls = page.Document.QuerySelectorAll("[href], [src], [action]")
            .SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src"), e.GetAttribute("action") })
            .OfType<string>().Append(posted.Location!).Append(page.Response.RequestMessage!.RequestUri!.ToString()).ToList();
        urls.ShouldContain(u => u.Contains("page=2", StringComparison.Ordinal));
        urls.ShouldAllBe(u => !u.Contains(family, StringComparison.OrdinalIgnoreCase) && !u.Contains("Chioma", StringComparison.OrdinalIgnoreCase)
            && !u.Contains("1990", StringComparison.Ordinal) && !u.Contains("Z998877", StringComparison.OrdinalIgnoreCase));
        page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>().ShouldAllBe(f => f.Method == "post");
    }

    [Fact]
    public async Task Post_Search_RedirectsToResultsUnderAToken_ThatBackShowsAgain()
    {
        var (user, browser) = await SignInAsync();
        var family = UniqueFamilyName("Asante");
        var personId = await _data.CreatePersonAsync(user.OrganisationId, d => d with { GivenName = "Kofi", FamilyName = family });

        var posted = await browser.PostFormAsync("/people", new() { ["Input.Name"] = $"Kofi {family}" });

        posted.Status.ShouldBe(HttpStatusCode.Redirect);
        posted.Location.ShouldNotBeNull().ShouldMatch("^/people\\?search=[A-Za-z0-9_-]{32}#results$");
        (await factory.AuditEventsAsync(personId, AuditActions.SearchResult)).ShouldBeEmpty();
        var results = await browser.GetAsync(posted.Location!);
        results.Status.ShouldBe(HttpStatusCode.OK);
        ResultLinks(results.Document).ShouldBe([$"/people/{personId}"]);
        results.Document.InputValue("Input.Name").ShouldBe($"Kofi {family}");

        // The browser's Back button asks for the same address again.
        var back = await browser.GetAsync(posted.Location!);
        ResultLinks(back.Document).ShouldBe([$"/people/{personId}"]);
        (await factory.AuditEventsAsync(personId, AuditActions.SearchResult)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Get_TokenOfAnotherUser_ShowsTheEmptyFormAndNoOne()
    {
        var (user, browser) = await SignInAsync();
        var personId = await _data.CreatePersonAsync(user.OrganisationId, d => d with { GivenName = "Efua", FamilyName = UniqueFamilyName("Boateng") });
        var colleague = await _data.CreateUserAsync(user.OrganisationId, StaffRoles.Practitioner);
        var posted = await browser.PostFormAsync("/people", new() { ["Input.Name"] = "Efua" });
        posted.Status.ShouldBe(HttpStatusCode.Redirect);

        var page = await (await Browser.SignInAsync(factory, colleague)).GetAsync(posted.Location!);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#search-expired").Text().ShouldBe("That search has expired. Search again.");
        page.Document.QuerySelector("tbody").ShouldBeNull();
        page.Document.InputValue("Input.Name").ShouldBeNullOrEmpty();
        page.Html.ShouldNotContain("Efua");
        (await factory.AuditEventsAsync(personId, AuditActions.SearchResult)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_UnknownToken_ShowsTheEmptyFormWithASentence()
    {
        var (_, browser) = await SignInAsync();

        var page = await browser.GetAsync("/people?search=not-a-token");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#search-expired").ShouldNotBeNull();
        page.Document.QuerySelector("tbody").ShouldBeNull();
    }

    [Fact]
    public async Task Get_ExpiredToken_ShowsTheEmptyFormAndNoOne()
    {
        var (user, browser) = await SignInAsync();
        var personId = await _data.CreatePersonAsync(user.OrganisationId, d => d with { GivenName = "Yaw", FamilyName = UniqueFamilyName("Owusu") });
        var posted = await browser.PostFormAsync("/people", new() { ["Input.Name"] = "Yaw" });
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        ResultLinks((await browser.GetAsync(posted.Location!)).Document).ShouldBe([$"/people/{personId}"]);

        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var page = await browser.GetAsync(posted.Location!);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#search-expired").ShouldNotBeNull();
        page.Document.QuerySelector("tbody").ShouldBeNull();
        (await factory.AuditEventsAsync(personId, AuditActions.SearchResult)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Get_Commissioner_IsForbidden()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Commissioner);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync("/people");

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<(TestUser User, Browser Browser)> SignInAsync()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        return (user, await Browser.SignInAsync(factory, user));
    }

    private static Task<Page> SearchAsync(Browser browser, Dictionary<string, string> fields) => browser.PostFormAndFollowAsync("/people", fields);

    private static List<string> ResultLinks(IHtmlDocument document) =>
        document.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.GetAttribute("href")!).ToList();

    private static List<string> ResultNames(IHtmlDocument document) =>
        document.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.Text()).ToList();

    private static Guid IdFromLink(string link) => PersonIdFrom(link);

    private async Task<List<Guid>> SearchResultPeopleAsync(TestUser user) =>
        (await factory.WithDbAsync(db => db.AuditEvents.Where(a => a.UserId == user.Id && a.Action == AuditActions.SearchResult)
            .Select(a => a.PersonId!.Value).ToListAsync())).Order().ToList();

    private async Task AssertSearchResultAuditedAsync(Guid personId, TestUser user)
    {
        var audit = (await factory.AuditEventsAsync(personId, AuditActions.SearchResult)).ShouldHaveSingleItem();
        audit.ShouldBeSuccessBy(user);
    }
}
