using System.Net;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Services;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;
using Throughcare.Tests.Pages.Referrals;

namespace Throughcare.Tests.Pages.Services;

public sealed class CreatePageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Fact]
    public async Task Get_AsAdministrator_ShowsEveryDocumentTypeNotUsedAndEveryBorough()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var browser = await Browser.SignInAsync(factory, admin);

        var page = await browser.GetAsync("/services/new");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.Heading().ShouldBe("Add a service");
        page.Document.QuerySelectorAll("input[name='Input.Boroughs']").Length.ShouldBe(34);
        page.Document.QuerySelectorAll("input[name$='].Use'][value='not-used']:checked").Length.ShouldBe(DocumentTypes.All.Count);
        page.Document.QuerySelector("input[name='Input.AcceptingReferrals'][value='yes']")!.HasAttribute("checked").ShouldBeTrue();
    }

    [Theory]
    [InlineData(StaffRoles.Practitioner)]
    [InlineData(StaffRoles.Manager)]
    public async Task GetAndPost_NotAnAdministrator_ReturnsForbiddenAndWritesNothing(string role)
    {
        var user = await _data.CreateStaffAsync(role);
        var browser = await Browser.SignInAsync(factory, user);
        var name = TestData.Unique("Forbidden service");

        (await browser.GetAsync("/services/new")).Status.ShouldBe(HttpStatusCode.Forbidden);
        var token = await browser.GetTokenAsync("/services");
        var page = await browser.PostRawAsync("/services/new", [KeyValuePair.Create("Input.Name", name), KeyValuePair.Create("__RequestVerificationToken", token)]);

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.FindServicesNamedAsync(name)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_Valid_CreatesTheServiceForTheAdministratorsOrganisationAndAuditsIt()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var browser = await Browser.SignInAsync(factory, admin);
        var name = TestData.Unique("Wellbeing pathway");
        var form = (await browser.NewServiceFormAsync(name))
            .With("Input.Description", "One-to-one emotional and practical support")
            .With("Input.MinimumAge", "18")
            .With("Input.MaximumAge", "65")
            .With("Input.RequiresOpdScreenedIn", "yes")
            .With("Input.Setting", "Community")
            .With("Input.CaseloadCapacity", "12");
        form[ServicesPages.DocumentField(form, DocumentTypes.ReferralForm)] = "required";
        form[ServicesPages.DocumentField(form, DocumentTypes.OASys)] = "required";
        form[ServicesPages.DocumentField(form, DocumentTypes.PreSentenceReport)] = "optional";

        var saved = await browser.PostWithAsync("/services/new", form, ("Input.GenderIdentities", "man"), ("Input.Boroughs", "hackney"), ("Input.Boroughs", "lambeth"));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        var serviceId = ServicesPages.ServiceIdFrom(saved.Location);
        saved.Location.ShouldBe($"/services/{serviceId}");
        var service = (await factory.FindServiceAsync(serviceId)).ShouldNotBeNull();
        service.OrganisationId.ShouldBe(admin.OrganisationId);
        service.Name.ShouldBe(name);
        service.Description.ShouldBe("One-to-one emotional and practical support");
        (service.MinimumAge, service.MaximumAge).ShouldBe((18, 65));
        service.GenderIdentities.ShouldBe(["man"]);
        service.RequiresOpdScreenedIn.ShouldBeTrue();
        service.Boroughs.ShouldBe(["hackney", "lambeth"], ignoreOrder: true);
        service.Setting.ShouldBe(ServiceSetting.Community);
        (service.MaximumEpisodeMonths, service.CaseloadCapacity, service.AcceptingReferrals).ShouldBe((18, 12, true));
        service.Documents.Select(d => (d.DocumentType, d.Required)).ShouldBe(
            [(DocumentTypes.ReferralForm, true), (DocumentTypes.OASys, true), (DocumentTypes.PreSentenceReport, false)], ignoreOrder: true);

        var audit = (await factory.ServiceAuditAsync(serviceId, AuditActions.Create)).ShouldHaveSingleItem();
        audit.ShouldBeSuccessBy(admin);
        audit.Changes().ShouldContain(("Name", null, name));
        audit.Changes().ShouldContain(("Ages", null, "18 to 65"));
        audit.Changes().ShouldContain(("Boroughs", null, "hackney, lambeth"));
        audit.EventType.ShouldBe(nameof(ServiceCreated));
        audit.PersonId.ShouldBeNull();
        var described = audit.Described().Changes.Select(c => (c.Field, c.From, c.To)).ToList();
        described.ShouldContain(("Boroughs", null, "Hackney, Lambeth"));
        described.ShouldContain(("Gender identities", null, "Man"));
        described.ShouldContain(("Custody or community", null, "In the community"));
        described.ShouldContain(("Documents required", null, "OASys assessment, OPD pan-London referral form"));
        described.ShouldContain(("Documents optional", null, "Pre-sentence report"));

        var view = await browser.GetAsync(saved.Location!);
        view.Document.Flash().ShouldBe("Service added");
    }

    [Fact]
    public async Task Post_SameSubmissionTwice_CreatesOneService()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var browser = await Browser.SignInAsync(factory, admin);
        var name = TestData.Unique("Double submitted");
        var form = await browser.NewServiceFormAsync(name);

        var first = await browser.PostRawAsync("/services/new", form);
        var second = await browser.PostRawAsync("/services/new", form);

        first.Status.ShouldBe(HttpStatusCode.Redirect, first.Html);
        second.Status.ShouldBe(HttpStatusCode.Redirect, second.Html);
        second.Location.ShouldBe(first.Location);
        var service = (await factory.FindServicesNamedAsync(name)).ShouldHaveSingleItem();
        (await factory.ServiceAuditAsync(service.Id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Post_NameYourOrganisationAlreadyUses_ShowsErrorAndWritesNothing()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var existing = await new ReferralTestData(factory).CreateServiceAsync(admin.OrganisationId);
        var browser = await Browser.SignInAsync(factory, admin);

        var page = await browser.PostRawAsync("/services/new", await browser.NewServiceFormAsync(existing.Name));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Name", "Your organisation already runs a service with this name");
        (await factory.FindServicesNamedAsync(existing.Name)).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("Input.Name", "", "Input_Name", "Enter the service's name")]
    [InlineData("Input.MinimumAge", "9", "Input_MinimumAge", "Minimum age must be a whole number between 10 and 120")]
    [InlineData("Input.MinimumAge", "eighteen", "Input_MinimumAge", "Minimum age must be a whole number between 10 and 120")]
    [InlineData("Input.MaximumAge", "121", "Input_MaximumAge", "Maximum age must be a whole number between 10 and 120")]
    [InlineData("Input.MaximumAge", "17", "Input_MaximumAge", "Maximum age must be the same as or more than the minimum age")]
    [InlineData("Input.RequiresOpdScreenedIn", "", "Input_RequiresOpdScreenedIn", "Select whether people must be screened in to the OPD pathway")]
    [InlineData("Input.Setting", "Somewhere", "Input_Setting", "Select whether the service is for people in custody, in the community or either")]
    [InlineData("Input.MaximumEpisodeMonths", "", "Input_MaximumEpisodeMonths", "Enter the longest episode in months")]
    [InlineData("Input.MaximumEpisodeMonths", "0", "Input_MaximumEpisodeMonths", "Longest episode must be a whole number of months between 1 and 60")]
    [InlineData("Input.MaximumEpisodeMonths", "61", "Input_MaximumEpisodeMonths", "Longest episode must be a whole number of months between 1 and 60")]
    [InlineData("Input.CaseloadCapacity", "", "Input_CaseloadCapacity", "Enter the caseload capacity per worker")]
    [InlineData("Input.CaseloadCapacity", "201", "Input_CaseloadCapacity", "Caseload capacity must be a whole number between 1 and 200")]
    [InlineData("Input.CaseloadCapacity", "1.5", "Input_CaseloadCapacity", "Caseload capacity must be a whole number between 1 and 200")]
    [InlineData("Input.AcceptingReferrals", "maybe", "Input_AcceptingReferrals", "Select whether the service is accepting referrals")]
    [InlineData("Input.Documents[2].Use", "sometimes", "Input_Documents_2__Use", "Select whether the OASys assessment is required, optional or not used")]
    [InlineData("Input.Description", "Hidden \u202E reversal", "Input_Description", "Description must not contain hidden control characters")]
    public async Task Post_Invalid_ShowsTheErrorWith400AndWritesNothing(string field, string value, string fieldId, string message)
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var browser = await Browser.SignInAsync(factory, admin);
        var name = TestData.Unique("Invalid service");
        var form = (await browser.NewServiceFormAsync(name)).With("Input.MinimumAge", "18").With(field, value);

        var page = await browser.PostRawAsync("/services/new", form);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(fieldId, message);
        (await factory.FindServicesNamedAsync(name)).ShouldBeEmpty();
        (await factory.WithDbAsync(db => Task.FromResult(db.AuditEvents.Count(a => a.RecordType == AuditRecordTypes.Service && a.UserId == admin.Id)))).ShouldBe(0);
    }

    [Theory]
    [InlineData("Input.GenderIdentities", "prefer-not-to-say", "Input_GenderIdentities", "Select gender identities from the list")]
    [InlineData("Input.Boroughs", "atlantis", "Input_Boroughs", "Select boroughs from the list")]
    public async Task Post_ChoiceNotOnTheList_ShowsErrorAndWritesNothing(string field, string value, string fieldId, string message)
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var browser = await Browser.SignInAsync(factory, admin);
        var name = TestData.Unique("Invalid choice");

        var page = await browser.PostWithAsync("/services/new", await browser.NewServiceFormAsync(name), (field, value));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(fieldId, message);
        (await factory.FindServicesNamedAsync(name)).ShouldBeEmpty();
    }
}
