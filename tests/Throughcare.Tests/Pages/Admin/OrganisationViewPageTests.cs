using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Admin;

/// <summary>/admin/organisations/{organisationId}: an organisation's administrator sees and adds teams to their own organisation only.</summary>
public sealed class OrganisationViewPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    private Task<int> TeamCountAsync(Guid organisationId) => factory.WithDbAsync(db => db.Teams.CountAsync(t => t.OrganisationId == organisationId));

    [Fact]
    public async Task Get_AnotherOrganisation_AsOrganisationAdministrator_Returns404AndAuditsTheAttempt()
    {
        var s = await factory.AdministratorWithNeighbourAsync();

        var page = await s.Browser.GetAsync($"/admin/organisations/{s.Other.Id}");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Html.ShouldNotContain(s.Other.Name);
        (await factory.DeniedAsync(s.Administrator, AuditRecordTypes.Organisation, s.Other.Id)).ShouldHaveSingleItem().Action.ShouldBe(AuditActions.AccessDenied);
    }

    [Fact]
    public async Task PostAddTeam_AnotherOrganisation_AsOrganisationAdministrator_Returns404AddsNothingAndAuditsTheAttempt()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var token = await s.Browser.GetTokenAsync($"/admin/organisations/{s.Own.Id}");

        var page = await s.Browser.PostRawAsync($"/admin/organisations/{s.Other.Id}?handler=AddTeam", [new("Team.Name", "Sneaky team"), new("__RequestVerificationToken", token)]);

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        (await TeamCountAsync(s.Other.Id)).ShouldBe(1);
        (await factory.DeniedAsync(s.Administrator, AuditRecordTypes.Organisation, s.Other.Id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task PostAddTeam_OwnOrganisation_AddsTeamAndAuditsIt()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var url = $"/admin/organisations/{s.Own.Id}";

        var added = await s.Browser.PostFormAsync($"{url}?handler=AddTeam", new() { ["Team.Name"] = "Liaison and diversion" }, formPage: url);

        added.Status.ShouldBe(HttpStatusCode.Redirect, added.Html);
        var view = await s.Browser.GetAsync(added.Location!);
        view.Document.QuerySelectorAll(".govuk-list--bullet li").Select(li => li.Text()).ShouldContain("Liaison and diversion");
        var teamId = await factory.WithDbAsync(db => db.Teams.Where(t => t.OrganisationId == s.Own.Id && t.Name == "Liaison and diversion").Select(t => t.Id).SingleAsync());
        (await factory.AuditOfAsync(AuditRecordTypes.Team, teamId, AuditActions.Create)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task PostAddTeam_WithTakenName_ShowsErrorAndAddsNothing()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var url = $"/admin/organisations/{s.Own.Id}";

        var page = await s.Browser.PostFormAsync($"{url}?handler=AddTeam", new() { ["Team.Name"] = s.Own.Teams[0].Name }, formPage: url);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Team_Name", "This organisation already has a team with this name");
        (await TeamCountAsync(s.Own.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task PostAddTeam_AsNonAdministrator_Returns403AndAddsNothing()
    {
        var organisation = await _data.CreateOrganisationAsync();
        var manager = await _data.CreateUserAsync(organisation.Id, StaffRoles.Manager);
        var browser = await Browser.SignInAsync(factory, manager);
        var token = await browser.GetTokenAsync("/account/password");

        var page = await browser.PostRawAsync($"/admin/organisations/{organisation.Id}?handler=AddTeam", [new("Team.Name", "Sneaky team"), new("__RequestVerificationToken", token)]);

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await TeamCountAsync(organisation.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Get_AnyOrganisation_AsPartnershipAdministrator_ShowsItWithoutItsStaffAndIsListedForIt()
    {
        var organisation = await _data.CreateOrganisationAsync();
        var member = await _data.CreateUserAsync(organisation.Id);
        var (administrator, browser) = await factory.PartnershipAdministratorAsync();

        var page = await browser.GetAsync($"/admin/organisations/{organisation.Id}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.Heading().ShouldBe(organisation.Name);
        page.Document.GetSummaryListValue("Staff").ShouldBe("1 staff accounts");
        page.Document.QuerySelector("a[href^='/admin/users']").ShouldBeNull();
        page.Html.ShouldNotContain(member.Email);
        page.Document.QuerySelector($"a[href='/admin/organisations/{organisation.Id}/administrators/new']").ShouldNotBeNull();
        var viewed = (await factory.PartnershipActionsOnAsync(organisation.Id)).ShouldHaveSingleItem();
        (viewed.UserId, viewed.Action).ShouldBe((administrator.Id, AuditActions.View));
    }

    [Fact]
    public async Task PostAddTeam_AnyOrganisation_AsPartnershipAdministrator_AddsTeamAuditsItAndListsItForTheOrganisation()
    {
        var organisation = await _data.CreateOrganisationAsync();
        var (administrator, browser) = await factory.PartnershipAdministratorAsync();
        var url = $"/admin/organisations/{organisation.Id}";

        var added = await browser.PostFormAsync($"{url}?handler=AddTeam", new() { ["Team.Name"] = "Resettlement" }, formPage: url);

        added.Status.ShouldBe(HttpStatusCode.Redirect, added.Html);
        var teamId = await factory.WithDbAsync(db => db.Teams.Where(t => t.OrganisationId == organisation.Id && t.Name == "Resettlement").Select(t => t.Id).SingleAsync());
        var audit = (await factory.AuditOfAsync(AuditRecordTypes.Team, teamId, AuditActions.Create)).ShouldHaveSingleItem();
        audit.UserId.ShouldBe(administrator.Id);
        (await factory.PartnershipActionsOnAsync(organisation.Id)).Select(a => a.Id).ShouldContain(audit.Id);
    }

    [Fact]
    public async Task Get_OwnOrganisation_AsOrganisationAdministrator_LinksItsStaffAndIsNotListedAsAPartnershipAction()
    {
        var s = await factory.AdministratorWithNeighbourAsync();

        var page = await s.Browser.GetAsync($"/admin/organisations/{s.Own.Id}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("a[href='/admin/users']").ShouldNotBeNull();
        page.Document.QuerySelector("a[href$='/administrators/new']").ShouldBeNull();
        (await factory.PartnershipActionsOnAsync(s.Own.Id)).ShouldBeEmpty();
    }
}
