using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;
using Throughcare.Tests.Pages.Services;

namespace Throughcare.Tests.Pages.Admin;

/// <summary>/admin/users/{userId}: an organisation's administrator changes, disables and enables their own staff's accounts only.</summary>
public sealed class UserEditPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    private Task<ApplicationUser> FindUserAsync(string email) =>
        factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    private Task<List<AuditEvent>> UserAuditAsync(Guid userId, string action) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.RecordType == AuditRecordTypes.User && a.RecordId == userId.ToString() && a.Action == action).OrderBy(a => a.Sequence).ToListAsync());

    /// <summary>The account form (the page's first post form; the second disables the account).</summary>
    private static async Task<(AngleSharp.Html.Dom.IHtmlDocument Page, Dictionary<string, string> Form)> EditFormAsync(Browser browser, string url, TestUser worker)
    {
        var page = (await browser.GetAsync(url)).Document;
        var form = new Dictionary<string, string>
        {
            ["Input.DisplayName"] = worker.DisplayName,
            ["Input.Roles"] = StaffRoles.Practitioner,
            ["Version"] = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        };
        return (page, form);
    }


    private static Dictionary<string, string> Account(string role, Guid? teamId = null, string? version = null)
    {
        var fields = new Dictionary<string, string> { ["Input.DisplayName"] = "Priya Shah", ["Input.Roles"] = role };
        if (teamId is { } id)
        {
            fields["Input.TeamId"] = id.ToString();
        }

        if (version is not null)
        {
            fields["Version"] = version;
        }

        return fields;
    }

    /// <summary>The version of the account an edit form shows now.</summary>
    private Task<string> VersionOfAsync(Guid userId) => factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.ConcurrencyStamp!).SingleAsync());

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

        var page = await s.Browser.PostFormAsync($"/admin/users/{worker.Id}", Account("PartnershipAdministrator", version: await VersionOfAsync(worker.Id)));

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

        var page = await s.Browser.PostFormAsync($"/admin/users/{worker.Id}", Account(StaffRoles.Practitioner, s.Other.Teams[0].Id, await VersionOfAsync(worker.Id)));

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

        var saved = await s.Browser.PostFormAsync($"/admin/users/{target.Id}", Account(StaffRoles.Administrator, version: await VersionOfAsync(target.Id)));

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
        disabled.Location.ShouldBe(url);
        var shown = await s.Browser.GetAsync(disabled.Location!);
        shown.Document.GetSummaryListValue("Status").ShouldBe("Disabled: cannot sign in");
        shown.Document.QuerySelector(".govuk-notification-banner__heading").Text().ShouldBe("Account disabled");
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
    public async Task Post_StaleVersion_ShowsConflictWithWhatIsSavedBesideYoursAndSavesNothing()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var colleague = await Browser.SignInAsync(factory, await _data.CreateUserAsync(s.Own.Id, StaffRoles.Administrator));
        var worker = await _data.CreateUserAsync(s.Own.Id, StaffRoles.Practitioner);
        var url = $"/admin/users/{worker.Id}";
        var shown = await VersionOfAsync(worker.Id);
        var theirs = Account(StaffRoles.Manager, version: shown);
        theirs["Input.DisplayName"] = "Priya Shah-Khan";
        (await colleague.PostFormAsync(url, theirs)).Status.ShouldBe(HttpStatusCode.Redirect);
        var saved = await VersionOfAsync(worker.Id);

        var page = await s.Browser.PostFormAsync(url, Account(StaffRoles.Practitioner, s.Own.Teams[0].Id, shown));

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        page.Html.ShouldContain("Someone else changed this account while you were editing it");
        var rows = page.Document.QuerySelectorAll("#conflict tr").Select(r => (r.Children[0].Text(), r.Children[1].Text(), r.Children[2].Text())).ToList();
        rows.ShouldBe([("Full name", "Priya Shah-Khan", "Priya Shah"), ("Team", "", s.Own.Teams[0].Name), ("Roles", "Manager", "Practitioner")]);
        (page.Document.QuerySelector("input[name='Input.DisplayName']") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value.ShouldBe("Priya Shah");
        (page.Document.QuerySelector("input[name=Version]") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value.ShouldBe(saved);
        (await FindAsync(worker.Id)).DisplayName.ShouldBe("Priya Shah-Khan");
        (await FindAsync(worker.Id)).TeamId.ShouldBeNull();
        (await factory.RolesOfAsync(worker.Id)).ShouldBe([StaffRoles.Manager]);
        (await factory.AuditOfAsync(AuditRecordTypes.User, worker.Id, AuditActions.Update)).ShouldHaveSingleItem().UserId.ShouldNotBe(s.Administrator.Id);
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

        var saved = await s.Browser.PostFormAsync(url, Account(StaffRoles.Manager, version: await VersionOfAsync(worker.Id)));

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

    [Fact]
    public async Task Post_ChangeJobRoleAndLanguages_SavesThemAndAuditsFromTo()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var worker = await _data.CreateUserAsync(admin.OrganisationId, StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, admin);
        var url = $"/admin/users/{worker.Id}";
        var (before, form) = await EditFormAsync(browser, url, worker);
        before.GetSummaryListValue("Job role").ShouldBe("Not recorded");
        form.With("Input.JobRole", "fmhp");

        var saved = await browser.PostWithAsync(url, form, ("Input.Languages", "en"), ("Input.Languages", "gu"));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        var user = await FindUserAsync(worker.Email);
        user.JobRole.ShouldBe("fmhp");
        user.Languages.ShouldBe(["en", "gu"], ignoreOrder: true);
        (await UserAuditAsync(worker.Id, AuditActions.Update)).ShouldHaveSingleItem().Changes().ShouldBe(
            [("Job role", null, "fmhp"), ("Languages", null, "en, gu")], ignoreOrder: true);
        var page = await browser.GetAsync(url);
        page.Document.GetSummaryListValue("Job role").ShouldBe("Forensic mental health practitioner");
        page.Document.GetSummaryListValue("Languages").ShouldBe("English, Gujarati");
    }

    [Theory]
    [InlineData("Input.JobRole", "astronaut", "Input_JobRole", "Select a job role from the list")]
    [InlineData("Input.Languages", "klingon", "Input_Languages", "Select languages from the list")]
    [InlineData("Input.GenderIdentity", "unknown", "Input_GenderIdentity", "Select a gender identity from the list")]
    public async Task Post_ProfileValueNotOnTheList_ShowsErrorAndChangesNothing(string field, string value, string fieldId, string message)
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var worker = await _data.CreateUserAsync(admin.OrganisationId, StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, admin);
        var url = $"/admin/users/{worker.Id}";
        var (_, form) = await EditFormAsync(browser, url, worker);
        form.With(field, value);

        var page = await browser.PostRawAsync(url, form);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(fieldId, message);
        var user = await FindUserAsync(worker.Email);
        (user.JobRole, user.GenderIdentity, user.Languages.Count).ShouldBe((null, null, 0));
        (await UserAuditAsync(worker.Id, AuditActions.Update)).ShouldBeEmpty();
    }
}
