using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Admin;

/// <summary>/admin/organisations/new: only a partnership administrator adds organisations to the partnership.</summary>
public sealed class OrganisationCreatePageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    /// <summary>The organisation form; two-factor is required unless <paramref name="requireTwoFactor"/> says otherwise.</summary>
    public static Dictionary<string, string> Organisation(string name, Guid? submissionId = null, Guid? version = null, string requireTwoFactor = "yes")
    {
        var fields = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Kind"] = "VoluntarySector", ["Input.RequireTwoFactor"] = requireTwoFactor };
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

    [Fact]
    public async Task GetAndPost_AsOrganisationAdministrator_Return403AndAddNothing()
    {
        var administrator = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var browser = await Browser.SignInAsync(factory, administrator);
        var name = TestData.Unique("Southwark Mind");
        var token = await browser.GetTokenAsync("/admin/users/new");

        var form = await browser.GetAsync("/admin/organisations/new");
        var posted = await browser.PostRawAsync("/admin/organisations/new", [.. Organisation(name, Guid.NewGuid()), new("__RequestVerificationToken", token)]);

        form.Status.ShouldBe(HttpStatusCode.Forbidden);
        posted.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name == name))).ShouldBeFalse();
    }

    [Fact]
    public async Task Post_AsPartnershipAdministrator_AddsOrganisationAuditsItAndListsItForTheOrganisation()
    {
        var (administrator, browser) = await factory.PartnershipAdministratorAsync();
        var name = TestData.Unique("Southwark Mind");

        var created = await browser.PostFormAsync("/admin/organisations/new", Organisation(name, Guid.NewGuid()));

        created.Status.ShouldBe(HttpStatusCode.Redirect, created.Html);
        var view = await browser.GetAsync(created.Location!);
        view.Document.Heading().ShouldBe(name);
        view.Document.GetSummaryListValue("Kind").ShouldBe("Voluntary sector");
        view.Document.GetSummaryListValue("Two-factor authentication").ShouldBe("Required for all staff");
        var id = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
        var audit = (await factory.AuditOfAsync(AuditRecordTypes.Organisation, id, AuditActions.Create)).ShouldHaveSingleItem();
        audit.UserId.ShouldBe(administrator.Id);
        (await factory.PartnershipActionsOnAsync(id)).Select(a => a.Id).ShouldContain(audit.Id);
    }

    [Fact]
    public async Task Post_WithTakenName_ShowsErrorAndAddsNothing()
    {
        var existing = await _data.CreateOrganisationAsync();
        var (_, browser) = await factory.PartnershipAdministratorAsync();
        var before = await factory.WithDbAsync(db => db.Organisations.CountAsync());

        var page = await browser.PostFormAsync("/admin/organisations/new", Organisation(existing.Name, Guid.NewGuid()));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Name", "An organisation with this name already exists");
        (await factory.WithDbAsync(db => db.Organisations.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Post_WithoutAnswers_ShowsErrors()
    {
        var (_, browser) = await factory.PartnershipAdministratorAsync();

        var page = await browser.PostFormAsync("/admin/organisations/new", new() { ["SubmissionId"] = Guid.NewGuid().ToString() });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Name", "Enter the organisation's name");
        page.Document.AssertHasError("Input_Kind", "Select the kind of organisation");
        page.Document.AssertHasError("Input_RequireTwoFactor", "Select whether staff must use two-factor authentication");
    }

    [Fact]
    public async Task Post_TwiceWithTheSameSubmissionId_CreatesOneOrganisation()
    {
        var (_, browser) = await factory.PartnershipAdministratorAsync();
        var name = TestData.Unique("Lambeth Probation");
        var submissionId = Guid.NewGuid();

        var first = await browser.PostFormAsync("/admin/organisations/new", Organisation(name, submissionId));
        var second = await browser.PostFormAsync("/admin/organisations/new", Organisation(name, submissionId));

        first.Status.ShouldBe(HttpStatusCode.Redirect);
        second.Location.ShouldBe(first.Location);
        var id = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
        (await factory.AuditOfAsync(AuditRecordTypes.Organisation, id, AuditActions.Create)).ShouldHaveSingleItem();
    }
}
