using Microsoft.Playwright;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Throughcare.Tests.Journeys;

[Trait("Category", "Journey")]
[Collection(BrowserJourneys.Name)]
[LongRunning]
public sealed class AdministrationJourneyTests(JourneyFixture fixture) : IClassFixture<JourneyFixture>
{
    [Fact]
    public async Task PartnershipAdministrator_AddsOrganisationAndItsAdministrator_WhoAddsStaff_AndTheDataProtectionOfficerSeesIt()
    {
        var partnership = await fixture.Data.CreateStaffAsync(StaffRoles.PartnershipAdministrator);
        var organisation = $"Southbank Housing Trust {Guid.NewGuid().ToString("N")[..6]}";
        var administratorEmail = $"amara.okafor.{Guid.NewGuid():N}@example.test";
        var officerEmail = $"dana.price.{Guid.NewGuid():N}@example.test";
        const string password = "a long temporary passphrase 7";

        await using (var journey = await Journey.StartAsync(fixture))
        {
            var page = journey.Page;
            await journey.SignInAsync(partnership.Email, partnership.Password);
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

            await journey.ClickButtonAsync("Add an administrator");
            await journey.ExpectPageAsync("Add an administrator");
            await journey.Field("Full name").FillAsync("Amara Okafor");
            await journey.Field("Email address").FillAsync(administratorEmail);
            await journey.Field("Temporary password").FillAsync(password);
            await journey.ClickButtonAsync("Create account");
            await journey.ExpectPageAsync(organisation);
            await Expect(page.GetByText("Administrator added")).ToBeVisibleAsync();

            await journey.SignOutAsync();
            await journey.AssertAccessibleAsync();
        }

        await using (var journey = await Journey.StartAsync(fixture))
        {
            var page = journey.Page;
            await journey.SignInAsync(administratorEmail, password);
            await journey.GotoAsync("/admin/users", "Staff accounts");
            await journey.ClickButtonAsync("Add a staff account");
            await journey.ExpectPageAsync("Add a staff account");
            await journey.Field("Full name").FillAsync("Dana Price");
            await journey.Field("Email address").FillAsync(officerEmail);
            await journey.Field("Team (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Resettlement" });
            await journey.Field("Data protection officer").CheckAsync();
            await journey.Field("Temporary password").FillAsync(password);
            await journey.ClickButtonAsync("Create account");
            await journey.ExpectPageAsync("Staff accounts");
            await Expect(page.GetByText("Account created")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = officerEmail })).ToBeVisibleAsync();

            await journey.SignOutAsync();
            await journey.AssertAccessibleAsync();
        }

        await using (var journey = await Journey.StartAsync(fixture))
        {
            var page = journey.Page;
            await journey.SignInAsync(officerEmail, password);
            await journey.ClickLinkAsync("Audit");
            await journey.ExpectPageAsync("Audit trail");
            await journey.ClickLinkAsync("see what partnership administrators have done to your organisation");
            await journey.ExpectPageAsync("Partnership administrators' actions");
            await Expect(page.Locator("#partnership-actions")).ToContainTextAsync("Added a staff account");
            await Expect(page.Locator("#partnership-actions")).ToContainTextAsync("Added the organisation");
            await Expect(page.Locator("#partnership-actions")).ToContainTextAsync(partnership.Email);
            await journey.ScreenshotAsync("partnership-administration");

            await journey.SignOutAsync();
            await journey.AssertAccessibleAsync();
        }
    }
}
