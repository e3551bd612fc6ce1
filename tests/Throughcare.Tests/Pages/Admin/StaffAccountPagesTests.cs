using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;

namespace Throughcare.Tests.Pages.Admin;

public sealed class StaffAccountPagesTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private const string StrongPassword = "violet orbit lantern 7714";

    private readonly TestData _data = new(factory);

    [Fact]
    public async Task Get_List_FilteredByOrganisation_ShowsItsStaffFiftyToAPage()
    {
        var browser = await SignInAsAdministratorAsync();
        var organisation = await _data.CreateOrganisationAsync();
        for (var i = 0; i < 51; i++)
        {
            await _data.CreateUserAsync(organisation.Id);
        }

        var other = await _data.CreateStaffAsync();

        var first = await browser.GetAsync($"/admin/users?organisationId={organisation.Id}");
        var second = await browser.GetAsync($"/admin/users?organisationId={organisation.Id}&page=2");

        first.Status.ShouldBe(HttpStatusCode.OK);
        first.Document.TableColumn(0).Count.ShouldBe(50);
        second.Document.TableColumn(0).Count.ShouldBe(1);
        first.Document.TableColumn(2).Concat(second.Document.TableColumn(2)).ShouldAllBe(name => name == organisation.Name);
        first.Document.TableColumn(1).Concat(second.Document.TableColumn(1)).ShouldNotContain(other.Email);
        first.Document.QuerySelector(".govuk-pagination a[href*='page=2']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Post_Create_AddsAccountWithRolesAndAuditsIt()
    {
        var browser = await SignInAsAdministratorAsync();
        var organisation = await _data.CreateOrganisationAsync();
        var email = $"priya-{Guid.NewGuid():N}@example.test";

        var created = await browser.PostFormAsync("/admin/users/new", NewAccount(email, organisation.Id, organisation.Teams[0].Id));

        created.Status.ShouldBe(HttpStatusCode.Redirect, created.Html);
        created.Location.ShouldBe("/admin/users?saved=created");
        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        user.OrganisationId.ShouldBe(organisation.Id);
        user.TeamId.ShouldBe(organisation.Teams[0].Id);
        (await AuditCountAsync(user.Id, AuditActions.Create)).ShouldBe(1);
        var signedIn = await Browser.SignInAsync(factory, new TestUser(user.Id, email, StrongPassword, organisation.Id));
        (await signedIn.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_Create_WithTakenEmail_ShowsErrorAndAddsNothing()
    {
        var browser = await SignInAsAdministratorAsync();
        var existing = await _data.CreateStaffAsync();
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());

        var page = await browser.PostFormAsync("/admin/users/new", NewAccount(existing.Email, existing.OrganisationId, null));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Email", "An account with this email address already exists");
        (await factory.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(before);
    }

    [Theory]
    [InlineData("short pass", PasswordPolicy.TooShortMessage)]
    [InlineData("password1234", PasswordPolicy.TooEasyToGuessMessage)]
    [InlineData("P@ssw0rd2024!", PasswordPolicy.TooEasyToGuessMessage)]
    [InlineData("qwertyuiop123", PasswordPolicy.TooEasyToGuessMessage)]
    public async Task Post_Create_WithWeakPassword_ShowsPolicyMessage(string password, string message)
    {
        var browser = await SignInAsAdministratorAsync();
        var organisation = await _data.CreateOrganisationAsync();
        var email = $"weak-{Guid.NewGuid():N}@example.test";
        var fields = NewAccount(email, organisation.Id, null);
        fields["Input.Password"] = password;

        var page = await browser.PostFormAsync("/admin/users/new", fields);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Password", message);
        (await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
    }

    [Fact]
    public async Task Post_Create_WithTeamFromAnotherOrganisation_IsRefused()
    {
        var browser = await SignInAsAdministratorAsync();
        var organisation = await _data.CreateOrganisationAsync();
        var other = await _data.CreateOrganisationAsync();
        var email = $"cross-{Guid.NewGuid():N}@example.test";

        var page = await browser.PostFormAsync("/admin/users/new", NewAccount(email, organisation.Id, other.Teams[0].Id));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_TeamId", "Select a team in the chosen organisation");
        (await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
    }

    [Fact]
    public async Task Post_Edit_WithTeamFromAnotherOrganisation_IsRefused()
    {
        var browser = await SignInAsAdministratorAsync();
        var target = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var other = await _data.CreateOrganisationAsync();

        var page = await browser.PostFormAsync($"/admin/users/{target.Id}", new()
        {
            ["Input.DisplayName"] = "Priya Shah",
            ["Input.TeamId"] = other.Teams[0].Id.ToString(),
            ["Input.Roles"] = StaffRoles.Practitioner,
        });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_TeamId", "Select a team in this person's organisation");
        (await factory.WithDbAsync(db => db.Users.Where(u => u.Id == target.Id).Select(u => u.TeamId).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task Post_Edit_Roles_ApplyFromTheUsersNextRequest()
    {
        var admin = await SignInAsAdministratorAsync();
        var target = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var targetBrowser = await Browser.SignInAsync(factory, target);
        (await targetBrowser.GetAsync("/admin")).Status.ShouldBe(HttpStatusCode.Forbidden);

        var saved = await admin.PostFormAsync($"/admin/users/{target.Id}", new()
        {
            ["Input.DisplayName"] = "Priya Shah",
            ["Input.Roles"] = StaffRoles.Administrator,
        });

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        (await AuditCountAsync(target.Id, AuditActions.Update)).ShouldBe(1);

        // The old session ends at once; signed in again, the user has the new roles and only those.
        var next = await targetBrowser.GetAsync("/people");
        next.Status.ShouldBe(HttpStatusCode.Redirect);
        next.Location.ShouldNotBeNull().ShouldContain("/sign-in?returnUrl=");
        var again = await Browser.SignInAsync(factory, target);
        (await again.GetAsync("/admin")).Status.ShouldBe(HttpStatusCode.OK);
        var account = await again.GetAsync($"/admin/users/{target.Id}");
        account.Document.Heading().ShouldBe("Priya Shah");
    }

    [Fact]
    public async Task Post_Disable_RefusesTheUsersExistingSessionAndEnableLetsThemBackIn()
    {
        var admin = await SignInAsAdministratorAsync();
        var target = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var targetBrowser = await Browser.SignInAsync(factory, target);
        (await targetBrowser.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.OK);
        var url = $"/admin/users/{target.Id}";

        var disabled = await admin.PostFormAsync($"{url}?handler=Disable", [], formPage: url);

        disabled.Status.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetAsync(disabled.Location!)).Document.GetSummaryListValue("Status").ShouldBe("Disabled: cannot sign in");
        (await AuditCountAsync(target.Id, AuditActions.Disable)).ShouldBe(1);
        var refused = await targetBrowser.GetAsync("/people");
        refused.Status.ShouldBe(HttpStatusCode.Redirect);
        refused.Location.ShouldNotBeNull().ShouldContain("/sign-in?returnUrl=");
        await Should.ThrowAsync<InvalidOperationException>(() => Browser.SignInAsync(factory, target));

        var enabled = await admin.PostFormAsync($"{url}?handler=Enable", [], formPage: url);

        enabled.Status.ShouldBe(HttpStatusCode.Redirect);
        (await AuditCountAsync(target.Id, AuditActions.Enable)).ShouldBe(1);
        var back = await Browser.SignInAsync(factory, target);
        (await back.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_Disable_AsNonAdministrator_Returns403AndChangesNothing()
    {
        var manager = await _data.CreateStaffAsync(StaffRoles.Manager);
        var browser = await Browser.SignInAsync(factory, manager);
        var target = await _data.CreateUserAsync(manager.OrganisationId, StaffRoles.Practitioner);
        var token = await browser.GetTokenAsync("/account/password");

        var page = await browser.PostRawAsync($"/admin/users/{target.Id}?handler=Disable", [new("__RequestVerificationToken", token)]);

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.Users.Where(u => u.Id == target.Id).Select(u => u.DisabledAt).SingleAsync())).ShouldBeNull();
    }

    private async Task<Browser> SignInAsAdministratorAsync() =>
        await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.Administrator));

    private static Dictionary<string, string> NewAccount(string email, Guid organisationId, Guid? teamId)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Priya Shah",
            ["Input.Email"] = email,
            ["Input.OrganisationId"] = organisationId.ToString(),
            ["Input.Roles"] = StaffRoles.Practitioner,
            ["Input.Password"] = StrongPassword,
        };
        if (teamId is { } id)
        {
            fields["Input.TeamId"] = id.ToString();
        }

        return fields;
    }

    private Task<int> AuditCountAsync(Guid userId, string action)
    {
        var id = userId.ToString();
        return factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.User && a.RecordId == id && a.Action == action));
    }
}
