using System.Net;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.People.PeoplePages;

namespace Throughcare.Tests.Pages.People;

public sealed class AliasPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Fact]
    public async Task Post_Alias_AddsItToTheRecordAndAuditsTheChange()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(user.OrganisationId, d => d with { GivenName = "Olusegun", FamilyName = "Bello" });
        var version = (await factory.FindPersonAsync(personId))!.Version;
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.PostFormAsync($"/people/{personId}/aliases/new", new() { ["Input.GivenName"] = " Segun ", ["Input.FamilyName"] = "Bello-Smith" });

        page.Status.ShouldBe(HttpStatusCode.Redirect, page.Html);
        page.Location.ShouldBe($"/people/{personId}");
        var person = (await factory.FindPersonAsync(personId))!;
        person.Aliases.Select(a => (a.GivenName, a.FamilyName)).ShouldBe([("Segun", "Bello-Smith")]);
        person.Version.ShouldNotBe(version);
        var audit = (await factory.AuditEventsAsync(personId, AuditActions.Update)).ShouldHaveSingleItem();
        audit.ShouldBeSuccessBy(user);
        audit.EventType.ShouldBe(nameof(Core.Domain.People.PersonAliasAdded));
        audit.Details.ShouldNotBeNull().ShouldContain("Segun Bello-Smith");

        var view = await browser.GetAsync(page.Location!);
        view.Document.QuerySelector(".govuk-notification-banner__heading").Text().ShouldBe("Alias added");
        view.Document.GetSummaryListValue("Aliases").ShouldBe("Segun Bello-Smith");
    }

    [Fact]
    public async Task Post_Alias_MakesThePersonFindableByIt()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Manager);
        var personId = await _data.CreatePersonAsync(user.OrganisationId, d => d with { GivenName = "Aisha", FamilyName = "Danjuma" });
        var browser = await Browser.SignInAsync(factory, user);
        var before = await browser.PostFormAndFollowAsync("/people", new() { ["Input.Name"] = "Ayesha Johnson" });
        before.Document.QuerySelectorAll("tbody tr").ShouldBeEmpty();

        await browser.PostFormAsync($"/people/{personId}/aliases/new", new() { ["Input.GivenName"] = "Ayesha", ["Input.FamilyName"] = "Johnson" });
        var after = await browser.PostFormAndFollowAsync("/people", new() { ["Input.Name"] = "Ayesha Johnson" });

        after.Document.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.GetAttribute("href")).ShouldBe([$"/people/{personId}"]);
        (await factory.AuditEventsAsync(personId, AuditActions.SearchResult)).ShouldHaveSingleItem().ShouldBeSuccessBy(user);
    }

    [Theory]
    [InlineData("", "Johnson", "Input_GivenName", "Enter a first name")]
    [InlineData("Ayesha", " ", "Input_FamilyName", "Enter a last name")]
    [InlineData(LongName, "Johnson", "Input_GivenName", "First name must be 100 characters or fewer")]
    [InlineData("Ayesha", LongName, "Input_FamilyName", "Last name must be 100 characters or fewer")]
    [InlineData("Ayesha\u202E", "Johnson", "Input_GivenName", "First name must not contain hidden control characters")]
    [InlineData("Ayesha", "John\u0007son", "Input_FamilyName", "Last name must not contain hidden control characters")]
    public async Task Post_InvalidAlias_ShowsErrorAndAddsNothing(string givenName, string familyName, string fieldId, string message)
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(user.OrganisationId);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.PostFormAsync($"/people/{personId}/aliases/new", new() { ["Input.GivenName"] = givenName, ["Input.FamilyName"] = familyName });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(fieldId, message);
        (await factory.FindPersonAsync(personId))!.Aliases.ShouldBeEmpty();
        (await factory.AuditEventsAsync(personId, AuditActions.Update)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_DataProtectionOfficer_IsForbidden()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        var personId = await _data.CreatePersonAsync(user.OrganisationId);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync($"/people/{personId}/aliases/new");

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.FindPersonAsync(personId))!.Aliases.ShouldBeEmpty();
    }
}
