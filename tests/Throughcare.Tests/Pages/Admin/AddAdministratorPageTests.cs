using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Admin;

/// <summary>/admin/organisations/{organisationId}/administrators/new: a partnership administrator gives an organisation its administrator.</summary>
public sealed class AddAdministratorPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    private static string Url(Guid organisationId) => $"/admin/organisations/{organisationId}/administrators/new";

    private static Dictionary<string, string> Administrator(string email, string role = StaffRoles.Administrator) => new()
    {
        ["Input.DisplayName"] = "Amara Okafor",
        ["Input.Email"] = email,
        ["Input.Roles"] = role,
        ["Input.Password"] = AdminPages.StrongPassword,
    };

    private static string NewEmail() => $"amara-{Guid.NewGuid():N}@example.test";

    private Task<ApplicationUser?> FindAsync(string email) => factory.WithDbAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email));

    [Fact]
    public async Task Post_AsPartnershipAdministrator_AddsTheOrganisationsAdministrator_WhoRunsItAndNothingElse()
    {
        var organisation = await _data.CreateOrganisationAsync();
        var neighbour = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var (partnership, browser) = await factory.PartnershipAdministratorAsync();
        var email = NewEmail();

        var form = await browser.GetAsync(Url(organisation.Id));
        var created = await browser.PostFormAsync(Url(organisation.Id), Administrator(email));

        form.Document.Choices().ShouldBe([StaffRoles.Administrator, StaffRoles.PartnershipAdministrator], ignoreOrder: true);
        created.Status.ShouldBe(HttpStatusCode.Redirect, created.Html);
        created.Location.ShouldBe($"/admin/organisations/{organisation.Id}");
        (await browser.GetAsync(created.Location!)).Document.QuerySelector(".govuk-notification-banner__heading").Text().ShouldBe("Administrator added");
        var user = (await FindAsync(email)).ShouldNotBeNull();
        user.OrganisationId.ShouldBe(organisation.Id);
        (await factory.RolesOfAsync(user.Id)).ShouldBe([StaffRoles.Administrator]);
        var audit = (await factory.AuditOfAsync(AuditRecordTypes.User, user.Id, AuditActions.Create)).ShouldHaveSingleItem();
        audit.UserId.ShouldBe(partnership.Id);
        (await factory.PartnershipActionsOnAsync(organisation.Id)).Select(a => a.Id).ShouldContain(audit.Id);

        var theirs = await Browser.SignInAsync(factory, new TestUser(user.Id, email, AdminPages.StrongPassword, organisation.Id));
        var staff = await theirs.GetAsync("/admin/users");
        staff.Document.TableColumn(1).ShouldBe([email]);
        (await theirs.GetAsync($"/admin/users/{neighbour.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_AsPartnershipAdministrator_CanAddAnotherPartnershipAdministrator()
    {
        var organisation = await _data.CreateOrganisationAsync();
        var (_, browser) = await factory.PartnershipAdministratorAsync();
        var email = NewEmail();

        var created = await browser.PostFormAsync(Url(organisation.Id), Administrator(email, StaffRoles.PartnershipAdministrator));

        created.Status.ShouldBe(HttpStatusCode.Redirect, created.Html);
        (await factory.RolesOfAsync((await FindAsync(email))!.Id)).ShouldBe([StaffRoles.PartnershipAdministrator]);
    }

    [Fact]
    public async Task GetAndPost_OrganisationThatHasAnAdministrator_OffersNoAdministratorRole_AndRefusesOneAuditingTheAttempt()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var (partnership, browser) = await factory.PartnershipAdministratorAsync();
        var email = NewEmail();

        var form = await browser.GetAsync(Url(s.Own.Id));
        var page = await browser.PostFormAsync(Url(s.Own.Id), Administrator(email));

        form.Document.Choices().ShouldBe([StaffRoles.PartnershipAdministrator]);
        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Roles", "Select a role from the list");
        (await FindAsync(email)).ShouldBeNull();
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == partnership.Id && a.RecordType == AuditRecordTypes.User && a.Outcome == AuditOutcome.Denied))).ShouldBe(1);
    }

    [Fact]
    public async Task Post_Administrator_WhenTheOrganisationsOnlyAdministratorIsDisabled_AddsOne()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == s.Administrator.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, DateTime.UtcNow)));
        var (_, browser) = await factory.PartnershipAdministratorAsync();
        var email = NewEmail();

        var created = await browser.PostFormAsync(Url(s.Own.Id), Administrator(email));

        created.Status.ShouldBe(HttpStatusCode.Redirect, created.Html);
        (await FindAsync(email)).ShouldNotBeNull().OrganisationId.ShouldBe(s.Own.Id);
    }

    [Theory]
    [InlineData(StaffRoles.DataProtectionOfficer)]
    [InlineData(StaffRoles.Practitioner)]
    public async Task Post_WithARoleThatGivesAccessToRecords_ShowsErrorAddsNothingAndAuditsTheAttempt(string role)
    {
        var organisation = await _data.CreateOrganisationAsync();
        var (partnership, browser) = await factory.PartnershipAdministratorAsync();
        var email = NewEmail();

        var page = await browser.PostFormAsync(Url(organisation.Id), Administrator(email, role));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Roles", "Select a role from the list");
        (await FindAsync(email)).ShouldBeNull();
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == partnership.Id && a.RecordType == AuditRecordTypes.User && a.Outcome == AuditOutcome.Denied))).ShouldBe(1);
    }

    [Fact]
    public async Task Post_WithoutAnswers_ShowsErrors()
    {
        var organisation = await _data.CreateOrganisationAsync();
        var (_, browser) = await factory.PartnershipAdministratorAsync();

        var page = await browser.PostFormAsync(Url(organisation.Id), []);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_DisplayName", "Enter the person's full name");
        page.Document.AssertHasError("Input_Email", "Enter an email address");
        page.Document.AssertHasError("Input_Roles", "Select at least one role");
        page.Document.AssertHasError("Input_Password", "Enter a temporary password");
    }

    [Fact]
    public async Task GetAndPost_UnknownOrganisation_Return404()
    {
        var (partnership, browser) = await factory.PartnershipAdministratorAsync();
        var unknown = Guid.NewGuid();
        var email = NewEmail();
        var token = await browser.GetTokenAsync("/account/password");

        (await browser.GetAsync(Url(unknown))).Status.ShouldBe(HttpStatusCode.NotFound);
        (await browser.PostRawAsync(Url(unknown), [.. Administrator(email), new("__RequestVerificationToken", token)])).Status.ShouldBe(HttpStatusCode.NotFound);

        (await FindAsync(email)).ShouldBeNull();
        (await factory.DeniedAsync(partnership, AuditRecordTypes.Organisation, unknown)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task GetAndPost_AsOrganisationAdministrator_EvenForOwnOrganisation_Return403AndAddNothing()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var email = NewEmail();
        var token = await s.Browser.GetTokenAsync("/admin/users/new");

        foreach (var organisationId in new[] { s.Own.Id, s.Other.Id })
        {
            (await s.Browser.GetAsync(Url(organisationId))).Status.ShouldBe(HttpStatusCode.Forbidden);
            (await s.Browser.PostRawAsync(Url(organisationId), [.. Administrator(email), new("__RequestVerificationToken", token)])).Status.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await FindAsync(email)).ShouldBeNull();
    }
}
