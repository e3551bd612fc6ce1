using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.Admin.OrganisationCreatePageTests;

namespace Throughcare.Tests.Pages.Admin;

/// <summary>/admin/organisations/{organisationId}/edit: an organisation's administrator changes their own organisation's details only.</summary>
public sealed class OrganisationEditPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private Task<string> NameOfAsync(Guid organisationId) => factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync());

    [Fact]
    public async Task GetAndPost_AnotherOrganisation_AsOrganisationAdministrator_Return404ChangeNothingAndAreAudited()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var url = $"/admin/organisations/{s.Other.Id}/edit";
        var token = await s.Browser.GetTokenAsync($"/admin/organisations/{s.Own.Id}/edit");

        var form = await s.Browser.GetAsync(url);
        var posted = await s.Browser.PostRawAsync(url, [.. Organisation(TestData.Unique("Renamed"), version: s.Other.Version), new("__RequestVerificationToken", token)]);

        form.Status.ShouldBe(HttpStatusCode.NotFound);
        posted.Status.ShouldBe(HttpStatusCode.NotFound);
        (await NameOfAsync(s.Other.Id)).ShouldBe(s.Other.Name);
        (await factory.AuditOfAsync(AuditRecordTypes.Organisation, s.Other.Id, AuditActions.Update)).ShouldBeEmpty();
        (await factory.DeniedAsync(s.Administrator, AuditRecordTypes.Organisation, s.Other.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Post_OwnOrganisation_SavesChangesAndAuditsThem()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var name = TestData.Unique("Renamed");

        var saved = await s.Browser.PostFormAsync($"/admin/organisations/{s.Own.Id}/edit", Organisation(name, version: s.Own.Version, requireTwoFactor: "no"));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        var view = await s.Browser.GetAsync(saved.Location!);
        view.Document.Heading().ShouldBe(name);
        view.Document.GetSummaryListValue("Kind").ShouldBe("Voluntary sector");
        (await factory.AuditOfAsync(AuditRecordTypes.Organisation, s.Own.Id, AuditActions.Update)).ShouldHaveSingleItem().UserId.ShouldBe(s.Administrator.Id);
    }

    [Fact]
    public async Task Post_WithStaleVersion_ShowsConflictWithBothVersionsAndOverwritesNothing()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var url = $"/admin/organisations/{s.Own.Id}/edit";
        var theirs = TestData.Unique("Theirs");
        var mine = TestData.Unique("Mine");
        (await s.Browser.PostFormAsync(url, Organisation(theirs, version: s.Own.Version, requireTwoFactor: "no"))).Status.ShouldBe(HttpStatusCode.Redirect);

        var conflict = await s.Browser.PostFormAsync(url, Organisation(mine, version: s.Own.Version, requireTwoFactor: "no"));

        conflict.Status.ShouldBe(HttpStatusCode.Conflict);
        conflict.Html.ShouldContain("Someone else changed this organisation while you were editing it");
        var nameRow = conflict.Document.QuerySelectorAll("tbody tr").Single(r => r.Children[0].Text() == "Name");
        nameRow.Children[1].Text().ShouldBe(theirs);
        nameRow.Children[2].Text().ShouldBe(mine);
        (await NameOfAsync(s.Own.Id)).ShouldBe(theirs);
        (await factory.AuditOfAsync(AuditRecordTypes.Organisation, s.Own.Id, AuditActions.Update)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Post_AnyOrganisation_AsPartnershipAdministrator_SavesAuditsAndListsTheChangeForIt()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var (administrator, browser) = await factory.PartnershipAdministratorAsync();
        var name = TestData.Unique("Renamed");

        var saved = await browser.PostFormAsync($"/admin/organisations/{s.Other.Id}/edit", Organisation(name, version: s.Other.Version));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        (await NameOfAsync(s.Other.Id)).ShouldBe(name);
        var audit = (await factory.AuditOfAsync(AuditRecordTypes.Organisation, s.Other.Id, AuditActions.Update)).ShouldHaveSingleItem();
        audit.UserId.ShouldBe(administrator.Id);
        (await factory.PartnershipActionsOnAsync(s.Other.Id)).Select(a => a.Id).ShouldContain(audit.Id);
        (await factory.PartnershipActionsOnAsync(s.Own.Id)).ShouldBeEmpty();
    }
}
