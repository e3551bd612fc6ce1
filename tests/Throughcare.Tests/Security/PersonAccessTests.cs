using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;
using static Throughcare.Tests.Pages.People.PeoplePages;

namespace Throughcare.Tests.Security;

/// <summary>
/// The access matrix for a person's record: staff of another organisation, with the same roles, cannot tell that
/// the person exists. A leak is a 2xx answer or a page containing the person's unique marker name.
/// </summary>
public sealed class PersonAccessTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private static readonly DateOnly DateOfBirth = new(1982, 12, 5);

    private readonly TestData _data = new(factory);

    [Theory]
    [InlineData(StaffRoles.Practitioner, "")]
    [InlineData(StaffRoles.Practitioner, "/edit")]
    [InlineData(StaffRoles.Practitioner, "/history")]
    [InlineData(StaffRoles.Practitioner, "/aliases/new")]
    [InlineData(StaffRoles.Manager, "")]
    [InlineData(StaffRoles.Administrator, "/edit")]
    [InlineData(StaffRoles.DataProtectionOfficer, "")]
    [InlineData(StaffRoles.DataProtectionOfficer, "/history")]
    public async Task Get_PersonFromAnotherOrganisation_ReturnsNotFound(string role, string subPath)
    {
        var person = await CreatePersonInOrganisationAAsync();
        var outsider = await _data.CreateStaffAsync(role);
        var browser = await Browser.SignInAsync(factory, outsider);

        var page = await browser.GetAsync($"/people/{person.Id}{subPath}");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Html.ShouldNotContain(person.Marker);
        await AssertOnlyDeniedAsync(person.Id, outsider);
    }

    [Fact]
    public async Task Post_EditOfPersonFromAnotherOrganisation_ReturnsNotFoundAndChangesNothing()
    {
        var person = await CreatePersonInOrganisationAAsync();
        var before = (await factory.FindPersonAsync(person.Id))!;
        var outsider = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, outsider);
        var form = PersonForm("Overwritten", "Name", DateOfBirth).With("Version", before.Version.ToString());

        var page = await browser.PostFormAsync($"/people/{person.Id}/edit", form, formPage: "/people/new");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        var after = (await factory.FindPersonAsync(person.Id))!;
        after.Details.ShouldBe(before.Details);
        after.Version.ShouldBe(before.Version);
        await AssertOnlyDeniedAsync(person.Id, outsider);
    }

    [Fact]
    public async Task Post_AliasForPersonFromAnotherOrganisation_ReturnsNotFoundAndAddsNothing()
    {
        var person = await CreatePersonInOrganisationAAsync();
        var outsider = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, outsider);

        var page = await browser.PostFormAsync($"/people/{person.Id}/aliases/new", new() { ["Input.GivenName"] = "Sneaky", ["Input.FamilyName"] = "Alias" }, formPage: "/people/new");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.FindPersonAsync(person.Id))!.Aliases.ShouldBeEmpty();
        await AssertOnlyDeniedAsync(person.Id, outsider);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("crn")]
    [InlineData("nhs")]
    [InlineData("prison")]
    [InlineData("pnc")]
    [InlineData("dob")]
    public async Task Post_SearchFromAnotherOrganisation_FindsNothing(string by)
    {
        var person = await CreatePersonInOrganisationAAsync();
        var search = by switch
        {
            "name" => new Dictionary<string, string> { ["Input.Name"] = $"Ebele {person.Marker}" },
            "crn" => new() { ["Input.Identifier"] = person.Crn },
            "nhs" => new() { ["Input.Identifier"] = person.NhsNumber },
            "prison" => new() { ["Input.Identifier"] = person.PrisonNumber },
            "pnc" => new() { ["Input.Identifier"] = person.PncNumber },
            _ => new() { ["Input.DateOfBirth.Day"] = "5", ["Input.DateOfBirth.Month"] = "12", ["Input.DateOfBirth.Year"] = "1982" },
        };
        var insider = await Browser.SignInAsync(factory, person.Creator);
        var outsider = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, outsider);

        var found = await insider.PostFormAndFollowAsync("/people", search);
        var page = await browser.PostFormAndFollowAsync("/people", search);

        found.Html.ShouldContain($"/people/{person.Id}");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#results").Text().ShouldBe("No people found");
        page.Document.QuerySelector("tbody").ShouldBeNull();
        page.Html.ShouldNotContain(person.Id.ToString());
        (await factory.AuditEventsAsync(person.Id, AuditActions.SearchResult)).ShouldAllBe(a => a.UserId == person.Creator.Id);
    }

    [Fact]
    public async Task Post_CreateInAnotherOrganisation_ShowsNoDuplicateWarningForTheirPerson()
    {
        var person = await CreatePersonInOrganisationAAsync();
        var outsider = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, outsider);
        var form = PersonForm("Ebele", person.Marker, DateOfBirth).With("Input.NhsNumber", person.NhsNumber).With("Input.Crn", person.Crn);

        var page = await browser.PostFormAsync("/people/new", form);

        page.Status.ShouldBe(HttpStatusCode.Redirect, page.Html);
        page.Html.ShouldNotContain(person.Marker);
        PersonIdFrom(page.Location).ShouldNotBe(person.Id);
        (await factory.AuditEventsAsync(person.Id, AuditActions.DuplicateCheck)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_AuditSearchByAnotherOrganisationsDataProtectionOfficer_ShowsNoneOfThePersonsEvents()
    {
        var person = await CreatePersonInOrganisationAAsync();
        var insider = await Browser.SignInAsync(factory, person.Creator);
        await insider.GetAsync($"/people/{person.Id}");
        await insider.GetAsync($"/people/{person.Id}/history");
        var ownOfficer = await Browser.SignInAsync(factory, await _data.CreateUserAsync(person.Creator.OrganisationId, StaffRoles.DataProtectionOfficer));
        var otherOfficer = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer));
        var search = new Dictionary<string, string> { ["Filter.Person"] = person.Marker };

        var own = await ownOfficer.PostFormAndFollowAsync("/audit", search);
        var other = await otherOfficer.PostFormAndFollowAsync("/audit", search);

        own.Document.QuerySelectorAll("tbody tr").Length.ShouldBeGreaterThanOrEqualTo(3);
        other.Status.ShouldBe(HttpStatusCode.OK);
        other.Document.QuerySelectorAll("tbody tr").ShouldBeEmpty();
        other.Html.ShouldContain("No audit events match.");
        other.Html.ShouldNotContain(person.Creator.Email);
    }

    [Theory]
    [InlineData("/people")]
    [InlineData("/people/new")]
    [InlineData("/people/{id}")]
    [InlineData("/people/{id}/history")]
    public async Task Get_Commissioner_IsForbidden(string path)
    {
        var person = await CreatePersonInOrganisationAAsync();
        var commissioner = await _data.CreateUserAsync(person.Creator.OrganisationId, StaffRoles.Commissioner);
        var browser = await Browser.SignInAsync(factory, commissioner);

        var page = await browser.GetAsync(path.Replace("{id}", person.Id.ToString(), StringComparison.Ordinal));

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
        page.Html.ShouldNotContain(person.Marker);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == commissioner.Id && a.Action != AuditActions.SignIn))).ShouldBe(0);
    }

    [Theory]
    [InlineData("/people")]
    [InlineData("/people/{id}")]
    [InlineData("/people/{id}/edit")]
    [InlineData("/people/merge")]
    public async Task Get_Anonymous_RedirectsToSignIn(string path)
    {
        var person = await CreatePersonInOrganisationAAsync();
        var browser = Browser.Anonymous(factory);

        var page = await browser.GetAsync(path.Replace("{id}", person.Id.ToString(), StringComparison.Ordinal));

        page.Status.ShouldBe(HttpStatusCode.Redirect);
        page.Location.ShouldNotBeNull().ShouldContain("/sign-in");
        page.Html.ShouldNotContain(person.Marker);
    }

    [Fact]
    public async Task Get_DisabledUser_IsRefusedOnTheNextRequest()
    {
        var person = await CreatePersonInOrganisationAAsync();
        var browser = await Browser.SignInAsync(factory, person.Creator);
        (await browser.GetAsync($"/people/{person.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == person.Creator.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, factory.UtcNow)));

        var page = await browser.GetAsync($"/people/{person.Id}");

        page.Status.ShouldBe(HttpStatusCode.Redirect);
        page.Location.ShouldNotBeNull().ShouldContain("/sign-in");
        page.Html.ShouldNotContain(person.Marker);
        (await factory.AuditEventsAsync(person.Id, AuditActions.View)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Get_AfterTheOrganisationsRoleEnds_ReturnsNotFound()
    {
        var person = await CreatePersonInOrganisationAAsync();
        var browser = await Browser.SignInAsync(factory, person.Creator);
        (await browser.GetAsync($"/people/{person.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        await factory.WithDbAsync(db => db.PersonCareRoles.Where(r => r.PersonId == person.Id).ExecuteUpdateAsync(r => r.SetProperty(x => x.EndedAt, factory.UtcNow)));

        var page = await browser.GetAsync($"/people/{person.Id}");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Html.ShouldNotContain(person.Marker);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/edit")]
    [InlineData("/history")]
    [InlineData("/aliases/new")]
    public async Task Get_UnknownPersonId_ReturnsNotFoundAndAuditsTheDeniedAttempt(string subPath)
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        var unknownId = Guid.NewGuid();

        var page = await browser.GetAsync($"/people/{unknownId}{subPath}");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        var audit = (await factory.AuditEventsAsync(unknownId)).ShouldHaveSingleItem();
        audit.Action.ShouldBe(AuditActions.AccessDenied);
        audit.Outcome.ShouldBe(AuditOutcome.Denied);
        audit.UserId.ShouldBe(user.Id);
        audit.OrganisationId.ShouldBe(user.OrganisationId);
        audit.RecordId.ShouldBe(unknownId.ToString());
        audit.Details.ShouldNotBeNull().ShouldContain($"/people/{unknownId}{subPath}");
    }

    private async Task<ForeignPerson> CreatePersonInOrganisationAAsync()
    {
        var creator = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var marker = UniqueFamilyName("Marker");
        var nhsNumber = NewNhsNumber();
        var pncNumber = NewPncNumber();
        var crn = $"M{Random.Shared.Next(100_000, 999_999)}";
        var prisonNumber = $"Q{Random.Shared.Next(1000, 9999)}XY";
        var id = await _data.CreatePersonAsync(creator.OrganisationId, d => d with
        {
            GivenName = "Ebele",
            FamilyName = marker,
            DateOfBirth = DateOfBirth,
            NhsNumber = nhsNumber.Replace(" ", "", StringComparison.Ordinal),
            PncNumber = pncNumber,
            Crn = crn,
            PrisonNumber = prisonNumber,
        });
        return new ForeignPerson(id, marker, creator, crn, nhsNumber, prisonNumber, pncNumber);
    }

    /// <summary>The outsider's only trace on the person is the denied attempt: no view, no read, no write.</summary>
    private async Task AssertOnlyDeniedAsync(Guid personId, TestUser outsider)
    {
        var events = (await factory.AuditEventsAsync(personId)).Where(a => a.UserId == outsider.Id).ToList();
        events.ShouldNotBeEmpty();
        events.ShouldAllBe(a => a.Action == AuditActions.AccessDenied && a.Outcome == AuditOutcome.Denied);
    }

    private sealed record ForeignPerson(Guid Id, string Marker, TestUser Creator, string Crn, string NhsNumber, string PrisonNumber, string PncNumber);
}
