using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Episodes.Appointments;
using static Throughcare.Tests.Pages.People.PeoplePages;

namespace Throughcare.Tests.Pages.People;

public sealed class MergePageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Theory]
    [InlineData(StaffRoles.Practitioner)]
    [InlineData(StaffRoles.Manager)]
    [InlineData(StaffRoles.DataProtectionOfficer)]
    public async Task Get_WithoutAdministratorRole_IsForbidden(string role)
    {
        var user = await _data.CreateStaffAsync(role);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync("/people/merge");

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_Practitioner_IsForbiddenAndMergesNothing()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var (keepId, mergeId) = await CreatePairAsync(user.OrganisationId);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.PostFormAsync("/people/merge", MergeForm(keepId, mergeId, confirmed: true), formPage: "/people/new");

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.FindPersonAsync(mergeId))!.MergedIntoPersonId.ShouldBeNull();
        (await factory.AuditEventsAsync(keepId, AuditActions.Merge)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_WithoutConfirmation_ShowsPreviewAndChangesNothing()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var (keepId, mergeId) = await CreatePairAsync(admin.OrganisationId);
        var browser = await Browser.SignInAsync(factory, admin);

        var page = await browser.PostFormAsync("/people/merge", MergeForm(keepId, mergeId, confirmed: false));

        page.Status.ShouldBe(HttpStatusCode.OK);
        var rows = page.Document.QuerySelectorAll("tbody tr").ToDictionary(r => r.Children[0].Text(), r => (Keep: r.Children[1].Text(), Merge: r.Children[2].Text()));
        rows["First name"].ShouldBe(("Mohamed", "Mohammed"));
        rows["CRN"].ShouldBe(("", "X765432"));
        page.Document.InputValue("Input.Confirmed").ShouldBe("true");
        (await factory.FindPersonAsync(mergeId))!.MergedIntoPersonId.ShouldBeNull();
        (await factory.FindPersonAsync(keepId))!.Aliases.ShouldBeEmpty();
        foreach (var id in new[] { keepId, mergeId })
        {
            // The practitioner who added the alias read the record too; the administrator's preview is one read of each.
            var audit = (await factory.AuditEventsAsync(id, AuditActions.View)).Where(a => a.UserId == admin.Id).ShouldHaveSingleItem();
            audit.ShouldBeSuccessBy(admin);
            audit.Purpose.ShouldBe("merge");
            (await factory.AuditEventsAsync(id, AuditActions.Merge)).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Post_Confirmed_KeptRecordGainsAliasesAndMissingIdentifiers()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var (keepId, mergeId) = await CreatePairAsync(admin.OrganisationId);
        var browser = await Browser.SignInAsync(factory, admin);
        var preview = await browser.PostFormAsync("/people/merge", MergeForm(keepId, mergeId, confirmed: false));

        var page = await browser.PostRawAsync("/people/merge", preview.Document.FormFields());

        page.Status.ShouldBe(HttpStatusCode.Redirect, page.Html);
        page.Location.ShouldBe($"/people/{keepId}");
        var keep = (await factory.FindPersonAsync(keepId))!;
        keep.Details.GivenName.ShouldBe("Mohamed");
        keep.Details.NhsNumber.ShouldBe("9434765919");
        keep.Details.Crn.ShouldBe("X765432");
        keep.Details.PrisonNumber.ShouldBe("A1234BC");
        keep.Aliases.Select(a => $"{a.GivenName} {a.FamilyName}").ShouldBe(["Mohammed Rahman", "Mo Rahman"], ignoreOrder: true);
        var merged = (await factory.FindPersonAsync(mergeId))!;
        merged.MergedIntoPersonId.ShouldBe(keepId);
        merged.MergedAt.ShouldNotBeNull();

        var mergeAudit = (await factory.AuditEventsAsync(keepId, AuditActions.Merge)).ShouldHaveSingleItem();
        mergeAudit.ShouldBeSuccessBy(admin);
        mergeAudit.Details.ShouldNotBeNull().ShouldContain("Same NHS number and date of birth");
        mergeAudit.Details.ShouldContain("X765432");
        (await factory.AuditEventsAsync(mergeId, AuditActions.MergedInto)).ShouldHaveSingleItem().ShouldBeSuccessBy(admin);

        var view = await browser.GetAsync(page.Location!);
        view.Document.QuerySelector(".govuk-notification-banner__heading").Text().ShouldBe("Records merged");
        view.Document.GetSummaryListValue("CRN").ShouldBe("X765432");
        view.Document.QuerySelectorAll(".govuk-summary-list__value li").Select(li => li.Text()).ShouldBe(["Mo Rahman", "Mohammed Rahman"], ignoreOrder: true);
        (await browser.GetAsync($"/people/{mergeId}")).Location.ShouldBe($"/people/{keepId}");
    }

    [Fact]
    public async Task Get_KeptRecordHistory_IncludesTheMergedRecordsEvents()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var (keepId, mergeId) = await CreatePairAsync(admin.OrganisationId);
        var browser = await Browser.SignInAsync(factory, admin);
        await SaveChangeAsync(browser, mergeId, "Input.Phone", "020 7946 0999");
        (await browser.PostFormAsync("/people/merge", MergeForm(keepId, mergeId, confirmed: true))).Status.ShouldBe(HttpStatusCode.Redirect);

        var page = await browser.GetAsync($"/people/{keepId}/history");

        var titles = page.Document.QuerySelectorAll(".moj-timeline__title").Select(t => t.Text()).ToList();
        titles.Take(2).ShouldBe(["Record merged into this one", "Another record merged into this one"], ignoreOrder: true);
        titles.Skip(2).ShouldBe(["Details changed", "Alias added", "Merged record created", "Record created"]);
        page.Html.ShouldContain("020 7946 0999");
        page.Html.ShouldContain("Reason: Same NHS number and date of birth");
        (await factory.AuditEventsAsync(keepId, AuditActions.ViewHistory)).ShouldHaveSingleItem().ShouldBeSuccessBy(admin);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_RecordFromAnotherOrganisation_IsRefusedAndChangesNothing(bool foreignIsTheOneToMerge)
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var other = await _data.CreateOrganisationAsync();
        var ownId = await _data.CreatePersonAsync(admin.OrganisationId, d => d with { GivenName = "Mohamed", FamilyName = "Rahman" });
        var foreignId = await _data.CreatePersonAsync(other.Id, d => d with { GivenName = "Mohammed", FamilyName = "Rahman" });
        var (keepId, mergeId) = foreignIsTheOneToMerge ? (ownId, foreignId) : (foreignId, ownId);
        var browser = await Browser.SignInAsync(factory, admin);

        var page = await browser.PostFormAsync("/people/merge", MergeForm(keepId, mergeId, confirmed: true));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(foreignIsTheOneToMerge ? "Input_MergePersonId" : "Input_KeepPersonId", "No record with this reference was found");
        page.Html.ShouldNotContain("Mohammed");
        (await factory.FindPersonAsync(ownId))!.MergedIntoPersonId.ShouldBeNull();
        (await factory.FindPersonAsync(foreignId))!.MergedIntoPersonId.ShouldBeNull();
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.PersonId == foreignId && a.Action != AuditActions.Create))).ShouldBe(0);
        (await factory.AuditEventsAsync(ownId, AuditActions.Merge)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_SameRecordTwiceWithoutReason_ShowsErrors()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var personId = await _data.CreatePersonAsync(admin.OrganisationId);
        var browser = await Browser.SignInAsync(factory, admin);

        var page = await browser.PostFormAsync("/people/merge", MergeForm(personId, personId, confirmed: true).With("Input.Reason", ""));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_MergePersonId", "Enter two different records");
        page.Document.AssertHasError("Input_Reason", "Enter why these are the same person");
        (await factory.AuditEventsAsync(personId, AuditActions.Merge)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_ReferencesNotInTheRightFormat_ShowsErrors()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var browser = await Browser.SignInAsync(factory, admin);

        var page = await browser.PostFormAsync("/people/merge", new() { ["Input.KeepPersonId"] = "123", ["Input.MergePersonId"] = "", ["Input.Reason"] = "Same person" });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_KeepPersonId", "Enter the reference of the record to keep, like 3f2b1c9e-…");
        page.Document.AssertHasError("Input_MergePersonId", "Enter the reference of the record to merge");
    }

    [Fact]
    public async Task Post_Confirmed_LeavesAppointmentsWithTheirEpisode_AndMovesAReminderPreferenceOnlyWhereTheKeptRecordHasNone()
    {
        var scenario = await AppointmentForms.CreateAsync(factory);
        var organisationId = scenario.Service.OrganisationId;
        var appointment = await AppointmentForms.SeedAsync(factory, scenario, AppointmentForms.AheadAt());
        var keepId = await _data.CreatePersonAsync(organisationId);
        var laterId = await _data.CreatePersonAsync(organisationId);
        await factory.WithDbAsync(db =>
        {
            db.ReminderPreferences.Add(new ReminderPreference { PersonId = scenario.PersonId, Consents = true, Channel = ReminderChannel.TextMessage, RecordedAt = factory.UtcNow, RecordedByUserId = scenario.EmotionalWorker.Id });
            db.ReminderPreferences.Add(new ReminderPreference { PersonId = laterId, Consents = false, RecordedAt = factory.UtcNow, RecordedByUserId = scenario.EmotionalWorker.Id });
            return db.SaveChangesAsync();
        });
        var admin = await Browser.SignInAsync(factory, await _data.CreateUserAsync(organisationId, StaffRoles.Administrator));

        foreach (var mergeId in new[] { scenario.PersonId, laterId })
        {
            var preview = await admin.PostFormAsync("/people/merge", MergeForm(keepId, mergeId, confirmed: false));
            (await admin.PostRawAsync("/people/merge", preview.Document.FormFields())).Status.ShouldBe(HttpStatusCode.Redirect, preview.Html);
        }

        (await factory.WithDbAsync(db => db.Appointments.SingleAsync(a => a.Id == appointment.Id))).PersonId.ShouldBe(scenario.PersonId, "an appointment's person is its episode's");
        var preferences = await factory.WithDbAsync(db => db.ReminderPreferences.Where(p => p.PersonId == keepId || p.PersonId == scenario.PersonId || p.PersonId == laterId).ToListAsync());
        var kept = preferences.ShouldHaveSingleItem();
        (kept.PersonId, kept.Consents, kept.Channel).ShouldBe((keepId, true, (ReminderChannel?)ReminderChannel.TextMessage), "the first merge moved it; the second kept it over the other record's");
    }

    private async Task<(Guid Keep, Guid Merge)> CreatePairAsync(Guid organisationId)
    {
        var keepId = await _data.CreatePersonAsync(organisationId, d => d with { GivenName = "Mohamed", FamilyName = "Rahman", NhsNumber = "9434765919", PrisonNumber = "A1234BC" });
        var mergeId = await _data.CreatePersonAsync(organisationId, d => d with { GivenName = "Mohammed", FamilyName = "Rahman", NhsNumber = "9434765919", Crn = "X765432", PrisonNumber = "B9876CD" });
        var browser = await Browser.SignInAsync(factory, await _data.CreateUserAsync(organisationId, StaffRoles.Practitioner));
        (await browser.PostFormAsync($"/people/{mergeId}/aliases/new", new() { ["Input.GivenName"] = "Mo", ["Input.FamilyName"] = "Rahman" })).Status.ShouldBe(HttpStatusCode.Redirect);
        return (keepId, mergeId);
    }

    private static Dictionary<string, string> MergeForm(Guid keepId, Guid mergeId, bool confirmed) => new()
    {
        ["Input.KeepPersonId"] = keepId.ToString(),
        ["Input.MergePersonId"] = mergeId.ToString(),
        ["Input.Reason"] = "Same NHS number and date of birth",
        ["Input.Confirmed"] = confirmed ? "true" : "false",
    };
}
