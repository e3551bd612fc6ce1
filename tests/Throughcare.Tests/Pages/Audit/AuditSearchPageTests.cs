using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;
using Web = Throughcare.Web;

namespace Throughcare.Tests.Pages.Audit;

/// <summary>/audit: a data protection officer searches their organisation's part of the audit trail; the search is itself audited.</summary>
public sealed class AuditSearchPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    private Task<List<AuditEvent>> SearchesByAsync(TestUser officer) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.UserId == officer.Id && a.Action == AuditActions.AuditSearch).OrderBy(a => a.Sequence).ToListAsync());

    /// <summary>An event by a member of the organisation's staff at the instant given.</summary>
    private Task<int> EventAtAsync(TestUser member, DateTime at) =>
        factory.WithDbAsync(db =>
        {
            db.AuditEvents.Add(new AuditEvent
            {
                UserId = member.Id,
                UserName = member.Email,
                OrganisationId = member.OrganisationId,
                RecordType = AuditRecordTypes.Organisation,
                RecordId = member.OrganisationId.ToString(),
                Action = AuditActions.View,
                OccurredAt = AuditChain.TruncateToMicroseconds(at),
            });
            return db.SaveChangesAsync();
        });

    private static string Day(DateOnly date, string field) =>
        string.Create(CultureInfo.InvariantCulture, $"Filter.{field}.Day={date.Day}&Filter.{field}.Month={date.Month}&Filter.{field}.Year={date.Year}");

    [Fact]
    public async Task Get_WithoutAFilter_ShowsTheFormAndRecordsNoSearch()
    {
        var officer = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        var browser = await Browser.SignInAsync(factory, officer);

        var page = await browser.GetAsync("/audit");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.Heading().ShouldBe("Audit trail");
        page.Document.QuerySelector("table").ShouldBeNull();
        (await SearchesByAsync(officer)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_ByStaffEmail_ShowsTheirEventsAndRecordsTheSearchWithTheAccountNotTheTypedText()
    {
        var officer = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        var member = await _data.CreateUserAsync(officer.OrganisationId, StaffRoles.Practitioner);
        await EventAtAsync(member, factory.UtcNow);
        var browser = await Browser.SignInAsync(factory, officer);

        var page = await browser.GetAsync($"/audit?Filter.User={Uri.EscapeDataString(member.Email)}");
        var nobody = await browser.GetAsync($"/audit?Filter.User={Uri.EscapeDataString("no-one-" + member.Email)}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.TableColumn(1).ShouldAllBe(who => who.StartsWith(member.DisplayName, StringComparison.Ordinal) && who.Contains(member.Email, StringComparison.Ordinal));
        page.Document.TableColumn(1).ShouldNotBeEmpty();
        nobody.Html.ShouldContain("No audit events match.");
        var searches = await SearchesByAsync(officer);
        searches.Count.ShouldBe(2);
        searches.ShouldAllBe(a => a.EventType == nameof(AuditTrailSearched) && a.RecordId == officer.OrganisationId.ToString());
        searches.ShouldAllBe(a => !a.Details!.Contains(member.Email));
        var found = JsonSerializer.Deserialize<AuditTrailSearched>(searches[0].Details!, AuditEventTypes.Json)!;
        (found.ByStaff, found.StaffUserId).ShouldBe((true, member.Id));
        var missed = JsonSerializer.Deserialize<AuditTrailSearched>(searches[1].Details!, AuditEventTypes.Json)!;
        (missed.ByStaff, missed.StaffUserId).ShouldBe((true, (Guid?)null));
    }

    [Fact]
    public async Task Get_ByDay_TakesTheDayInTheUk_SoAnEventJustAfterMidnightInSummerIsOnTheNextDay()
    {
        var officer = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        var member = await _data.CreateUserAsync(officer.OrganisationId, StaffRoles.Practitioner);

        // 23:30 UTC on a summer day is 00:30 the next day in London.
        var utcDay = DateOnly.FromDateTime(factory.UtcNow).AddDays(-3);
        await EventAtAsync(member, utcDay.ToDateTime(new TimeOnly(23, 30), DateTimeKind.Utc));
        var ukDay = utcDay.AddDays(1);
        var browser = await Browser.SignInAsync(factory, officer);
        var byMember = $"/audit?Filter.User={Uri.EscapeDataString(member.Email)}";

        var onUkDay = await browser.GetAsync($"{byMember}&{Day(ukDay, "From")}&{Day(ukDay, "To")}");
        var onUtcDay = await browser.GetAsync($"{byMember}&{Day(utcDay, "From")}&{Day(utcDay, "To")}");

        onUkDay.Document.TableColumn(0).ShouldBe([$"{ukDay.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} at 12:30am"]);
        onUtcDay.Html.ShouldContain("No audit events match.");
    }

    [Theory]
    [InlineData("Filter.Person=Ada%E2%80%AEeze", "Filter_Person", "Person's name must not contain hidden control characters")]
    [InlineData("Filter.From.Day=30&Filter.From.Month=2&Filter.From.Year=2026", "Filter_From", "From must be a real date")]
    [InlineData("Filter.OrganisationId=%3Cscript%3E", "Filter_OrganisationId", "Select an organisation")]
    public async Task Post_BadFilter_ShowsTheErrorAndRecordsNoSearch(string query, string fieldId, string message)
    {
        var officer = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        var browser = await Browser.SignInAsync(factory, officer);

        var page = await browser.PostFormAsync("/audit", QueryHelpers.ParseQuery(query).ToDictionary(q => q.Key, q => q.Value.ToString()));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(fieldId, message);
        page.Html.ShouldNotContain("<script>");
        (await SearchesByAsync(officer)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_ByName_IsKeptUnderATokenForThatOfficer_AndNoNameTravelsInAUrl()
    {
        var officer = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        var family = TestData.Unique("Okonkwo");
        var person = await _data.CreatePersonAsync(officer.OrganisationId, d => d with { GivenName = "Adaeze", FamilyName = family });
        var browser = await Browser.SignInAsync(factory, officer);
        await browser.GetAsync($"/people/{person}");

        var posted = await browser.PostFormAsync("/audit", new() { ["Filter.Person"] = "Adaeze " + family });
        var page = await browser.GetAsync(posted.Location!);
        var fromTheQuery = await browser.GetAsync($"/audit?Filter.Person={Uri.EscapeDataString("Adaeze " + family)}&Filter.User=");
        var otherOfficer = await Browser.SignInAsync(factory, await _data.CreateUserAsync(officer.OrganisationId, StaffRoles.DataProtectionOfficer));
        var borrowed = await otherOfficer.GetAsync(posted.Location!);

        posted.Status.ShouldBe(HttpStatusCode.Redirect);
        posted.Location.ShouldStartWith("/audit?search=");
        page.Document.QuerySelector("#people-matched").Text().ShouldBe($"People whose name matches: Adaeze {family}.");
        page.Document.QuerySelector("#export")!.GetAttribute("href")!.ShouldNotContain(family);
        page.Document.QuerySelector("#export")!.GetAttribute("href")!.ShouldContain("search=");
        fromTheQuery.Document.QuerySelector("#people-matched").ShouldBeNull();
        borrowed.Document.QuerySelector("#expired").Text().ShouldBe("That search has expired. Search again.");
        borrowed.Document.QuerySelectorAll("tbody tr").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(StaffRoles.Practitioner)]
    [InlineData(StaffRoles.Administrator)]
    [InlineData(StaffRoles.PartnershipAdministrator)]
    public async Task Get_AsAnyoneButADataProtectionOfficer_Returns403(string role)
    {
        var browser = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(role));

        (await browser.GetAsync("/audit?Filter.User=someone%40example.test")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static string Export(string query) => $"/audit?handler=Export&{query}";

    /// <summary>Every page of a search, as the officer would follow its page links.</summary>
    private static async Task<List<Infrastructure.Page>> AllPagesAsync(Browser browser, string query)
    {
        var pages = new List<Infrastructure.Page> { await browser.GetAsync($"/audit?{query}") };
        while (pages[^1].Document.QuerySelector(".govuk-pagination__next a") is { } next)
        {
            pages.Add(await browser.GetAsync("/audit" + next.GetAttribute("href")));
        }

        return pages;
    }

    [Fact]
    public async Task Get_EveryKindOfEvent_ShowsLabelsAndNamesNeverIdsIsoDatesOrCodes_AndTheExportToo()
    {
        var scenario = await AccessScenario.CreateAsync(factory);
        var samples = await AuditEventSamples.WriteAsync(factory, AuditScenario.Of(scenario));
        var officer = scenario.Staff["data protection officer"];
        var worker = scenario.Staff["worker"];
        var browser = await Browser.SignInAsync(factory, officer);
        var query = $"Filter.User={Uri.EscapeDataString(worker.Email)}";

        var pages = await AllPagesAsync(browser, query);
        var export = await browser.Client.GetAsync(new Uri(Export(query), UriKind.Relative));

        pages.Count.ShouldBe(2);
        pages.SelectMany(p => AuditEventSamples.Leaks(p.Document.QuerySelector("table")!.TextContent)).ShouldBeEmpty();
        var what = pages.SelectMany(p => p.Document.TableColumn(2)).ToList();
        what.Count.ShouldBe(samples.Count + 1);
        what.ShouldContain(w => w.StartsWith("Restricted note shown", StringComparison.Ordinal));
        what.ShouldContain(w => w.StartsWith($"Episode with {scenario.Service.Name} opened", StringComparison.Ordinal));
        pages.SelectMany(p => p.Document.TableColumn(3)).ShouldContain(r => r.Contains(scenario[Marker.PersonName], StringComparison.Ordinal));
        pages.SelectMany(p => p.Document.TableColumn(1)).Count(w => w.Contains("Practitioner, Data protection officer", StringComparison.Ordinal)).ShouldBe(samples.Count);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csv = await export.Content.ReadAsStringAsync();
        AuditEventSamples.Leaks(csv).ShouldBeEmpty();
        CsvText.Read(csv).Count.ShouldBe(samples.Count + 2);
    }

    [Fact]
    public async Task Get_ByPersonsName_ShowsEventsAboutThePeopleItMatchesThatTheOfficerMaySee()
    {
        var officer = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        var member = await _data.CreateUserAsync(officer.OrganisationId, StaffRoles.Practitioner);
        var family = TestData.Unique("Okonkwo");
        var wanted = await _data.CreatePersonAsync(officer.OrganisationId, d => d with { GivenName = "Adaeze", FamilyName = family });
        var other = await _data.CreatePersonAsync(officer.OrganisationId, d => d with { GivenName = "Bartholomew", FamilyName = TestData.Unique("Whitcombe") });
        var elsewhere = await _data.CreateOrganisationAsync();
        var unseen = await _data.CreatePersonAsync(elsewhere.Id, d => d with { GivenName = "Adaeze", FamilyName = family });
        var memberBrowser = await Browser.SignInAsync(factory, member);
        await memberBrowser.GetAsync($"/people/{wanted}");
        await memberBrowser.GetAsync($"/people/{other}");
        var browser = await Browser.SignInAsync(factory, officer);

        var page = await browser.PostFormAndFollowAsync("/audit", new() { ["Filter.Person"] = "adaeze " + family });
        var nobody = await browser.PostFormAndFollowAsync("/audit", new() { ["Filter.Person"] = "Zebedee Quintrell-Fairweather" });

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#people-matched").Text().ShouldBe($"People whose name matches: Adaeze {family}.");
        var records = page.Document.TableColumn(3);
        records.ShouldNotBeEmpty();
        records.ShouldAllBe(r => r.EndsWith($"Adaeze {family}", StringComparison.Ordinal));
        page.Document.TableColumn(2).ShouldContain("Viewed");
        nobody.Document.QuerySelector("#people-matched").Text().ShouldBe("No one your organisation works with has that name.");
        nobody.Html.ShouldContain("No audit events match.");
        var searches = await SearchesByAsync(officer);
        var found = searches.Select(a => JsonSerializer.Deserialize<AuditTrailSearched>(a.Details!, AuditEventTypes.Json)!).ToList();
        found.Select(f => (f.ByPerson, string.Join(",", f.People!))).ShouldBe([(true, wanted.ToString()), (true, "")], ignoreOrder: true);
        searches.ShouldAllBe(a => !a.Details!.Contains(family));
        found.ShouldAllBe(f => !f.People!.Contains(unseen));
        var shown = await factory.AuditEventsAsync(wanted, AuditActions.SearchResult);
        shown.ShouldHaveSingleItem().ShouldBeSuccessBy(officer);
    }

    [Fact]
    public async Task Get_MoreThanAPageOfEvents_PagesThemKeepingTheFilter_AndTheExportHasEveryRowWithAHeader()
    {
        var officer = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        var member = await _data.CreateUserAsync(officer.OrganisationId, StaffRoles.Practitioner);
        for (var i = 0; i < Web.Pages.Audit.IndexModel.PageSize + 5; i++)
        {
            await EventAtAsync(member, factory.UtcNow);
        }

        var browser = await Browser.SignInAsync(factory, officer);
        var query = $"Filter.User={Uri.EscapeDataString(member.Email)}";

        var first = await browser.GetAsync($"/audit?{query}");
        var links = first.Document.QuerySelectorAll(".govuk-pagination__list a").Select(a => (Text: a.Text(), Href: a.GetAttribute("href")!)).ToList();
        var second = await browser.GetAsync("/audit" + links.Single(l => l.Text == "2").Href);
        var export = await browser.Client.GetAsync(new Uri(first.Document.QuerySelector("#export")!.GetAttribute("href")!, UriKind.Relative));

        first.Document.TableColumn(0).Count.ShouldBe(Web.Pages.Audit.IndexModel.PageSize);
        first.Document.QuerySelector("#count").Text().ShouldStartWith($"{Web.Pages.Audit.IndexModel.PageSize + 5} events match.");
        links.Select(l => l.Text).ShouldBe(["1", "2"]);
        links.ShouldAllBe(l => l.Href.Contains($"Filter.User={member.Email}", StringComparison.Ordinal));
        second.Document.TableColumn(0).Count.ShouldBe(5);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        export.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        export.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe($"audit-trail-{factory.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv");
        var rows = CsvText.Read(await export.Content.ReadAsStringAsync());
        rows[0].ShouldBe(Web.Pages.Audit.AuditTrailCsv.Header);
        rows.Count.ShouldBe(Web.Pages.Audit.IndexModel.PageSize + 5 + 1);
        rows.Skip(1).ShouldAllBe(r => r[1] == member.DisplayName && r[2] == member.Email && r[5] == "Viewed" && r[7] == "Organisation" && r[9] == "Done");
    }

    [Fact]
    public async Task Export_IsRecordedWithWhoExportedWhichFilterAndHowManyRows_AndEachPersonNamedIsRead()
    {
        var officer = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        var member = await _data.CreateUserAsync(officer.OrganisationId, StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(officer.OrganisationId);
        await (await Browser.SignInAsync(factory, member)).GetAsync($"/people/{personId}");
        var browser = await Browser.SignInAsync(factory, officer);
        var from = factory.Today.AddDays(-1);

        var export = await browser.Client.GetAsync(new Uri(Export($"Filter.User={Uri.EscapeDataString(member.Email)}&{Day(from, "From")}"), UriKind.Relative));

        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = (await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.UserId == officer.Id && a.Action == AuditActions.AuditExport).ToListAsync())).ShouldHaveSingleItem();
        row.EventType.ShouldBe(nameof(AuditTrailExported));
        row.RecordId.ShouldBe(officer.OrganisationId.ToString());
        row.OrganisationId.ShouldBe(officer.OrganisationId);
        var exported = JsonSerializer.Deserialize<AuditTrailExported>(row.Details!, AuditEventTypes.Json)!;
        (exported.ByStaff, exported.StaffUserId, exported.From, exported.To, exported.ByPerson).ShouldBe((true, member.Id, from, (DateOnly?)null, false));

        // The member's sign-in and their read of the person.
        exported.Rows.ShouldBe(2);
        CsvText.Read(await export.Content.ReadAsStringAsync()).Count.ShouldBe(3);
        row.Details!.ShouldNotContain(member.Email);
        (await factory.AuditEventsAsync(personId, AuditActions.Export)).ShouldHaveSingleItem().ShouldBeSuccessBy(officer);
        (await SearchesByAsync(officer)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Export_CellsASpreadsheetWouldRunAsAFormula_AreWrittenAsText()
    {
        var officer = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        string[] names = ["=HYPERLINK(\"http://evil.example\")", "+SUM(1,2)", "-2+3", "@cmd"];
        var members = new List<TestUser>();
        foreach (var name in names)
        {
            var member = await _data.CreateUserAsync(officer.OrganisationId, StaffRoles.Practitioner);
            await factory.WithDbAsync(async db =>
            {
                (await db.Users.SingleAsync(u => u.Id == member.Id)).DisplayName = name;
                return await db.SaveChangesAsync();
            });
            await EventAtAsync(member, factory.UtcNow);
            members.Add(member);
        }

        var browser = await Browser.SignInAsync(factory, officer);
        var organisation = $"Filter.OrganisationId={officer.OrganisationId}";

        var csv = await browser.Client.GetStringAsync(new Uri(Export(organisation), UriKind.Relative));

        var who = CsvText.Read(csv).Skip(1).Select(r => r[1]).ToList();
        foreach (var name in names)
        {
            who.ShouldContain("'" + name);
            who.ShouldNotContain(name);
        }
    }

    [Fact]
    public async Task Export_WithABadFilter_ShowsTheErrorAndExportsNothing()
    {
        var officer = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        var browser = await Browser.SignInAsync(factory, officer);

        var page = await browser.GetAsync(Export("Filter.To.Day=31&Filter.To.Month=2&Filter.To.Year=2026"));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Filter_To", "To must be a real date");
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == officer.Id && a.Action == AuditActions.AuditExport))).ShouldBe(0);
    }
}
