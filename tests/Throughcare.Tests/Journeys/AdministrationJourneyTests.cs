using Microsoft.Playwright;
using Throughcare.Web.Domain.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Throughcare.Tests.Journeys;

[Trait("Category", "Journey")]
[Collection(BrowserJourneys.Name)]
public sealed class AdministrationJourneyTests(JourneyFixture fixture) : IClassFixture<JourneyFixture>
{
    [Fact]
    public async Task Administrator_AddsOrganisationTeamAndStaff_AndDataProtectionOfficerFindsItInTheAuditTrail()
    {
        var administrator = await fixture.Data.CreateStaffAsync(StaffRoles.Administrator);
        var officer = await fixture.Data.CreateUserAsync(administrator.OrganisationId, StaffRoles.DataProtectionOfficer);
        const string organisation = "Southbank Housing Trust";
        var staffEmail = $"amara.okafor.{Guid.NewGuid():N}@example.test";

        await using (var journey = await Journey.StartAsync(fixture))
        {
            var page = journey.Page;
            await journey.SignInAsync(administrator.Email, administrator.Password);
            await journey.ClickLinkAsync("Administration");
            await journey.ExpectPageAsync("Administration");
            await journey.ClickLinkAsync("Organisations and teams");
            await journey.ExpectPageAsync("Organisations");
            await journey.ClickButtonAsync("Add an organisation");
            await journey.ExpectPageAsync("Add an organisation");

            await journey.ClickButtonAsync("Add organisation");
            await journey.ExpectPageAsync("Add an organisation", withErrors: true);
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the organisation's name");

            await journey.Field("Name").FillAsync(organisation);
            await journey.Field("Kind of organisation").SelectOptionAsync(new SelectOptionValue { Label = "Voluntary sector" });
            await journey.ClickButtonAsync("Add organisation");
            await journey.ExpectPageAsync(organisation);

            await journey.Field("Team name").FillAsync("Resettlement");
            await journey.ClickButtonAsync("Add team");
            await journey.ExpectPageAsync(organisation);
            await Expect(page.Locator("ul.govuk-list--bullet")).ToContainTextAsync("Resettlement");

            await journey.GotoAsync("/admin/users", "Staff accounts");
            await journey.ClickButtonAsync("Add a staff account");
            await journey.ExpectPageAsync("Add a staff account");
            await journey.Field("Full name").FillAsync("Amara Okafor");
            await journey.Field("Email address").FillAsync(staffEmail);
            await journey.Field("Organisation").SelectOptionAsync(new SelectOptionValue { Label = organisation });
            await journey.Field("Team (optional)").SelectOptionAsync(new SelectOptionValue { Label = $"{organisation}: Resettlement" });
            await journey.Field("Practitioner").CheckAsync();
            await journey.Field("Temporary password").FillAsync("a long temporary passphrase 7");
            await journey.ClickButtonAsync("Create account");
            await journey.ExpectPageAsync("Staff accounts");
            await Expect(page.GetByText("Account created")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = staffEmail })).ToBeVisibleAsync();

            await journey.SignOutAsync();
            journey.AssertAccessible();
        }

        await using (var journey = await Journey.StartAsync(fixture))
        {
            var page = journey.Page;
            await journey.SignInAsync(officer.Email, officer.Password);
            await journey.ClickLinkAsync("Audit");
            await journey.ExpectPageAsync("Audit trail");
            await journey.Field("Staff email address").FillAsync(administrator.Email);
            await journey.ClickButtonAsync("Search the audit trail");
            await journey.ExpectPageAsync("Audit trail");
            var rows = page.Locator("tbody tr");
            await Expect(rows.First).ToBeVisibleAsync();
            (await rows.CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
            await journey.ScreenshotAsync("audit");

            await journey.SignOutAsync();
            journey.AssertAccessible();
        }
    }
}
