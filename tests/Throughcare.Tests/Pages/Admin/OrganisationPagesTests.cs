using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Organisations;

namespace Throughcare.Tests.Pages.Admin;

public sealed class OrganisationPagesTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Fact]
    public async Task Get_List_ShowsOrganisationsWithTheirTeamsAndStaff()
    {
        var browser = await SignInAsAdministratorAsync();
        var organisation = await _data.CreateOrganisationAsync(OrganisationKind.Prison);
        await _data.CreateUserAsync(organisation.Id);

        var page = await browser.GetAsync("/admin/organisations?page=1");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.Heading().ShouldBe("Organisations");
        var row = page.Document.QuerySelectorAll("tbody tr").Single(r => r.Children[0].Text() == organisation.Name);
        row.Children[1].Text().ShouldBe("Prison");
        row.Children[2].Text().ShouldBe("1");
        row.Children[3].Text().ShouldBe("1");
    }

    [Fact]
    public async Task Post_Create_AddsOrganisationAndAuditsIt()
    {
        var browser = await SignInAsAdministratorAsync();
        var name = TestData.Unique("Southwark Mind");

        var created = await browser.PostFormAsync("/admin/organisations/new", Organisation(name, Guid.NewGuid()));

        created.Status.ShouldBe(HttpStatusCode.Redirect, created.Html);
        var view = await browser.GetAsync(created.Location!);
        view.Document.Heading().ShouldBe(name);
        view.Document.GetSummaryListValue("Kind").ShouldBe("Voluntary sector");
        view.Document.GetSummaryListValue("Two-factor authentication").ShouldBe("Required for all staff");
        var id = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
        (await AuditCountAsync(AuditRecordTypes.Organisation, id, AuditActions.Create)).ShouldBe(1);
    }

    [Fact]
    public async Task Post_Create_WithTakenName_ShowsErrorAndAddsNothing()
    {
        var browser = await SignInAsAdministratorAsync();
        var existing = await _data.CreateOrganisationAsync();
        var before = await factory.WithDbAsync(db => db.Organisations.CountAsync());

        var page = await browser.PostFormAsync("/admin/organisations/new", Organisation(existing.Name, Guid.NewGuid()));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Name", "An organisation with this name already exists");
        (await factory.WithDbAsync(db => db.Organisations.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Post_Create_WithoutAnswers_ShowsErrors()
    {
        var browser = await SignInAsAdministratorAsync();

        var page = await browser.PostFormAsync("/admin/organisations/new", new() { ["SubmissionId"] = Guid.NewGuid().ToString() });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Name", "Enter the organisation's name");
        page.Document.AssertHasError("Input_Kind", "Select the kind of organisation");
        page.Document.AssertHasError("Input_RequireTwoFactor", "Select whether staff must use two-factor authentication");
    }

    [Fact]
    public async Task Post_Create_TwiceWithTheSameSubmissionId_CreatesOneOrganisation()
    {
        var browser = await SignInAsAdministratorAsync();
        var name = TestData.Unique("Lambeth Probation");
        var submissionId = Guid.NewGuid();

        var first = await browser.PostFormAsync("/admin/organisations/new", Organisation(name, submissionId));
        var second = await browser.PostFormAsync("/admin/organisations/new", Organisation(name, submissionId));

        first.Status.ShouldBe(HttpStatusCode.Redirect);
        second.Status.ShouldBe(HttpStatusCode.Redirect);
        second.Location.ShouldBe(first.Location);
        (await factory.WithDbAsync(db => db.Organisations.CountAsync(o => o.Name == name))).ShouldBe(1);
        var id = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
        (await AuditCountAsync(AuditRecordTypes.Organisation, id, AuditActions.Create)).ShouldBe(1);
    }

    [Fact]
    public async Task Post_AddTeam_AddsTeamAndAuditsIt()
    {
        var browser = await SignInAsAdministratorAsync();
        var organisation = await _data.CreateOrganisationAsync();
        var url = $"/admin/organisations/{organisation.Id}";

        var added = await browser.PostFormAsync($"{url}?handler=AddTeam", new() { ["Team.Name"] = "Liaison and diversion" }, formPage: url);

        added.Status.ShouldBe(HttpStatusCode.Redirect, added.Html);
        var view = await browser.GetAsync(added.Location!);
        view.Document.QuerySelectorAll(".govuk-list--bullet li").Select(li => li.Text()).ShouldContain("Liaison and diversion");
        var teamId = await factory.WithDbAsync(db => db.Teams.Where(t => t.OrganisationId == organisation.Id && t.Name == "Liaison and diversion").Select(t => t.Id).SingleAsync());
        (await AuditCountAsync(AuditRecordTypes.Team, teamId, AuditActions.Create)).ShouldBe(1);
    }

    [Fact]
    public async Task Post_AddTeam_WithTakenName_ShowsErrorAndAddsNothing()
    {
        var browser = await SignInAsAdministratorAsync();
        var organisation = await _data.CreateOrganisationAsync();
        var url = $"/admin/organisations/{organisation.Id}";
        var before = await factory.WithDbAsync(db => db.Teams.CountAsync());

        var page = await browser.PostFormAsync($"{url}?handler=AddTeam", new() { ["Team.Name"] = organisation.Teams[0].Name }, formPage: url);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Team_Name", "This organisation already has a team with this name");
        (await factory.WithDbAsync(db => db.Teams.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Post_Edit_SavesChangesAndAuditsThem()
    {
        var browser = await SignInAsAdministratorAsync();
        var organisation = await _data.CreateOrganisationAsync(OrganisationKind.Probation);
        var url = $"/admin/organisations/{organisation.Id}/edit";
        var name = TestData.Unique("Renamed");

        var saved = await browser.PostFormAsync(url, Organisation(name, version: organisation.Version));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        var view = await browser.GetAsync(saved.Location!);
        view.Document.Heading().ShouldBe(name);
        view.Document.GetSummaryListValue("Kind").ShouldBe("Voluntary sector");
        (await AuditCountAsync(AuditRecordTypes.Organisation, organisation.Id, AuditActions.Update)).ShouldBe(1);
    }

    [Fact]
    public async Task Post_Edit_WithStaleVersion_ShowsConflictWithBothVersionsAndOverwritesNothing()
    {
        var browser = await SignInAsAdministratorAsync();
        var organisation = await _data.CreateOrganisationAsync(OrganisationKind.Probation);
        var url = $"/admin/organisations/{organisation.Id}/edit";
        var theirs = TestData.Unique("Theirs");
        var mine = TestData.Unique("Mine");
        var first = await browser.PostFormAsync(url, Organisation(theirs, version: organisation.Version));
        first.Status.ShouldBe(HttpStatusCode.Redirect);

        var conflict = await browser.PostFormAsync(url, Organisation(mine, version: organisation.Version));

        conflict.Status.ShouldBe(HttpStatusCode.Conflict);
        conflict.Html.ShouldContain("Someone else changed this organisation while you were editing it");
        var nameRow = conflict.Document.QuerySelectorAll("tbody tr").Single(r => r.Children[0].Text() == "Name");
        nameRow.Children[1].Text().ShouldBe(theirs);
        nameRow.Children[2].Text().ShouldBe(mine);
        (await factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == organisation.Id).Select(o => o.Name).SingleAsync())).ShouldBe(theirs);
        (await AuditCountAsync(AuditRecordTypes.Organisation, organisation.Id, AuditActions.Update)).ShouldBe(1);
    }

    [Theory]
    [InlineData(StaffRoles.Practitioner, "/admin")]
    [InlineData(StaffRoles.Manager, "/admin/organisations")]
    [InlineData(StaffRoles.DataProtectionOfficer, "/admin/organisations/new")]
    [InlineData(StaffRoles.Commissioner, "/admin/users")]
    [InlineData(StaffRoles.Volunteer, "/admin/users/new")]
    public async Task Get_AdminPage_AsNonAdministrator_Returns403(string role, string url)
    {
        var user = await _data.CreateStaffAsync(role);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync(url);

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
        page.Document.Heading().ShouldBe("You do not have permission to view this page");
    }

    [Fact]
    public async Task Post_AddTeam_AsNonAdministrator_Returns403AndAddsNothing()
    {
        var organisation = await _data.CreateOrganisationAsync();
        var manager = await _data.CreateUserAsync(organisation.Id, StaffRoles.Manager);
        var browser = await Browser.SignInAsync(factory, manager);
        var token = await browser.GetTokenAsync("/account/password");
        var before = await factory.WithDbAsync(db => db.Teams.CountAsync());

        var page = await browser.PostRawAsync($"/admin/organisations/{organisation.Id}?handler=AddTeam", [new("Team.Name", "Sneaky team"), new("__RequestVerificationToken", token)]);

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.Teams.CountAsync())).ShouldBe(before);
    }

    private async Task<Browser> SignInAsAdministratorAsync() =>
        await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.Administrator));

    private static Dictionary<string, string> Organisation(string name, Guid? submissionId = null, Guid? version = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Kind"] = "VoluntarySector", ["Input.RequireTwoFactor"] = "yes" };
        if (submissionId is { } id)
        {
            fields["SubmissionId"] = id.ToString();
        }

        if (version is { } v)
        {
            fields["Version"] = v.ToString();
        }

        return fields;
    }

    private Task<int> AuditCountAsync(string recordType, Guid recordId, string action)
    {
        var id = recordId.ToString();
        return factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == recordType && a.RecordId == id && a.Action == action));
    }
}
