using System.Net;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Services;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;
using Throughcare.Tests.Pages.Referrals;

namespace Throughcare.Tests.Pages.Services;

public sealed class AddStrandPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);
    private readonly ReferralTestData _services = new(factory);

    [Fact]
    public async Task Post_Valid_AddsTheStrandShowsItAndAuditsIt()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var service = await _services.CreateServiceAsync(admin.OrganisationId);
        var browser = await Browser.SignInAsync(factory, admin);
        var url = $"/services/{service.Id}/strands/new";

        var saved = await browser.PostFormAsync(url, new() { ["Input.Name"] = "Peer support", ["Input.WorkerRole"] = "peer-mentor" });

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        saved.Location.ShouldBe($"/services/{service.Id}");
        var after = (await factory.FindServiceAsync(service.Id))!;
        after.Strands.Select(s => (s.Name, s.WorkerRole)).ShouldContain(("Peer support", "peer-mentor"));
        after.Strands.Count.ShouldBe(3);
        after.Version.ShouldNotBe(service.Version);
        var audit = (await factory.ServiceAuditAsync(service.Id, AuditActions.Update)).ShouldHaveSingleItem();
        audit.ShouldBeSuccessBy(admin);
        audit.EventType.ShouldBe(nameof(ServiceStrandAdded));
        audit.PersonId.ShouldBeNull();
        var strand = after.Strands.Single(s => s.Name == "Peer support");
        AuditEventTypes.Read(audit.EventType, audit.Details).ShouldBe(new ServiceStrandAdded(service.Id, strand.Id, "Peer support", "peer-mentor", "practical"));
        audit.Described().Changes.Select(c => (c.Field, c.From, c.To)).ShouldBe([("Strand", null, "Peer support (Peer mentor)"), ("Interventions for Peer support", null, "Practical support")]);

        var view = await browser.GetAsync(saved.Location!);
        view.Document.Flash().ShouldBe("Strand added");
        view.Document.QuerySelectorAll("tbody tr").Select(r => (r.Children[0].Text(), r.Children[1].Text())).ShouldContain(("Peer support", "Peer mentor"));
    }

    [Fact]
    public async Task Post_WithAnInterventionList_SavesIt_AndRejectsAnUnknownOne()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var service = await _services.CreateServiceAsync(admin.OrganisationId);
        var browser = await Browser.SignInAsync(factory, admin);
        var url = $"/services/{service.Id}/strands/new";

        var bad = await browser.PostFormAsync(url, new() { ["Input.Name"] = "Peer support", ["Input.WorkerRole"] = "peer-mentor", ["Input.InterventionList"] = "astrology" });
        bad.Status.ShouldBe(HttpStatusCode.BadRequest);
        bad.Document.AssertHasError("Input_InterventionList", "Select the list of interventions the strand uses");

        var saved = await browser.PostFormAsync(url, new() { ["Input.Name"] = "Peer support", ["Input.WorkerRole"] = "peer-mentor", ["Input.InterventionList"] = "emotional" });

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        (await factory.FindServiceAsync(service.Id))!.Strands.Single(s => s.Name == "Peer support").InterventionList.ShouldBe("emotional");
    }

    [Fact]
    public async Task Post_Empty_ShowsBothErrorsWith400AndWritesNothing()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var service = await _services.CreateServiceAsync(admin.OrganisationId);
        var browser = await Browser.SignInAsync(factory, admin);

        var page = await browser.PostFormAsync($"/services/{service.Id}/strands/new", new() { ["Input.Name"] = " ", ["Input.WorkerRole"] = "astronaut" });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Name", "Enter the strand's name");
        page.Document.AssertHasError("Input_WorkerRole", "Select the worker's role");
        (await factory.FindServiceAsync(service.Id))!.Strands.Count.ShouldBe(2);
        (await factory.ServiceAuditAsync(service.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_NameTheServiceAlreadyHas_ShowsError()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var service = await _services.CreateServiceAsync(admin.OrganisationId);
        var browser = await Browser.SignInAsync(factory, admin);

        var page = await browser.PostFormAsync($"/services/{service.Id}/strands/new", new() { ["Input.Name"] = "Emotional support", ["Input.WorkerRole"] = "psychologist" });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Name", "This service already has a strand with this name");
        (await factory.FindServiceAsync(service.Id))!.Strands.Count.ShouldBe(2);
    }

    [Fact]
    public async Task GetAndPost_AdministratorOfAnotherOrganisation_ReturnNotFoundAndAreAuditedAsDenied()
    {
        var owner = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var other = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var service = await _services.CreateServiceAsync(owner.OrganisationId);
        var browser = await Browser.SignInAsync(factory, other);

        (await browser.GetAsync($"/services/{service.Id}/strands/new")).Status.ShouldBe(HttpStatusCode.NotFound);
        var page = await browser.PostFormAsync($"/services/{service.Id}/strands/new", new() { ["Input.Name"] = "Sneaky", ["Input.WorkerRole"] = "clw" }, formPage: "/services/new");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.FindServiceAsync(service.Id))!.Strands.Count.ShouldBe(2);
        var audit = await factory.ServiceAuditAsync(service.Id);
        audit.Count.ShouldBe(2);
        audit.ShouldAllBe(a => a.UserId == other.Id && a.Outcome == AuditOutcome.Denied && a.Action == AuditActions.AccessDenied);
    }

    [Fact]
    public async Task Get_Practitioner_ReturnsForbidden()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var practitioner = await _data.CreateUserAsync(admin.OrganisationId, StaffRoles.Practitioner);
        var service = await _services.CreateServiceAsync(admin.OrganisationId);
        var browser = await Browser.SignInAsync(factory, practitioner);

        (await browser.GetAsync($"/services/{service.Id}/strands/new")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
