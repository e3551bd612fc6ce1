using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Throughcare.Tests.Journeys;

[Trait("Category", "Journey")]
[Collection(BrowserJourneys.Name)]
[LongRunning]
public sealed class CustodyJourneyTests(JourneyFixture fixture) : IClassFixture<JourneyFixture>
{
    /// <summary>
    /// A probation officer records a sentence, sees the journey set out, moves the expected release and sees the journey
    /// follow, records the release, and finds the person on the borough's archive list; every page passes axe.
    /// </summary>
    [Fact]
    public async Task ProbationOfficer_RecordsASentence_MovesTheRelease_TheJourneyFollows_AndTheReleaseReachesTheArchive()
    {
        var factory = fixture.Factory;
        var data = fixture.Data;
        var probation = await data.CreateOrganisationAsync(OrganisationKind.Probation);
        var prison = await data.CreateOrganisationAsync(OrganisationKind.Prison, name: "HMP Brixton");
        var officer = await data.CreateUserAsync(probation.Id, StaffRoles.Practitioner);
        var personId = await data.CreatePersonAsync(probation.Id, d => d with { GivenName = "Kwame", FamilyName = "Asante" });
        var today = factory.Today;
        var reception = today.AddDays(-40);
        var release = today.AddDays(70);
        await using var journey = await Journey.StartAsync(fixture);
        var page = journey.Page;

        await journey.SignInAsync(officer.Email, officer.Password);
        await journey.GotoAsync($"/people/{personId}", "Kwame Asante");
        await journey.ClickLinkAsync("Custody and journey");
        await journey.ExpectPageAsync("Custody");
        await journey.ClickLinkAsync("Record a period in custody");
        await journey.ExpectPageAsync("Record a period in custody");
        await journey.ClickButtonAsync("Record period in custody");
        await journey.ExpectPageAsync("Record a period in custody", withErrors: true);

        await journey.Field("Prison that received them").SelectOptionAsync(new SelectOptionValue { Label = "HMP Brixton" });
        await journey.FillDateAsync("Reception date", reception);
        await journey.Field("Determinate").CheckAsync();
        await journey.FillDateAsync("Sentence date", reception.AddDays(1));
        await journey.Field("Sentence length in months").FillAsync("24");
        await journey.FillDateAsync("Expected release", release);
        await journey.Field("Borough they will be released to").SelectOptionAsync(new SelectOptionValue { Label = "Southwark" });
        await journey.ClickButtonAsync("Record period in custody");
        await journey.ExpectPageAsync($"In custody from {Display.Date(reception)}");

        await journey.ClickLinkAsync("Journey to release and after");
        await journey.ExpectPageAsync("Journey to release and after");
        var housing = page.Locator($"tr[data-milestone='{ShippedJourney.EmergencyHousing}']");
        await Expect(housing).ToContainTextAsync(Display.Date(release.AddDays(-28)));
        await Expect(page.Locator($"tr[data-milestone='{ShippedJourney.FirstNight}']")).ToContainTextAsync("Overdue");
        await journey.ScreenshotAsync("journey");

        // The release moves a fortnight on: the journey follows it at once.
        await journey.ClickLinkAsync("Custody details");
        await journey.ExpectPageAsync($"In custody from {Display.Date(reception)}");
        await journey.ClickLinkAsync("Change dates or release plan");
        await journey.ExpectPageAsync("Change dates or release plan");
        await journey.FillDateAsync("Expected release", release.AddDays(14));
        await journey.Field("Why did the dates change?").FillAsync("Recalculated after remand time was credited");
        await journey.ClickButtonAsync("Save changes");
        await journey.ExpectPageAsync($"In custody from {Display.Date(reception)}");
        await Expect(page.Locator("#key-date-history")).ToContainTextAsync("Recalculated after remand time was credited");
        await journey.ClickLinkAsync("Journey to release and after");
        await journey.ExpectPageAsync("Journey to release and after");
        await Expect(housing).ToContainTextAsync(Display.Date(release.AddDays(-14)));

        // Released today: the release milestones are dated, and the person reaches the borough's archive list.
        await journey.ClickLinkAsync("Custody details");
        await journey.ExpectPageAsync($"In custody from {Display.Date(reception)}");
        await journey.ClickLinkAsync("Record the release");
        await journey.ExpectPageAsync("Record the release");
        await journey.FillDateAsync("Release date", today);
        await journey.Field("Automatic release on licence").CheckAsync();
        await journey.Field("Temporary").CheckAsync();
        await journey.ClickButtonAsync("Record release");
        await journey.ExpectPageAsync($"In custody from {Display.Date(reception)}");
        await Expect(page.Locator("#release")).ToContainTextAsync(Display.Date(today));
        await journey.GotoAsync("/boroughs/southwark/archive", "Archive list");
        await Expect(page.Locator($"tr[data-person='{personId}']")).ToContainTextAsync("On release: Temporary");
        var periods = await factory.WithDbAsync(db => db.CustodyPeriods.CountAsync(p => p.PersonId == personId && p.ReleasedOn == today));
        periods.ShouldBe(1);

        await journey.SignOutAsync();
        await journey.AssertAccessibleAsync();
    }
}
