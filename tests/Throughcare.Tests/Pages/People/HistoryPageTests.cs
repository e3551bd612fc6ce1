using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Referrals;
using Throughcare.Web.Infrastructure.Web;
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
    /// The history shows each event only to those who may read the record it describes: the service team reads that the
    /// episode's review, goal and the person's own words were recorded (never what they say), the referrer reads nothing
    /// of them, and an organisation party to neither end of a referral reads neither its reason nor its documents' names.
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
        var today = factory.Today;
        (await worker.PostFormAsync(scenario.Path + "/reviews/new", new()
        {
            ["SubmissionId"] = Guid.NewGuid().ToString(),
            ["Input.HeldOn.Day"] = today.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.HeldOn.Month"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.HeldOn.Year"] = today.Year.ToString(CultureInfo.InvariantCulture),
            ["Input.Summary"] = $"Discussed suicidal thoughts {marker}",
        })).Status.ShouldBe(HttpStatusCode.Redirect);
        (await worker.PostFormAsync(scenario.Path + "/plan/goals/new", new() { ["SubmissionId"] = Guid.NewGuid().ToString(), ["Input.Description"] = $"Stop using cocaine {marker}", ["Input.Pathway"] = "drugs" }))
            .Status.ShouldBe(HttpStatusCode.Redirect);
        var version = await factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == scenario.Episode.Id).Select(e => e.Version).SingleAsync());
        (await worker.PostFormAsync(scenario.Path + "/plan/priorities", new() { ["Version"] = version.ToString(), ["Input.First"] = $"Seeing my children {marker}" }))
            .Status.ShouldBe(HttpStatusCode.Redirect);

        // A prison that holds the person's record too, party to neither end of the referral.
        var prison = await _data.CreateOrganisationAsync(Core.Domain.Organisations.OrganisationKind.Prison);
        await factory.WithDbAsync(async db =>
        {
            db.PersonCareRoles.Add(new PersonCareRole { Id = Guid.NewGuid(), PersonId = scenario.PersonId, OrganisationId = prison.Id, Kind = CareRoleKind.HoldsRecord, StartedAt = factory.Clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });
        var officer = await Browser.SignInAsync(factory, await _data.CreateUserAsync(prison.Id, StaffRoles.Practitioner));

        var forReferrer = await referrer.GetAsync($"/people/{scenario.PersonId}/history");
        var forPrison = await officer.GetAsync($"/people/{scenario.PersonId}/history");
        var forServiceTeam = await (await Browser.SignInAsync(factory, scenario.Colleague)).GetAsync($"/people/{scenario.PersonId}/history");
        forReferrer.Status.ShouldBe(HttpStatusCode.OK);
        forPrison.Status.ShouldBe(HttpStatusCode.OK);
        forServiceTeam.Status.ShouldBe(HttpStatusCode.OK);

        // The service team reads that the review, the goal and the person's hardest things were recorded, not what they say.
        string[] episodeWork = ["Review recorded", "Goal set", "The three hardest things changed"];
        var teamTitles = forServiceTeam.Document.QuerySelectorAll(".moj-timeline__title").Select(t => t.Text()).ToList();
        teamTitles.ShouldContain(episodeWork[0]);
        teamTitles.ShouldContain(episodeWork[1]);
        teamTitles.ShouldContain(episodeWork[2]);
        var referrerTitles = forReferrer.Document.QuerySelectorAll(".moj-timeline__title").Select(t => t.Text()).ToList();
        foreach (var title in episodeWork)
        {
            referrerTitles.ShouldNotContain(title);
        }

        // The referrer wrote the referral and reads it; nothing of the episode's work reaches them.
        forReferrer.Html.ShouldContain($"Reason {marker}");
        foreach (var secret in new[] { $"Discussed suicidal thoughts {marker}", $"Stop using cocaine {marker}", $"Seeing my children {marker}" })
        {
            forReferrer.Html.ShouldNotContain(secret);
            forPrison.Html.ShouldNotContain(secret);
            forServiceTeam.Html.ShouldNotContain(secret);
        }

        forPrison.Html.ShouldNotContain($"Reason {marker}");
        forPrison.Html.ShouldNotContain($"document-{marker}");
    }

    /// <summary>
    /// After the service declines one referral and the referrer withdraws another, the referrer's change history shows
    /// each with its reason in words, and the referral's answers as people read them, not as stored codes.
    /// </summary>
    [Fact]
    public async Task Get_ReferralDeclinedAndAnotherWithdrawn_ShowsReasonsAndAnswersWithLabels()
    {
        var referrals = new ReferralTestData(factory);
        var s = await referrals.CreateScenarioAsync(ReferralState.Draft);
        var referrer = await Browser.SignInAsync(factory, s.Referrer);
        var consentedOn = (await factory.WithDbAsync(db => db.Referrals.SingleAsync(r => r.Id == s.Referral.Id))).ConsentGivenOn!.Value;
        await SaveReferralPageAsync(referrer, s.Referral.Id, "reason", f => f.With("Input.Source", "HubDropIn"));
        await SaveReferralPageAsync(referrer, s.Referral.Id, "needs", f => f.With("Input.PersonSetting", "Custody").With("Input.PreferredWorkerGender", "woman"));
        await SaveReferralPageAsync(referrer, s.Referral.Id, "sharing", f => f.With("Input.SharingBasis", "PublicTask"));
        await SaveReferralPageAsync(referrer, s.Referral.Id, "check-answers", f => f);
        var manager = await Browser.SignInAsync(factory, s.Manager);
        var screening = $"/referrals/{s.Referral.Id}/screening";
        (await manager.PostRawAsync(screening + "?handler=Start", (await manager.GetAsync(screening)).Document.FormFields())).Status.ShouldBe(HttpStatusCode.Redirect);
        (await manager.PostRawAsync(screening + "?handler=Decide", (await manager.GetAsync(screening)).Document.FormFields()
            .With("Decision.Outcome", "decline").With("Decision.Reason", nameof(ReferralCloseReason.NotEligible)))).Status.ShouldBe(HttpStatusCode.Redirect);
        var second = await referrals.CreateReferralAsync(s.PersonId, s.Service, s.Referral.ReferringOrganisationId, s.Referrer.Id, ReferralState.Submitted);
        (await referrer.PostRawAsync($"/referrals/{second.Id}?handler=Withdraw", (await referrer.GetAsync($"/referrals/{second.Id}")).Document.FormFields()
            .With("Input.Reason", nameof(ReferralCloseReason.Other)).With("Input.ReasonText", "Moved to Leeds"))).Status.ShouldBe(HttpStatusCode.Redirect);

        var page = await referrer.GetAsync($"/people/{s.PersonId}/history");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var entries = page.Document.QuerySelectorAll(".moj-timeline__item").Select(e => (
            Title: e.QuerySelector(".moj-timeline__title").Text(),
            Description: e.QuerySelector(".moj-timeline__description").Text(),
            Rows: e.QuerySelectorAll("tbody tr").Select(r => (r.QuerySelector("th").Text(), r.QuerySelectorAll("td")[0].Text(), r.QuerySelectorAll("td")[1].Text())).ToList())).ToList();
        var declined = entries.Single(e => e.Title == "Referral declined");
        declined.Description.ShouldContain("Reason: Not eligible");
        declined.Rows.ShouldBe([("State", "Screening", "Declined")]);
        var withdrawn = entries.Single(e => e.Title == "Referral withdrawn");
        withdrawn.Description.ShouldContain("Reason: Other: Moved to Leeds");
        withdrawn.Rows.ShouldBe([("State", "Submitted", "Withdrawn")]);
        var answers = entries.Where(e => e.Title == "Referral answers changed").SelectMany(e => e.Rows).ToList();
        answers.ShouldContain(("Where the referral comes from", "Probation", "Hub: drop-in"));
        answers.ShouldContain(("Where the person is now", "In the community", "In custody"));
        answers.ShouldContain(("Preferred worker", "(blank)", "A woman"));
        answers.ShouldContain(("Lawful basis for sharing", "Consent: the person has agreed", "Public task"));
        answers.ShouldContain(("Consent given on", Display.Date(consentedOn), "(blank)"));
        page.Html.ShouldNotContain(nameof(ReferralCloseReason.NotEligible));
        page.Html.ShouldNotContain("HubDropIn");
    }

    /// <summary>
    /// A declined and a withdrawn referral, with the reasons given, reach the referrer's change history; an organisation
    /// party to neither end reads neither, and the receiving service, whose role in the person's care both ended, no
    /// longer opens the history at all.
    /// </summary>
    [Fact]
    public async Task Get_DeclinedAndWithdrawnReferrals_ShowOnlyToTheirReferrer()
    {
        var referrals = new ReferralTestData(factory);
        var s = await referrals.CreateScenarioAsync(ReferralState.Screening);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var manager = await Browser.SignInAsync(factory, s.Manager);
        var screening = $"/referrals/{s.Referral.Id}/screening";
        (await manager.PostRawAsync(screening + "?handler=Decide", (await manager.GetAsync(screening)).Document.FormFields()
            .With("Decision.Outcome", "decline").With("Decision.Reason", nameof(ReferralCloseReason.Other)).With("Decision.ReasonText", $"Declined {marker}")))
            .Status.ShouldBe(HttpStatusCode.Redirect);
        var second = await referrals.CreateReferralAsync(s.PersonId, s.Service, s.Referral.ReferringOrganisationId, s.Referrer.Id, ReferralState.Submitted);
        var referrer = await Browser.SignInAsync(factory, s.Referrer);
        (await referrer.PostRawAsync($"/referrals/{second.Id}?handler=Withdraw", (await referrer.GetAsync($"/referrals/{second.Id}")).Document.FormFields()
            .With("Input.Reason", nameof(ReferralCloseReason.Other)).With("Input.ReasonText", $"Withdrawn {marker}"))).Status.ShouldBe(HttpStatusCode.Redirect);
        var prison = await _data.CreateOrganisationAsync(Core.Domain.Organisations.OrganisationKind.Prison);
        await factory.WithDbAsync(async db =>
        {
            db.PersonCareRoles.Add(new PersonCareRole { Id = Guid.NewGuid(), PersonId = s.PersonId, OrganisationId = prison.Id, Kind = CareRoleKind.HoldsRecord, StartedAt = factory.Clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });
        var officer = await Browser.SignInAsync(factory, await _data.CreateUserAsync(prison.Id, StaffRoles.Practitioner));
        var history = $"/people/{s.PersonId}/history";

        var forReferrer = await referrer.GetAsync(history);
        var forPrison = await officer.GetAsync(history);
        var forService = await manager.GetAsync(history);

        forReferrer.Status.ShouldBe(HttpStatusCode.OK);
        var titles = forReferrer.Document.QuerySelectorAll(".moj-timeline__title").Select(t => t.Text()).ToList();
        titles.ShouldContain("Referral declined");
        titles.ShouldContain("Referral withdrawn");
        forReferrer.Html.ShouldContain($"Declined {marker}");
        forReferrer.Html.ShouldContain($"Withdrawn {marker}");
        forPrison.Status.ShouldBe(HttpStatusCode.OK);
        forPrison.Document.QuerySelectorAll(".moj-timeline__title").Select(t => t.Text()).ShouldNotContain(t => t.StartsWith("Referral", StringComparison.Ordinal));
        forPrison.Html.ShouldNotContain(marker);
        forService.Status.ShouldBe(HttpStatusCode.NotFound);
        forService.Html.ShouldNotContain(marker);
    }

    private static async Task SaveReferralPageAsync(Browser browser, Guid referralId, string page, Func<Dictionary<string, string>, Dictionary<string, string>> change)
    {
        var url = $"/referrals/{referralId}/{page}";
        var saved = await browser.PostRawAsync(url, change((await browser.GetAsync(url)).Document.FormFields()));
        saved.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", saved.Document.ErrorSummary()));
    }

    [Fact]
    public async Task Get_RowsWrittenWithTheRetiredDrugsAndAlcoholCode_StillNameIt()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();

        // Rows as the service wrote them before drugs and alcohol became two pathways; the trail is never rewritten.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Core.Infrastructure.Database.AccessScope>().AsSystem();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            audit.Record(new GoalSet(scenario.Episode.Id, scenario.PersonId, Guid.NewGuid(), "drugs-alcohol"));
            audit.Record(new NeedsAssessed(scenario.Episode.Id, scenario.PersonId, Guid.NewGuid(), AssessmentOccasion.Start, factory.Today,
                new Dictionary<string, NeedLevel> { ["health"] = NeedLevel.Low, ["drugs-alcohol"] = NeedLevel.High }, HasNote: false));
            await scope.ServiceProvider.GetRequiredService<Core.Infrastructure.Database.ThroughcareDbContext>().SaveChangesAsync();
        }

        var page = await (await Browser.SignInAsync(factory, scenario.EmotionalWorker)).GetAsync($"/people/{scenario.PersonId}/history");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var changes = page.Document.QuerySelectorAll(".moj-timeline__item tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.Text()))).ToList();
        changes.ShouldContain(c => c.StartsWith("Resettlement pathway", StringComparison.Ordinal) && c.Contains("Drugs and alcohol (until November 2026)", StringComparison.Ordinal));
        changes.ShouldContain(c => c.StartsWith("Mental and physical health (including alcohol)", StringComparison.Ordinal) && c.Contains("Low", StringComparison.Ordinal));
        changes.ShouldContain(c => c.StartsWith("Drugs and alcohol (until November 2026)", StringComparison.Ordinal) && c.Contains("High", StringComparison.Ordinal));
        page.Html.ShouldNotContain("drugs-alcohol");
    }

    [Fact]
    public async Task Get_EveryKindOfEventAboutThePerson_ReadsInLabelsAndNamesNeverIdsIsoDatesOrCodes()
    {
        var scenario = await AccessScenario.CreateAsync(factory);
        var about = Pages.Audit.AuditScenario.Of(scenario);
        var samples = await Pages.Audit.AuditEventSamples.WriteAsync(factory, about);
        var browser = await Browser.SignInAsync(factory, scenario.Staff["manager"]);

        var pages = new List<Infrastructure.Page> { await browser.GetAsync($"/people/{about.PersonId}/history") };
        while (pages[^1].Document.QuerySelector(".govuk-pagination__next a") is { } next)
        {
            pages.Add(await browser.GetAsync($"/people/{about.PersonId}/history{next.GetAttribute("href")}"));
        }

        pages.ShouldAllBe(p => p.Status == HttpStatusCode.OK);
        pages.SelectMany(p => Pages.Audit.AuditEventSamples.Leaks(p.Document.QuerySelector(".moj-timeline")!.TextContent)).ShouldBeEmpty();
        var labels = new AuditLabels(new Dictionary<Guid, string>
        {
            [about.OrganisationId] = scenario.Receiving.Name,
            [about.ServiceId] = scenario.Service.Name,
            [about.ServiceStrandId] = scenario.Service.Strands[0].Name,
            [about.Worker.Id] = about.Worker.DisplayName,
        }, about.PersonId);
        var titles = pages.SelectMany(p => p.Document.QuerySelectorAll(".moj-timeline__title")).Select(t => t.Text()).ToList();
        var expected = samples.Where(e => e.Subject().PersonId == about.PersonId).Select(e => e.Describe(labels).Title).ToList();
        expected.Count.ShouldBeGreaterThan(30);
        foreach (var title in expected)
        {
            titles.ShouldContain(title);
        }

        pages.SelectMany(p => p.Document.QuerySelectorAll(".moj-timeline__byline")).Select(b => b.Text())
            .ShouldContain($"by {about.Worker.DisplayName}, {scenario.Receiving.Name}");
    }
}
