using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.Admin.OrganisationCreatePageTests;

namespace Throughcare.Tests.Pages.Admin;

/// <summary>/audit/partnership-administration: each organisation's data protection officer sees what partnership administrators did to it.</summary>
public sealed class PartnershipAdministrationAuditPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private const string Url = "/audit/partnership-administration";

    private readonly TestData _data = new(factory);

    [Fact]
    public async Task Get_ShowsEachActionOnTheOrganisation_NewestFirst_ToItsOwnDataProtectionOfficerOnly()
    {
        var s = await factory.AdministratorWithNeighbourAsync();
        var (partnership, browser) = await factory.PartnershipAdministratorAsync();
        var renamed = TestData.Unique("Renamed");
        var email = $"amara-{Guid.NewGuid():N}@example.test";
        (await browser.PostFormAsync($"/admin/organisations/{s.Own.Id}/edit", Organisation(renamed, version: s.Own.Version, requireTwoFactor: "no"))).Status.ShouldBe(HttpStatusCode.Redirect);
        (await browser.PostFormAsync($"/admin/organisations/{s.Own.Id}?handler=AddTeam", new() { ["Team.Name"] = "Resettlement" }, $"/admin/organisations/{s.Own.Id}")).Status.ShouldBe(HttpStatusCode.Redirect);
        (await browser.PostFormAsync($"/admin/organisations/{s.Own.Id}/administrators/new", new()
        {
            ["Input.DisplayName"] = "Amara Okafor",
            ["Input.Email"] = email,
            ["Input.Roles"] = StaffRoles.PartnershipAdministrator,
            ["Input.Password"] = AdminPages.StrongPassword,
        })).Status.ShouldBe(HttpStatusCode.Redirect);
        var neighbourName = TestData.Unique("Neighbour renamed");
        (await browser.PostFormAsync($"/admin/organisations/{s.Other.Id}/edit", Organisation(neighbourName, version: s.Other.Version, requireTwoFactor: "no"))).Status.ShouldBe(HttpStatusCode.Redirect);
        var officer = await _data.CreateUserAsync(s.Own.Id, StaffRoles.DataProtectionOfficer);
        var neighboursOfficer = await _data.CreateUserAsync(s.Other.Id, StaffRoles.DataProtectionOfficer);

        var page = await (await Browser.SignInAsync(factory, officer)).GetAsync(Url);
        var theirs = await (await Browser.SignInAsync(factory, neighboursOfficer)).GetAsync(Url);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.Heading().ShouldBe("Partnership administrators' actions");
        var done = page.Document.TableColumn(2).Zip(page.Document.TableColumn(3), (what, about) => $"{what}: {about}").ToList();
        done.ShouldBe(
        [
            $"Added a staff account: Amara Okafor ({email})",
            "Opened the organisation's administration pages: " + renamed,
            "Added a team: Resettlement",
            "Opened the organisation's administration pages: " + renamed,
            "Changed the organisation's details: " + renamed,
            "Opened the organisation's administration pages: " + renamed,
        ]);
        page.Document.TableColumn(1).ShouldAllBe(who => who.StartsWith(partnership.Email, StringComparison.Ordinal));
        page.Html.ShouldNotContain(neighbourName);
        theirs.Document.TableColumn(3).ShouldBe([neighbourName, neighbourName]);
        theirs.Html.ShouldNotContain(renamed);
        theirs.Html.ShouldNotContain(email);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == officer.Id && a.Action == AuditActions.AuditSearch))).ShouldBe(1);
    }

    [Fact]
    public async Task Get_PagesFiftyActionsAtATime()
    {
        var organisation = await _data.CreateOrganisationAsync();
        var (partnership, _) = await factory.PartnershipAdministratorAsync();
        // The organisation's creation first, then fifty later actions: the oldest is alone on the second page.
        await ListActionsAsync(partnership, organisation.Id, AuditActions.Create, 1);
        await ListActionsAsync(partnership, organisation.Id, AuditActions.View, 50);
        var officer = await Browser.SignInAsync(factory, await _data.CreateUserAsync(organisation.Id, StaffRoles.DataProtectionOfficer));

        var first = await officer.GetAsync(Url);
        var second = await officer.GetAsync(Url + "?page=2");

        first.Document.TableColumn(2).Count.ShouldBe(50);
        first.Document.QuerySelector(".govuk-pagination a[href*='page=2']").ShouldNotBeNull();
        second.Document.TableColumn(2).ShouldBe(["Added the organisation"]);
    }

    [Fact]
    public async Task AuditPage_LinksToIt()
    {
        var officer = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer));

        var page = await officer.GetAsync("/audit");

        page.Document.QuerySelector($"a[href='{Url}']").ShouldNotBeNull();
        (await officer.GetAsync(Url)).Document.QuerySelector("#partnership-actions").ShouldBeNull();
    }

    [Theory]
    [InlineData(StaffRoles.Administrator)]
    [InlineData(StaffRoles.PartnershipAdministrator)]
    [InlineData(StaffRoles.Manager)]
    public async Task Get_AsAnyoneButADataProtectionOfficer_Returns403(string role)
    {
        var browser = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(role));

        (await browser.GetAsync(Url)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    private Task<int> ListActionsAsync(TestUser partnership, Guid organisationId, string action, int count) =>
        factory.WithDbAsync(db =>
        {
            for (var i = 0; i < count; i++)
            {
                var audit = new AuditEvent
                {
                    UserId = partnership.Id,
                    UserName = partnership.Email,
                    OrganisationId = partnership.OrganisationId,
                    Role = StaffRoles.PartnershipAdministrator,
                    RecordType = AuditRecordTypes.Organisation,
                    RecordId = organisationId.ToString(),
                    Action = action,
                    OccurredAt = AuditChain.TruncateToMicroseconds(factory.UtcNow),
                };
                db.AuditEvents.Add(audit);
                db.PartnershipActions.Add(new PartnershipAction { Id = Guid.NewGuid(), AuditEventId = audit.Id, OrganisationId = organisationId });
            }

            return db.SaveChangesAsync();
        });
}
