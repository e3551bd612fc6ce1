using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;
using Throughcare.Tests.Pages.Services;

namespace Throughcare.Tests.Pages.Admin;

/// <summary>/admin/users/new: an organisation's administrator adds staff to their own organisation only.</summary>
public sealed class UserCreatePageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    private Task<ApplicationUser> FindUserAsync(string email) =>
        factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    private Task<List<AuditEvent>> UserAuditAsync(Guid userId, string action) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.RecordType == AuditRecordTypes.User && a.RecordId == userId.ToString() && a.Action == action).OrderBy(a => a.Sequence).ToListAsync());


    private static Dictionary<string, string> NewAccount(string email, Guid? teamId = null, string role = StaffRoles.Practitioner)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Priya Shah",
            ["Input.Email"] = email,
            ["Input.Roles"] = role,
            ["Input.Password"] = AdminPages.StrongPassword,
        };
        if (teamId is { } id)
        {
            fields["Input.TeamId"] = id.ToString();
        }

        return fields;
    }

    private static string NewEmail() => $"priya-{Guid.NewGuid():N}@example.test";

    private Task<bool> ExistsAsync(string email) => factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email));

    [Fact]
    public async Task Get_Form_OffersOnlyTheOwnOrganisationItsTeamsAndOrganisationRoles()
    {
        var s = await factory.AdministratorWithNeighbourAsync();

        var page = await s.Browser.GetAsync("/admin/users/new");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var choices = page.Document.Choices();
        choices.ShouldContain(s.Own.Teams[0].Id.ToString());
        choices.ShouldNotContain(s.Other.Id.ToString());
        choices.ShouldNotContain(s.Other.Teams[0].Id.ToString());
        choices.ShouldContain(StaffRoles.DataProtectionOfficer);
        choices.ShouldNotContain("PartnershipAdministrator");
        page.Html.ShouldNotContain(s.Other.Name);
    }

    [Fact]
    public async Task Post_Create_AddsAccountToOwnOrganisationAndAuditsIt()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var email = NewEmail();

        var created = await s.Browser.PostFormAsync("/admin/users/new", NewAccount(email, s.Own.Teams[0].Id));

        created.Status.ShouldBe(HttpStatusCode.Redirect, created.Html);
        created.Location.ShouldBe("/admin/users");
        (await s.Browser.GetAsync(created.Location!)).Document.QuerySelector(".govuk-notification-banner__heading").Text().ShouldBe("Account created");
        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        (user.OrganisationId, user.TeamId).ShouldBe((s.Own.Id, s.Own.Teams[0].Id));
        (await factory.AuditOfAsync(AuditRecordTypes.User, user.Id, AuditActions.Create)).ShouldHaveSingleItem().UserId.ShouldBe(s.Administrator.Id);
        var signedIn = await Browser.SignInAsync(factory, new TestUser(user.Id, email, AdminPages.StrongPassword, s.Own.Id));
        (await signedIn.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_Create_WithOverPostedOrganisationId_IsNotBound_AndTheAccountJoinsOwnOrganisation()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var email = NewEmail();

        var created = await s.Browser.PostFormAsync("/admin/users/new", NewAccount(email, role: StaffRoles.DataProtectionOfficer).With("Input.OrganisationId", s.Other.Id.ToString()));

        created.Status.ShouldBe(HttpStatusCode.Redirect, created.Html);
        (await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.OrganisationId).SingleAsync())).ShouldBe(s.Own.Id);
        (await factory.WithDbAsync(db => db.Users.CountAsync(u => u.OrganisationId == s.Other.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Post_Create_WithTeamOfAnotherOrganisation_ShowsErrorAndAddsNothing()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var email = NewEmail();

        var page = await s.Browser.PostFormAsync("/admin/users/new", NewAccount(email, s.Other.Teams[0].Id));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_TeamId", "Select a team in your organisation");
        (await ExistsAsync(email)).ShouldBeFalse();
    }

    [Fact]
    public async Task Post_Create_GrantingPartnershipAdministrator_ShowsErrorAddsNothingAndAuditsTheAttempt()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var email = NewEmail();

        var page = await s.Browser.PostFormAsync("/admin/users/new", NewAccount(email, role: "PartnershipAdministrator"));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Roles", "Select a role from the list");
        (await ExistsAsync(email)).ShouldBeFalse();
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == s.Administrator.Id && a.RecordType == AuditRecordTypes.User && a.Outcome == AuditOutcome.Denied))).ShouldBe(1);
    }

    [Fact]
    public async Task Post_Create_WithTakenEmail_ShowsErrorAndAddsNothing()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());

        var page = await s.Browser.PostFormAsync("/admin/users/new", NewAccount(s.Stranger.Email));

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
        var browser = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.Administrator));
        var email = NewEmail();

        var page = await browser.PostFormAsync("/admin/users/new", NewAccount(email).With("Input.Password", password));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Password", message);
        (await ExistsAsync(email)).ShouldBeFalse();
    }

    [Fact]
    public async Task GetAndPost_AsPartnershipAdministrator_Return403AndAddNothing()
    {
        var (_, browser) = await factory.PartnershipAdministratorAsync();
        var email = NewEmail();
        var token = await browser.GetTokenAsync("/account/password");

        var form = await browser.GetAsync("/admin/users/new");
        var posted = await browser.PostRawAsync("/admin/users/new", [.. NewAccount(email), new("__RequestVerificationToken", token)]);

        form.Status.ShouldBe(HttpStatusCode.Forbidden);
        posted.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await ExistsAsync(email)).ShouldBeFalse();
    }

    [Fact]
    public async Task Post_WithJobRoleLanguagesAndGender_SavesShowsAndAuditsThem()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var browser = await Browser.SignInAsync(factory, admin);
        var email = $"clw-{Guid.NewGuid():N}@example.test";
        var form = (await browser.GetAsync("/admin/users/new")).Document.FormFields()
            .With("Input.DisplayName", "Jordan Clarke")
            .With("Input.Email", email)
            .With("Input.OrganisationId", admin.OrganisationId.ToString())
            .With("Input.Roles", StaffRoles.Practitioner)
            .With("Input.Password", TestData.Password)
            .With("Input.JobRole", "clw")
            .With("Input.GenderIdentity", "man");

        var saved = await browser.PostWithAsync("/admin/users/new", form, ("Input.Languages", "pl"), ("Input.Languages", "en"));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        var user = await FindUserAsync(email);
        (user.JobRole, user.GenderIdentity).ShouldBe(("clw", "man"));
        user.Languages.ShouldBe(["pl", "en"], ignoreOrder: true);
        (await UserAuditAsync(user.Id, AuditActions.Create)).ShouldHaveSingleItem().Changes()
            .ShouldContain(("Job role", null, "clw"));

        var page = await browser.GetAsync($"/admin/users/{user.Id}");
        page.Document.GetSummaryListValue("Job role").ShouldBe("Community link worker");
        page.Document.GetSummaryListValue("Languages").ShouldBe("Polish, English");
        page.Document.QuerySelector("select[name='Input.JobRole'] option:checked")!.GetAttribute("value").ShouldBe("clw");
        page.Document.QuerySelectorAll("input[name='Input.Languages']:checked").Select(i => i.GetAttribute("value")).ShouldBe(["en", "pl"], ignoreOrder: true);
    }
}
