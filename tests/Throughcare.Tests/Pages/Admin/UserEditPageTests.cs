using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;

namespace Throughcare.Tests.Pages.Admin;

/// <summary>/admin/users/{userId}: an organisation's administrator changes, disables and enables their own staff's accounts only.</summary>
public sealed class UserEditPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    private static Dictionary<string, string> Account(string role, Guid? teamId = null)
    {
        var fields = new Dictionary<string, string> { ["Input.DisplayName"] = "Priya Shah", ["Input.Roles"] = role };
        if (teamId is { } id)
        {
            fields["Input.TeamId"] = id.ToString();
        }

        return fields;
    }

    private Task<ApplicationUser> FindAsync(Guid userId) => factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));

    [Fact]
    public async Task Get_UserOfAnotherOrganisation_Returns404AndAuditsTheAttempt()
    {
        var s = await factory.AdministratorWithNeighbourAsync();

        var page = await s.Browser.GetAsync($"/admin/users/{s.Stranger.Id}");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Html.ShouldNotContain(s.Stranger.Email);
        (await factory.DeniedAsync(s.Administrator, AuditRecordTypes.User, s.Stranger.Id)).ShouldHaveSingleItem().Action.ShouldBe(AuditActions.AccessDenied);
    }

    [Fact]
    public async Task Post_UserOfAnotherOrganisation_Returns404ChangesNothingAndAuditsTheAttempt()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var url = $"/admin/users/{s.Stranger.Id}";
        var token = await s.Browser.GetTokenAsync("/admin/users/new");

        var page = await s.Browser.PostRawAsync(url, [.. Account(StaffRoles.DataProtectionOfficer), new("__RequestVerificationToken", token)]);

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.RolesOfAsync(s.Stranger.Id)).ShouldBe([StaffRoles.Practitioner]);
        (await FindAsync(s.Stranger.Id)).DisplayName.ShouldBe(s.Stranger.DisplayName);
        (await factory.AuditOfAsync(AuditRecordTypes.User, s.Stranger.Id, AuditActions.Update)).ShouldBeEmpty();
        (await factory.DeniedAsync(s.Administrator, AuditRecordTypes.User, s.Stranger.Id)).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("Disable")]
    [InlineData("Enable")]
    public async Task PostHandler_UserOfAnotherOrganisation_Returns404ChangesNothingAndAuditsTheAttempt(string handler)
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var strangerBrowser = await Browser.SignInAsync(factory, s.Stranger);
        var token = await s.Browser.GetTokenAsync("/admin/users/new");

        var page = await s.Browser.PostRawAsync($"/admin/users/{s.Stranger.Id}?handler={handler}", [new("__RequestVerificationToken", token)]);

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        (await FindAsync(s.Stranger.Id)).DisabledAt.ShouldBeNull();
        (await strangerBrowser.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.OK);
        (await factory.DeniedAsync(s.Administrator, AuditRecordTypes.User, s.Stranger.Id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Get_OwnStaff_OffersOnlyOwnTeamsAndOrganisationRoles()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var worker = await _data.CreateUserAsync(s.Own.Id, StaffRoles.Practitioner);

        var page = await s.Browser.GetAsync($"/admin/users/{worker.Id}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var choices = page.Document.Choices();
        choices.ShouldContain(s.Own.Teams[0].Id.ToString());
        choices.ShouldNotContain(s.Other.Teams[0].Id.ToString());
        choices.ShouldContain(StaffRoles.Administrator);
        choices.ShouldNotContain("PartnershipAdministrator");
    }

    [Fact]
    public async Task Post_GrantingPartnershipAdministrator_ShowsErrorChangesNothingAndAuditsTheAttempt()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var worker = await _data.CreateUserAsync(s.Own.Id, StaffRoles.Practitioner);

        var page = await s.Browser.PostFormAsync($"/admin/users/{worker.Id}", Account("PartnershipAdministrator"));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Roles", "Select a role from the list");
        (await factory.RolesOfAsync(worker.Id)).ShouldBe([StaffRoles.Practitioner]);
        (await factory.DeniedAsync(s.Administrator, AuditRecordTypes.User, worker.Id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Post_WithTeamFromAnotherOrganisation_IsRefused()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var worker = await _data.CreateUserAsync(s.Own.Id, StaffRoles.Practitioner);

        var page = await s.Browser.PostFormAsync($"/admin/users/{worker.Id}", Account(StaffRoles.Practitioner, s.Other.Teams[0].Id));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_TeamId", "Select a team in this person's organisation");
        (await FindAsync(worker.Id)).TeamId.ShouldBeNull();
    }

    [Fact]
    public async Task Post_Roles_ApplyFromTheUsersNextRequest()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var target = await _data.CreateUserAsync(s.Own.Id, StaffRoles.Practitioner);
        var targetBrowser = await Browser.SignInAsync(factory, target);
        (await targetBrowser.GetAsync("/admin")).Status.ShouldBe(HttpStatusCode.Forbidden);

        var saved = await s.Browser.PostFormAsync($"/admin/users/{target.Id}", Account(StaffRoles.Administrator));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        (await factory.AuditOfAsync(AuditRecordTypes.User, target.Id, AuditActions.Update)).ShouldHaveSingleItem();

        // The old session ends at once; signed in again, the user has the new roles and only those.
        var next = await targetBrowser.GetAsync("/people");
        next.Status.ShouldBe(HttpStatusCode.Redirect);
        next.Location.ShouldNotBeNull().ShouldContain("/sign-in?returnUrl=");
        var again = await Browser.SignInAsync(factory, target);
        (await again.GetAsync("/admin")).Status.ShouldBe(HttpStatusCode.OK);
        (await again.GetAsync($"/admin/users/{target.Id}")).Document.Heading().ShouldBe("Priya Shah");
    }

    [Fact]
    public async Task PostDisable_RefusesTheUsersExistingSessionAndEnableLetsThemBackIn()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var target = await _data.CreateUserAsync(s.Own.Id, StaffRoles.Practitioner);
        var targetBrowser = await Browser.SignInAsync(factory, target);
        (await targetBrowser.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.OK);
        var url = $"/admin/users/{target.Id}";

        var disabled = await s.Browser.PostFormAsync($"{url}?handler=Disable", [], formPage: url);

        disabled.Status.ShouldBe(HttpStatusCode.Redirect);
        (await s.Browser.GetAsync(disabled.Location!)).Document.GetSummaryListValue("Status").ShouldBe("Disabled: cannot sign in");
        (await factory.AuditOfAsync(AuditRecordTypes.User, target.Id, AuditActions.Disable)).ShouldHaveSingleItem();
        var refused = await targetBrowser.GetAsync("/people");
        refused.Status.ShouldBe(HttpStatusCode.Redirect);
        refused.Location.ShouldNotBeNull().ShouldContain("/sign-in?returnUrl=");
        await Should.ThrowAsync<InvalidOperationException>(() => Browser.SignInAsync(factory, target));

        var enabled = await s.Browser.PostFormAsync($"{url}?handler=Enable", [], formPage: url);

        enabled.Status.ShouldBe(HttpStatusCode.Redirect);
        (await factory.AuditOfAsync(AuditRecordTypes.User, target.Id, AuditActions.Enable)).ShouldHaveSingleItem();
        var back = await Browser.SignInAsync(factory, target);
        (await back.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PostDisable_AsNonAdministrator_Returns403AndChangesNothing()
    {
        var manager = await _data.CreateStaffAsync(StaffRoles.Manager);
        var browser = await Browser.SignInAsync(factory, manager);
        var target = await _data.CreateUserAsync(manager.OrganisationId, StaffRoles.Practitioner);
        var token = await browser.GetTokenAsync("/account/password");

        var page = await browser.PostRawAsync($"/admin/users/{target.Id}?handler=Disable", [new("__RequestVerificationToken", token)]);

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await FindAsync(target.Id)).DisabledAt.ShouldBeNull();
    }

    [Fact]
    public async Task Post_OwnStaffWhoIsAPartnershipAdministrator_KeepsThatRoleAndShowsIt()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var worker = await _data.CreateUserAsync(s.Own.Id, StaffRoles.PartnershipAdministrator, StaffRoles.Practitioner);
        var url = $"/admin/users/{worker.Id}";
        (await s.Browser.GetAsync(url)).Document.GetSummaryListValue("Other roles").ShouldBe("Partnership administrator");

        var saved = await s.Browser.PostFormAsync(url, Account(StaffRoles.Manager));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        (await factory.RolesOfAsync(worker.Id)).ShouldBe([StaffRoles.Manager, StaffRoles.PartnershipAdministrator]);
    }

    [Fact]
    public async Task GetAndPost_AsPartnershipAdministrator_Return403AndChangeNothing()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var (_, browser) = await factory.PartnershipAdministratorAsync();
        var token = await browser.GetTokenAsync("/account/password");

        var form = await browser.GetAsync($"/admin/users/{s.Stranger.Id}");
        var posted = await browser.PostRawAsync($"/admin/users/{s.Stranger.Id}", [.. Account(StaffRoles.DataProtectionOfficer), new("__RequestVerificationToken", token)]);

        form.Status.ShouldBe(HttpStatusCode.Forbidden);
        posted.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.RolesOfAsync(s.Stranger.Id)).ShouldBe([StaffRoles.Practitioner]);
    }
}
