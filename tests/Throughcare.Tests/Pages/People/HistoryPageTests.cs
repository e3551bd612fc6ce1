using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Referrals;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Domain.People;
using Throughcare.Web.Domain.ReferenceData;
using Throughcare.Web.Domain.Referrals;
using static Throughcare.Tests.Pages.People.PeoplePages;

namespace Throughcare.Tests.Pages.People;

public sealed class HistoryPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Fact]
    public async Task Get_ShowsChangesNewestFirstWithWhoAndOrganisation()
    {
        var organisation = await _data.CreateOrganisationAsync(name: TestData.Unique("North London Probation"));
        var creator = await _data.CreateUserAsync(organisation.Id, StaffRoles.Practitioner);
        var editor = await _data.CreateUserAsync(organisation.Id, StaffRoles.Manager);
        var creatorBrowser = await Browser.SignInAsync(factory, creator);
        var created = await creatorBrowser.PostFormAsync("/people/new", PersonForm("Efua", UniqueFamilyName("Boateng"), new DateOnly(1970, 4, 9)));
        var personId = PersonIdFrom(created.Location);
        await SaveChangeAsync(creatorBrowser, personId, "Input.Phone", "020 7946 0101");
        var editorBrowser = await Browser.SignInAsync(factory, editor);
        await SaveChangeAsync(editorBrowser, personId, "Input.Email", "efua@example.com");

        var page = await editorBrowser.GetAsync($"/people/{personId}/history");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var entries = page.Document.QuerySelectorAll(".moj-timeline__item").Select(e => (
            Title: e.QuerySelector(".moj-timeline__title").Text(),
            By: e.QuerySelector(".moj-timeline__byline").Text(),
            Fields: e.QuerySelectorAll("tbody th").Select(th => th.Text()).ToList())).ToList();
        entries.Select(e => e.Title).ShouldBe(["Details changed", "Details changed", "Record created"]);
        entries.Select(e => e.By).ShouldBe([$"by {editor.DisplayName}, {organisation.Name}", $"by {creator.DisplayName}, {organisation.Name}", $"by {creator.DisplayName}, {organisation.Name}"]);
        entries[0].Fields.ShouldBe(["Email"]);
        entries[1].Fields.ShouldBe(["Phone"]);
        entries[2].Fields.ShouldContain("First name");
        entries[2].Fields.ShouldContain("Date of birth");
    }

    [Fact]
    public async Task Get_ShowsLabelsAndDatesAsPeopleReadThem_NotStoredCodes()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        var created = await browser.PostFormAsync("/people/new", PersonForm("Kwame", UniqueFamilyName("Asante"), new DateOnly(1979, 6, 14)));
        var personId = PersonIdFrom(created.Location);
        await SaveChangeAsync(browser, personId, "Input.Borough", "tower-hamlets");

        var page = await browser.GetAsync($"/people/{personId}/history");

        var rows = page.Document.QuerySelectorAll(".moj-timeline__item tbody tr")
            .Select(r => (Field: r.QuerySelector("th").Text(), Values: r.QuerySelectorAll("td").Select(td => td.Text()).ToList())).ToList();
        rows.First(r => r.Field == "Borough").Values.ShouldBe(["(blank)", "Tower Hamlets"]);
        rows.First(r => r.Field == "Date of birth").Values.ShouldBe(["(blank)", "14 June 1979"]);
    }

    [Fact]
    public async Task Get_History_IsAuditedAsViewHistory()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        var personId = await _data.CreatePersonAsync(user.OrganisationId);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync($"/people/{personId}/history?page=1");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector(".moj-timeline__title").Text().ShouldBe("Record created");
        page.Document.QuerySelector(".moj-timeline__byline").Text().ShouldBe("by System");
        var audit = (await factory.AuditEventsAsync(personId, AuditActions.ViewHistory)).ShouldHaveSingleItem();
        audit.ShouldBeSuccessBy(user);
        audit.Role.ShouldBe(StaffRoles.DataProtectionOfficer);
    }

    [Fact]
    public async Task Get_History_LeavesOutReadsOfTheRecord()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(user.OrganisationId);
        var browser = await Browser.SignInAsync(factory, user);
        await browser.GetAsync($"/people/{personId}");
        await browser.GetAsync($"/people/{personId}/history");

        var page = await browser.GetAsync($"/people/{personId}/history");

        page.Document.QuerySelectorAll(".moj-timeline__item").Length.ShouldBe(1);
        (await factory.AuditEventsAsync(personId, AuditActions.ViewHistory)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Get_SecondPage_ShowsTheOldestEntries()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(user.OrganisationId);
        await factory.WithDbAsync(db =>
        {
            for (var i = 0; i < 22; i++)
            {
                db.AuditEvents.Add(new AuditEvent { RecordType = AuditRecordTypes.Person, RecordId = personId.ToString(), Action = AuditActions.Update, PersonId = personId, OccurredAt = AuditChain.TruncateToMicroseconds(factory.UtcNow) });
            }

            return db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, user);

        var first = await browser.GetAsync($"/people/{personId}/history");
        var second = await browser.GetAsync($"/people/{personId}/history?page=2");

        first.Document.QuerySelectorAll(".moj-timeline__item").Length.ShouldBe(20);
        second.Status.ShouldBe(HttpStatusCode.OK);
        second.Document.QuerySelectorAll(".moj-timeline__title").Select(t => t.Text()).ShouldBe(["Details changed", "Details changed", "Record created"]);
        (await factory.AuditEventsAsync(personId, AuditActions.ViewHistory)).Count.ShouldBe(2);
    }

    /// <summary>
    /// The history shows each event only to those who may read the record it describes: the referrer reads nothing of
    /// the episode's reviews, goals or the person's own words, and an organisation party to neither end of a referral
    /// reads neither its reason nor its documents' names.
    /// </summary>
    [Fact]
    public async Task Get_History_ShowsEachEventOnlyToThoseWhoMayReadItsRecord()
    {
        var referrals = new ReferralTestData(factory);
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var marker = Guid.NewGuid().ToString("N")[..8];

        // The referrer writes a second referral, with a reason and a named document, and sends it to the same service.
        var referrer = await Browser.SignInAsync(factory, scenario.Referrer);
        var draft = await referrals.CreateReferralAsync(scenario.PersonId, scenario.Service, scenario.Referrer.OrganisationId, scenario.Referrer.Id, ReferralState.Draft, withRequiredDocuments: false);
        var reason = (await referrer.PostFormAsync($"/referrals/{draft.Id}/reason", new()
        {
            ["Version"] = draft.Version.ToString(),
            ["Input.Source"] = "Court",
            ["Input.Reason"] = $"Reason {marker}",
            ["Input.HelpWanted"] = "",
        })).Status;
        reason.ShouldBe(HttpStatusCode.Redirect);
        (await referrer.UploadAsync(draft.Id, DocumentTypes.Other, $"document-{marker}.pdf", ReferralPages.Pdf)).Status.ShouldBe(HttpStatusCode.Redirect);

        // The service team records a review, a goal and the person's hardest things on the episode.
        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        (await worker.PostFormAsync(scenario.Path + "/reviews/new", new()
        {
            ["SubmissionId"] = Guid.NewGuid().ToString(),
            ["Input.HeldOn.Day"] = today.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.HeldOn.Month"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.HeldOn.Year"] = today.Year.ToString(CultureInfo.InvariantCulture),
            ["Input.Summary"] = $"Discussed suicidal thoughts {marker}",
        })).Status.ShouldBe(HttpStatusCode.Redirect);
        (await worker.PostFormAsync(scenario.Path + "/plan/goals/new", new() { ["SubmissionId"] = Guid.NewGuid().ToString(), ["Input.Description"] = $"Stop using cocaine {marker}", ["Input.Pathway"] = "drugs-alcohol" }))
            .Status.ShouldBe(HttpStatusCode.Redirect);
        var version = await factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == scenario.Episode.Id).Select(e => e.Version).SingleAsync());
        (await worker.PostFormAsync(scenario.Path + "/plan/priorities", new() { ["Version"] = version.ToString(), ["Input.First"] = $"Seeing my children {marker}" }))
            .Status.ShouldBe(HttpStatusCode.Redirect);

        // A prison that holds the person's record too, party to neither end of the referral.
        var prison = await _data.CreateOrganisationAsync(Web.Domain.Organisations.OrganisationKind.Prison);
        await factory.WithDbAsync(async db =>
        {
            db.PersonCareRoles.Add(new PersonCareRole { Id = Guid.NewGuid(), PersonId = scenario.PersonId, OrganisationId = prison.Id, Kind = CareRoleKind.HoldsRecord, StartedAt = factory.Clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });
        var officer = await Browser.SignInAsync(factory, await _data.CreateUserAsync(prison.Id, StaffRoles.Practitioner));

        var forReferrer = await referrer.GetAsync($"/people/{scenario.PersonId}/history");
        var forPrison = await officer.GetAsync($"/people/{scenario.PersonId}/history");
        forReferrer.Status.ShouldBe(HttpStatusCode.OK);
        forPrison.Status.ShouldBe(HttpStatusCode.OK);

        // The referrer wrote the referral and reads it; nothing of the episode's work reaches them.
        forReferrer.Html.ShouldContain($"Reason {marker}");
        foreach (var secret in new[] { $"Discussed suicidal thoughts {marker}", $"Stop using cocaine {marker}", $"Seeing my children {marker}" })
        {
            forReferrer.Html.ShouldNotContain(secret);
            forPrison.Html.ShouldNotContain(secret);
        }

        forPrison.Html.ShouldNotContain($"Reason {marker}");
        forPrison.Html.ShouldNotContain($"document-{marker}");
    }
}
