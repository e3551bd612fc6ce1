using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Throughcare.Tests.Journeys;

[Trait("Category", "Journey")]
[Collection(BrowserJourneys.Name)]
[LongRunning]
public sealed class PeopleJourneyTests(JourneyFixture fixture) : IClassFixture<JourneyFixture>
{
    [Fact]
    public async Task Practitioner_RegistersPeople_FindsOneByMisspeltName_AndSeesTheirChangeInHistory()
    {
        var practitioner = await fixture.Data.CreateStaffAsync(StaffRoles.Practitioner);
        // Each test class has its own database, so the names need not be unique.
        const string familyName = "Whitfield";
        var dateOfBirth = new DateOnly(1979, 6, 14);
        await using var journey = await Journey.StartAsync(fixture);
        var page = journey.Page;

        await journey.SignInAsync(practitioner.Email, practitioner.Password);

        // A form submitted empty shows the error summary, which must be accessible too.
        await journey.ClickLinkAsync("Add a person");
        await journey.ExpectPageAsync("Add a person");
        await journey.ClickButtonAsync("Create record");
        await journey.ExpectPageAsync("Add a person", withErrors: true);
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("There is a problem");
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));

        await FillPersonAsync(journey, "Catherine", familyName, dateOfBirth);
        await journey.ClickButtonAsync("Create record");
        await journey.ExpectPageAsync($"Catherine {familyName}");
        var firstPersonPath = new Uri(page.Url).AbsolutePath;

        await journey.GotoAsync("/people/new", "Add a person");
        await FillPersonAsync(journey, "Kathryn", familyName, dateOfBirth);
        await journey.ClickButtonAsync("Create record");
        await journey.ExpectPageAsync("Add a person");
        await Expect(page.GetByText("This person may already be in Throughcare")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Catherine {familyName}" })).ToBeVisibleAsync();
        await journey.ClickButtonAsync("This is a different person: create the record");
        await journey.ExpectPageAsync($"Kathryn {familyName}");

        await journey.ClickLinkAsync("People");
        await journey.ExpectPageAsync("Find a person");
        await journey.Field("Name or alias").FillAsync("Catherine " + familyName.Replace("field", "feild", StringComparison.Ordinal));
        await journey.ClickButtonAsync("Search");
        await journey.ExpectPageAsync("Find a person");
        await Expect(page.Locator("#results")).ToHaveTextAsync("2 people found");
        await journey.ScreenshotAsync("search-results");

        await journey.ClickLinkAsync($"Catherine {familyName}");
        await journey.ExpectPageAsync($"Catherine {familyName}");
        new Uri(page.Url).AbsolutePath.ShouldBe(firstPersonPath);
        await journey.ScreenshotAsync("person");

        await journey.ClickLinkAsync("Change borough");
        await journey.ExpectPageAsync("Change details");
        await journey.Field("Borough (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Lambeth" });
        await journey.ClickButtonAsync("Save changes");
        await journey.ExpectPageAsync($"Catherine {familyName}");
        await Expect(SummaryValue(page, "Borough")).ToHaveTextAsync("Lambeth");

        await journey.ClickLinkAsync("Change history");
        await journey.ExpectPageAsync("Change history");
        var borough = page.Locator(".moj-timeline__item").First.Locator("tr", new() { Has = page.Locator("th", new() { HasText = "Borough" }) });
        await Expect(borough.Locator("td").Nth(0)).ToHaveTextAsync("Southwark");
        await Expect(borough.Locator("td").Nth(1)).ToHaveTextAsync("Lambeth");
        await journey.ScreenshotAsync("history");

        await journey.SignOutAsync();
        await journey.AssertAccessibleAsync();
    }

    [Fact]
    public async Task WithoutJavaScript_PractitionerSignsIn_AndCreatesAPerson()
    {
        var practitioner = await fixture.Data.CreateStaffAsync(StaffRoles.Practitioner);
        await using var journey = await Journey.StartAsync(fixture, javaScript: false);
        var page = journey.Page;

        await journey.SignInAsync(practitioner.Email, practitioner.Password);
        await Expect(page.Locator("body.js-enabled")).ToHaveCountAsync(0);
        await journey.ClickLinkAsync("Add a person");
        await journey.ExpectPageAsync("Add a person");
        await journey.ClickButtonAsync("Create record");
        await journey.ExpectPageAsync("Add a person", withErrors: true);
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("There is a problem");

        await FillPersonAsync(journey, "Ngozi", "Adebayo", new DateOnly(1990, 1, 2));
        await journey.ClickButtonAsync("Create record");
        await journey.ExpectPageAsync("Ngozi Adebayo");
        await Expect(SummaryValue(page, "Borough")).ToHaveTextAsync("Southwark");

        await journey.SignOutAsync();
        await journey.AssertAccessibleAsync();
    }

    private static async Task FillPersonAsync(Journey journey, string givenName, string familyName, DateOnly dateOfBirth)
    {
        await journey.Field("First name").FillAsync(givenName);
        await journey.Field("Last name").FillAsync(familyName);
        await journey.FillDateAsync("Date of birth", dateOfBirth);
        await journey.Field("Borough (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Southwark" });
        await journey.Page.GetByRole(AriaRole.Group, new() { Name = "Are they a prolific and priority offender (PPO)?" }).GetByLabel("No").CheckAsync();
    }

    private static ILocator SummaryValue(IPage page, string key) =>
        page.Locator(".govuk-summary-list__row", new() { Has = page.Locator(".govuk-summary-list__key", new() { HasText = key }) })
            .Locator(".govuk-summary-list__value").First;
}
