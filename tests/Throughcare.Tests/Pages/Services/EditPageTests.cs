using System.Net;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Services;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;
using Throughcare.Tests.Pages.Referrals;

namespace Throughcare.Tests.Pages.Services;

public sealed class EditPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);
    private readonly ReferralTestData _services = new(factory);

    [Fact]
    public async Task Get_ShowsTheSavedSettings()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var service = await _services.CreateServiceAsync(admin.OrganisationId, s => s.Boroughs = ["southwark"]);
        var browser = await Browser.SignInAsync(factory, admin);

        var page = await browser.GetAsync($"/services/{service.Id}/edit");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var form = page.Document.FormFields();
        form["Input.Name"].ShouldBe(service.Name);
        form["Input.MinimumAge"].ShouldBe("18");
        form["Input.MaximumAge"].ShouldBe("");
        form["Input.GenderIdentities"].ShouldBe("man");
        form["Input.Boroughs"].ShouldBe("southwark");
        form["Input.RequiresOpdScreenedIn"].ShouldBe("yes");
        form["Input.Setting"].ShouldBe("Community");
        form["Input.CaseloadCapacity"].ShouldBe("3");
        form[ServicesPages.DocumentField(form, DocumentTypes.OASys)].ShouldBe("required");
        form[ServicesPages.DocumentField(form, DocumentTypes.PreSentenceReport)].ShouldBe("optional");
        form[ServicesPages.DocumentField(form, DocumentTypes.PsychologicalReport)].ShouldBe("not-used");
        form["Version"].ShouldBe(service.Version.ToString());
    }

    [Fact]
    public async Task Post_Changes_SavesThemAndAuditsEachAsFromTo()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var service = await _services.CreateServiceAsync(admin.OrganisationId);
        var browser = await Browser.SignInAsync(factory, admin);
        var form = (await browser.GetAsync($"/services/{service.Id}/edit")).Document.FormFields()
            .With("Input.CaseloadCapacity", "15")
            .With("Input.AcceptingReferrals", "no");
        form[ServicesPages.DocumentField(form, DocumentTypes.PreSentenceReport)] = "not-used";

        var saved = await browser.PostRawAsync($"/services/{service.Id}/edit", form);

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        saved.Location.ShouldBe($"/services/{service.Id}");
        (await browser.GetAsync(saved.Location!)).Document.Flash().ShouldBe("Service details saved");
        var after = (await factory.FindServiceAsync(service.Id)).ShouldNotBeNull();
        after.CaseloadCapacity.ShouldBe(15);
        after.AcceptingReferrals.ShouldBeFalse();
        after.Documents.Select(d => d.DocumentType).ShouldBe([DocumentTypes.ReferralForm, DocumentTypes.Formulation, DocumentTypes.OASys], ignoreOrder: true);
        after.Strands.Count.ShouldBe(2);
        after.Version.ShouldNotBe(service.Version);

        var audit = (await factory.ServiceAuditAsync(service.Id, AuditActions.Update)).ShouldHaveSingleItem();
        audit.ShouldBeSuccessBy(admin);
        audit.Changes().ShouldBe(
        [
            ("Caseload capacity", "3", "15"),
            ("Accepting referrals", "Yes", "No"),
            ("Documents optional", "pre-sentence-report", null),
        ], ignoreOrder: true);
        audit.EventType.ShouldBe(nameof(ServiceUpdated));
        audit.Described().Changes.Select(c => (c.Field, c.From, c.To)).ShouldContain(("Documents optional", "Pre-sentence report", null));
    }

    [Fact]
    public async Task Post_EngagementSettings_SavesThemAndAuditsEachAsFromTo()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var service = await _services.CreateServiceAsync(admin.OrganisationId);
        var browser = await Browser.SignInAsync(factory, admin);
        var form = (await browser.GetAsync($"/services/{service.Id}/edit")).Document.FormFields();
        form["Input.ReviewIntervalMonths"].ShouldBe(service.ReviewIntervalMonths.ToString(System.Globalization.CultureInfo.InvariantCulture));
        form = form.With("Input.ReviewIntervalMonths", "6").With("Input.AtRiskMissedInARow", "2")
            .With("Input.AtRiskWeeksWithoutContact", "8").With("Input.MinimumReengagementAttempts", "4");

        var saved = await browser.PostRawAsync($"/services/{service.Id}/edit", form);

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        var after = (await factory.FindServiceAsync(service.Id)).ShouldNotBeNull();
        (after.ReviewIntervalMonths, after.AtRiskMissedInARow, after.AtRiskWeeksWithoutContact, after.MinimumReengagementAttempts).ShouldBe((6, 2, 8, 4));
        var audit = (await factory.ServiceAuditAsync(service.Id, AuditActions.Update)).ShouldHaveSingleItem();
        audit.Changes().ShouldBe(
        [
            ("Review interval (months)", "3", "6"),
            ("At risk after did-not-attends in a row", "3", "2"),
            ("At risk after weeks without contact", "4", "8"),
            ("Minimum re-engagement attempts", "3", "4"),
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData("Input.Name", "", "Input_Name", "Enter the service's name")]
    [InlineData("Input.MinimumAge", "130", "Input_MinimumAge", "Minimum age must be a whole number between 10 and 120")]
    [InlineData("Input.MaximumAge", "16", "Input_MaximumAge", "Maximum age must be the same as or more than the minimum age")]
    [InlineData("Input.MaximumEpisodeMonths", "72", "Input_MaximumEpisodeMonths", "Longest episode must be a whole number of months between 1 and 60")]
    [InlineData("Input.CaseloadCapacity", "0", "Input_CaseloadCapacity", "Caseload capacity must be a whole number between 1 and 200")]
    [InlineData("Input.ReviewIntervalMonths", "", "Input_ReviewIntervalMonths", "Enter how often episodes are reviewed, in months")]
    [InlineData("Input.ReviewIntervalMonths", "13", "Input_ReviewIntervalMonths", "Review interval must be a whole number of months between 1 and 12")]
    [InlineData("Input.AtRiskMissedInARow", "11", "Input_AtRiskMissedInARow", "Did-not-attends in a row must be a whole number between 1 and 10")]
    [InlineData("Input.AtRiskWeeksWithoutContact", "27", "Input_AtRiskWeeksWithoutContact", "Weeks without contact must be a whole number between 1 and 26")]
    [InlineData("Input.AtRiskWeeksWithoutContact", "", "Input_AtRiskWeeksWithoutContact", "Enter how many weeks without contact put an episode at risk")]
    [InlineData("Input.MinimumReengagementAttempts", "0", "Input_MinimumReengagementAttempts", "Re-engagement attempts must be a whole number between 1 and 10")]
    [InlineData("Input.MinimumReengagementAttempts", "two", "Input_MinimumReengagementAttempts", "Re-engagement attempts must be a whole number between 1 and 10")]
    public async Task Post_Invalid_ShowsTheErrorWith400AndChangesNothing(string field, string value, string fieldId, string message)
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var service = await _services.CreateServiceAsync(admin.OrganisationId);
        var browser = await Browser.SignInAsync(factory, admin);
        var form = (await browser.GetAsync($"/services/{service.Id}/edit")).Document.FormFields().With(field, value);

        var page = await browser.PostRawAsync($"/services/{service.Id}/edit", form);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(fieldId, message);
        var after = (await factory.FindServiceAsync(service.Id)).ShouldNotBeNull();
        after.Version.ShouldBe(service.Version);
        (after.Name, after.MinimumAge, after.MaximumEpisodeMonths, after.CaseloadCapacity).ShouldBe((service.Name, 18, 18, 3));
        (await factory.ServiceAuditAsync(service.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_StaleVersion_ShowsConflictWithTheirVersionAndYoursAndOverwritesNothing()
    {
        var first = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var second = await _data.CreateUserAsync(first.OrganisationId, StaffRoles.Administrator);
        var service = await _services.CreateServiceAsync(first.OrganisationId);
        var (firstEditor, secondEditor) = (await Browser.SignInAsync(factory, first), await Browser.SignInAsync(factory, second));
        var url = $"/services/{service.Id}/edit";
        var firstForm = (await firstEditor.GetAsync(url)).Document.FormFields();
        var secondForm = (await secondEditor.GetAsync(url)).Document.FormFields();
        (await firstEditor.PostRawAsync(url, firstForm.With("Input.CaseloadCapacity", "10"))).Status.ShouldBe(HttpStatusCode.Redirect);
        var saved = (await factory.FindServiceAsync(service.Id))!;

        var page = await secondEditor.PostRawAsync(url, secondForm.With("Input.CaseloadCapacity", "20").With("Input.MaximumEpisodeMonths", "12"));

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        page.Html.ShouldContain("Someone else changed this service while you were editing it");
        var rows = page.Document.QuerySelectorAll("tbody tr").Select(r => (r.Children[0].Text(), r.Children[1].Text(), r.Children[2].Text())).ToList();
        rows.ShouldBe([("Longest episode", "18 months", "12 months"), ("Caseload capacity", "10 people per worker", "20 people per worker")]);
        page.Document.InputValue("Input.CaseloadCapacity").ShouldBe("20", "the user's own answers stay on the form");
        page.Document.InputValue("Input.MaximumEpisodeMonths").ShouldBe("12");
        page.Document.InputValue("Version").ShouldBe(saved.Version.ToString());
        var after = (await factory.FindServiceAsync(service.Id))!;
        (after.CaseloadCapacity, after.MaximumEpisodeMonths, after.Version).ShouldBe((10, 18, saved.Version));
        (await factory.ServiceAuditAsync(service.Id, AuditActions.Update)).ShouldHaveSingleItem().ShouldBeSuccessBy(first);

        // Having seen theirs, saving again replaces it with the user's own.
        var again = await secondEditor.PostRawAsync(url, page.Document.FormFields());
        again.Status.ShouldBe(HttpStatusCode.Redirect, again.Html);
        var replaced = (await factory.FindServiceAsync(service.Id))!;
        (replaced.CaseloadCapacity, replaced.MaximumEpisodeMonths).ShouldBe((20, 12));
    }

    [Fact]
    public async Task GetAndPost_AdministratorOfAnotherOrganisation_ReturnNotFoundChangeNothingAndAreAuditedAsDenied()
    {
        var owner = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var other = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var service = await _services.CreateServiceAsync(owner.OrganisationId);
        var ownerForm = (await (await Browser.SignInAsync(factory, owner)).GetAsync($"/services/{service.Id}/edit")).Document.FormFields();
        var browser = await Browser.SignInAsync(factory, other);

        (await browser.GetAsync($"/services/{service.Id}/edit")).Status.ShouldBe(HttpStatusCode.NotFound);
        ownerForm["__RequestVerificationToken"] = await browser.GetTokenAsync("/services/new");
        var page = await browser.PostRawAsync($"/services/{service.Id}/edit", ownerForm.With("Input.CaseloadCapacity", "99"));

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.FindServiceAsync(service.Id))!.CaseloadCapacity.ShouldBe(3);
        var audit = await factory.ServiceAuditAsync(service.Id);
        audit.Count.ShouldBe(2);
        audit.ShouldAllBe(a => a.UserId == other.Id && a.Outcome == AuditOutcome.Denied && a.Action == AuditActions.AccessDenied);
    }

    [Fact]
    public async Task GetAndPost_PractitionerOfTheOrganisation_ReturnsForbidden()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var practitioner = await _data.CreateUserAsync(admin.OrganisationId, StaffRoles.Practitioner, StaffRoles.Manager);
        var service = await _services.CreateServiceAsync(admin.OrganisationId);
        var browser = await Browser.SignInAsync(factory, practitioner);

        (await browser.GetAsync($"/services/{service.Id}/edit")).Status.ShouldBe(HttpStatusCode.Forbidden);
        var token = await browser.GetTokenAsync($"/services/{service.Id}");
        var page = await browser.PostRawAsync($"/services/{service.Id}/edit", [KeyValuePair.Create("Input.Name", "Renamed"), KeyValuePair.Create("__RequestVerificationToken", token)]);

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.FindServiceAsync(service.Id))!.Name.ShouldBe(service.Name);
    }
}
