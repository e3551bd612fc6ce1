using System.Globalization;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.ReleaseLists;
using Throughcare.Tests.Api;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.ReleaseLists;

/// <summary>
/// A borough's release list: the people due for release to it within the window, as the reader's organisation may see
/// them; a local authority sees its own borough's alone and gains its role in a person's care from their release plan;
/// the list read back as CSV and as a workbook, its cells neutralised; sent to the leads as a link and frozen; the
/// archive list with the outcomes after release; everything read, exported or sent audited.
/// </summary>
public sealed class ReleaseListPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    private sealed record Scene(
        Organisation Probation, Organisation Prison, Organisation Southwark, Organisation Lambeth, TestUser Officer, TestUser Manager, TestUser Housing, TestUser LambethHousing,
        Guid Soon, Guid Later, Guid ToLambeth, Guid Released);

    private async Task<Organisation> AuthorityAsync(string borough)
    {
        var organisation = await _data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        await factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == organisation.Id).ExecuteUpdateAsync(o => o.SetProperty(x => x.Borough, borough)));
        return organisation;
    }

    private static void Date(Dictionary<string, string> form, string field, DateOnly date)
    {
        form[field + ".Day"] = date.Day.ToString(CultureInfo.InvariantCulture);
        form[field + ".Month"] = date.Month.ToString(CultureInfo.InvariantCulture);
        form[field + ".Year"] = date.Year.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<Guid> PersonInCustodyAsync(Browser officer, Guid probation, Guid prison, string borough, int releaseInDays, string familyName, string givenName = "Test")
    {
        var personId = await _data.CreatePersonAsync(probation, d => d with { GivenName = givenName, FamilyName = familyName, RoshLevel = RoshLevel.High, MappaCategory = 2, MappaLevel = 1 });
        var form = new Dictionary<string, string>
        {
            ["SubmissionId"] = Guid.NewGuid().ToString(),
            ["Input.PrisonId"] = prison.ToString(),
            ["Input.SentenceType"] = nameof(SentenceType.Determinate),
            ["Input.SentenceLengthMonths"] = "24",
            ["Input.ExpectedReleaseConfirmed"] = "true",
            ["Input.ReleaseBorough"] = borough,
        };
        Date(form, "Input.ReceptionOn", factory.Today.AddDays(-300));
        Date(form, "Input.SentenceOn", factory.Today.AddDays(-298));
        Date(form, "Input.Dates.ExpectedRelease", factory.Today.AddDays(releaseInDays));
        var posted = await officer.PostFormAsync($"/people/{personId}/custody/new", form);
        posted.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", posted.Document.ErrorSummary()));
        return personId;
    }

    private Task<CustodyPeriod> PeriodAsync(Guid personId) =>
        factory.WithDbAsync(db => db.CustodyPeriods.AsNoTracking().OrderByDescending(p => p.CreatedAt).FirstAsync(p => p.PersonId == personId));

    private async Task<Scene> CreateAsync()
    {
        var probation = await _data.CreateOrganisationAsync(OrganisationKind.Probation);
        var prison = await _data.CreateOrganisationAsync(OrganisationKind.Prison);
        var southwark = await AuthorityAsync("southwark");
        var lambeth = await AuthorityAsync("lambeth");
        var officer = await _data.CreateUserAsync(probation.Id, StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, officer);
        var soon = await PersonInCustodyAsync(browser, probation.Id, prison.Id, "southwark", 20, "Okafor", givenName: "=HYPERLINK(\"http://example.test\")");
        var later = await PersonInCustodyAsync(browser, probation.Id, prison.Id, "southwark", 200, TestData.Unique("Later").Replace(" ", "", StringComparison.Ordinal));
        var toLambeth = await PersonInCustodyAsync(browser, probation.Id, prison.Id, "lambeth", 10, TestData.Unique("Lambeth").Replace(" ", "", StringComparison.Ordinal));
        var released = await PersonInCustodyAsync(browser, probation.Id, prison.Id, "southwark", 0, TestData.Unique("Released").Replace(" ", "", StringComparison.Ordinal));
        var period = await PeriodAsync(released);
        var release = new Dictionary<string, string>
        {
            ["Version"] = period.Version.ToString(),
            ["Input.Kind"] = nameof(ReleaseKind.AutomaticOnLicence),
            ["Input.Accommodation"] = nameof(ReleaseAccommodation.Temporary),
            ["Input.ReleaseBorough"] = "southwark",
        };
        Date(release, "Input.ReleasedOn", factory.Today.AddDays(-10));
        (await browser.PostFormAsync($"/people/{released}/custody/{period.Id}/release", release)).Status.ShouldBe(HttpStatusCode.Redirect);
        return new Scene(
            probation, prison, southwark, lambeth, officer, await _data.CreateUserAsync(probation.Id, StaffRoles.Manager),
            await _data.CreateUserAsync(southwark.Id, StaffRoles.Manager), await _data.CreateUserAsync(lambeth.Id, StaffRoles.Practitioner), soon, later, toLambeth, released);
    }

    private static IReadOnlyList<string?> Listed(Infrastructure.Page page) => page.Document.QuerySelectorAll("#release-list tbody tr").Select(r => r.GetAttribute("data-person")).ToList();

    [Fact]
    public async Task TheList_ShowsEachBoroughItsOwn_AndTheBoroughFollowsTheReleasePlan()
    {
        var scene = await CreateAsync();
        var officer = await Browser.SignInAsync(factory, scene.Officer);

        var list = await officer.GetAsync("/boroughs/southwark/release-list");
        list.Status.ShouldBe(HttpStatusCode.OK);
        Listed(list).ShouldBe([scene.Soon.ToString()], "only those due within 12 weeks, to this borough, not yet released");
        Listed(await officer.GetAsync("/boroughs/southwark/release-list?weeks=52")).ShouldBe([scene.Soon.ToString(), scene.Later.ToString()]);
        var row = list.Document.QuerySelector($"tr[data-person='{scene.Soon}']").Text();
        row.ShouldContain("RoSH: High");
        row.ShouldContain("Category 2, level 1");
        row.ShouldContain("Emergency housing application: Overdue", Case.Sensitive, "due 28 days before a release 20 days away");

        // Southwark's housing team gained its role from the release plan: it reads Southwark's list, never Lambeth's.
        var housing = await Browser.SignInAsync(factory, scene.Housing);
        Listed(await housing.GetAsync("/boroughs/southwark/release-list")).ShouldBe([scene.Soon.ToString()]);
        (await housing.GetAsync("/boroughs/lambeth/release-list")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await housing.GetAsync($"/people/{scene.ToLambeth}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var lambeth = await Browser.SignInAsync(factory, scene.LambethHousing);
        Listed(await lambeth.GetAsync("/boroughs/lambeth/release-list")).ShouldBe([scene.ToLambeth.ToString()]);
        (await lambeth.GetAsync("/boroughs/southwark/release-list")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await lambeth.GetAsync("/boroughs/nowhere/release-list")).Status.ShouldBe(HttpStatusCode.NotFound);

        // The release plan moves to Lambeth: Southwark's role ends at once, and Lambeth's begins.
        var period = await PeriodAsync(scene.Soon);
        var dates = new Dictionary<string, string>
        {
            ["Version"] = period.Version.ToString(),
            ["Input.ExpectedReleaseConfirmed"] = "true",
            ["Input.ReleaseBorough"] = "lambeth",
            ["Input.Reason"] = "Moving in with his sister",
        };
        Date(dates, "Input.Dates.ExpectedRelease", period.ExpectedReleaseOn!.Value);
        (await officer.PostFormAsync($"/people/{scene.Soon}/custody/{period.Id}/dates", dates)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await housing.GetAsync($"/people/{scene.Soon}")).Status.ShouldBe(HttpStatusCode.NotFound);
        Listed(await housing.GetAsync("/boroughs/southwark/release-list")).ShouldBeEmpty();
        Listed(await lambeth.GetAsync("/boroughs/lambeth/release-list")).ShouldBe([scene.Soon.ToString(), scene.ToLambeth.ToString()], ignoreOrder: true);
        var roles = await factory.WithDbAsync(db => db.PersonCareRoles.AsNoTracking().Where(r => r.CustodyPeriodId == period.Id && r.Kind == CareRoleKind.ReleaseBorough).ToListAsync());
        roles.Single(r => r.OrganisationId == scene.Southwark.Id).EndedAt.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(factory.UtcNow);
        roles.Single(r => r.OrganisationId == scene.Lambeth.Id).EndedAt.ShouldBeNull();
    }

    [Fact]
    public async Task TheExports_ReadBack_WithFormulasNeutralised_AndAreAudited()
    {
        var scene = await CreateAsync();
        var officer = await Browser.SignInAsync(factory, scene.Officer);

        var csv = await officer.Client.GetAsync(new Uri("/boroughs/southwark/release-list?handler=Csv", UriKind.Relative));
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var rows = CsvText.Read(await csv.Content.ReadAsStringAsync());
        rows[0].ShouldBe(Throughcare.Web.Pages.ReleaseLists.ReleaseListModel.Header);
        var only = rows.Skip(1).ShouldHaveSingleItem();
        only[0].ShouldStartWith("'=HYPERLINK", Case.Sensitive, "a name a spreadsheet would run is opened as text");
        only[2].ShouldBe(factory.Today.AddDays(20).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));

        var xlsx = await officer.Client.GetAsync(new Uri("/boroughs/southwark/release-list?handler=Xlsx&weeks=52", UriKind.Relative));
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var cells = sheet.Descendants<Row>().Select(r => r.Descendants<Cell>().Select(c => c.InnerText).ToList()).ToList();
        cells.Count.ShouldBe(3, "the header and the two due within 52 weeks");
        cells[0].ShouldBe(Throughcare.Web.Pages.ReleaseLists.ReleaseListModel.Header);
        cells[1][0].ShouldStartWith("'=HYPERLINK", Case.Sensitive);

        var exports = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.UserId == scene.Officer.Id && a.Action == AuditActions.Export && a.PersonId == scene.Soon).Select(a => a.Purpose).ToListAsync());
        exports.ShouldContain(p => p!.EndsWith("CSV", StringComparison.Ordinal));
        exports.ShouldContain(p => p!.EndsWith("workbook", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sending_GoesToTheLeadsAsALink_FrozenAsTheySawIt_OnceAWeek()
    {
        var scene = await CreateAsync();
        var manager = await Browser.SignInAsync(factory, scene.Manager);
        var officer = await Browser.SignInAsync(factory, scene.Officer);

        (await manager.PostFormAsync("/boroughs/southwark/release-list?handler=Send", [])).Document.ErrorSummary().ShouldBe([ReleaseListService.NoLeads]);
        var badLead = await manager.PostFormAsync("/boroughs/southwark/leads", new() { ["Input.Name"] = "Ama Boateng", ["Input.Email"] = "not an address" });
        badLead.Status.ShouldBe(HttpStatusCode.BadRequest);
        badLead.Document.ErrorSummary().ShouldBe(["Enter the lead's organisation", "Enter the lead's role, for example housing options lead", "Enter an e-mail address in the correct format, like name@example.com"], ignoreOrder: true);
        var email = $"lead-{Guid.NewGuid():N}@southwark.example.test";
        (await manager.PostFormAsync("/boroughs/southwark/leads", new()
        {
            ["Input.Name"] = "Ama Boateng",
            ["Input.OrganisationName"] = "London Borough of Southwark",
            ["Input.Role"] = "Housing options lead",
            ["Input.Email"] = email,
        })).Status.ShouldBe(HttpStatusCode.Redirect);

        (await officer.PostFormAsync("/boroughs/southwark/release-list?handler=Send", [])).Document.ErrorSummary().ShouldBe([ReleaseListService.NotPermitted]);
        var sent = await manager.PostFormAsync("/boroughs/southwark/release-list?handler=Send", []);
        sent.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", sent.Document.ErrorSummary()));
        var send = await factory.WithDbAsync(db => db.ReleaseListSends.AsNoTracking().SingleAsync(s => s.Borough == "southwark" && s.ScheduledWeek == null && s.Recipients.Contains(email)));
        sent.Location.ShouldBe($"/boroughs/southwark/release-list/sent/{send.Id}");
        var message = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == email));
        message.Body.ShouldContain($"/boroughs/southwark/release-list/sent/{send.Id}");
        message.Body.ShouldNotContain("HYPERLINK", Case.Insensitive, "no personal data in the e-mail");
        var shared = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.PersonId == scene.Soon && a.EventType == nameof(ReleaseListShared) && a.RecordId == send.Id.ToString()));
        shared.Details!.ShouldContain(email);

        // The release date moves after the list went: the list as sent still shows what the leads saw.
        var period = await PeriodAsync(scene.Soon);
        var dates = new Dictionary<string, string> { ["Version"] = period.Version.ToString(), ["Input.ExpectedReleaseConfirmed"] = "true", ["Input.ReleaseBorough"] = "southwark", ["Input.Reason"] = "Recalculated" };
        Date(dates, "Input.Dates.ExpectedRelease", factory.Today.AddDays(30));
        (await officer.PostFormAsync($"/people/{scene.Soon}/custody/{period.Id}/dates", dates)).Status.ShouldBe(HttpStatusCode.Redirect);
        var frozen = await officer.GetAsync(sent.Location!);
        frozen.Document.QuerySelector($"tr[data-person='{scene.Soon}']").Text().ShouldContain(factory.Today.AddDays(20).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        (await officer.GetAsync("/boroughs/southwark/release-list")).Document.QuerySelector($"tr[data-person='{scene.Soon}']").Text()
            .ShouldContain(factory.Today.AddDays(30).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));

        // Someone whose organisation does not work with the people on it sees none of them, even through the link.
        var outsider = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.Manager));
        var theirs = await outsider.GetAsync(sent.Location!);
        theirs.Document.QuerySelector($"tr[data-person='{scene.Soon}']").ShouldBeNull();
        theirs.Document.QuerySelector("#hidden-rows").ShouldNotBeNull();

        // The weekly schedule sends each borough with leads its list once a week.
        var schedule = factory.Services.GetRequiredService<ReleaseListSchedule>();
        await schedule.SendDueAsync(CancellationToken.None);
        await schedule.SendDueAsync(CancellationToken.None);
        (await factory.WithDbAsync(db => db.ReleaseListSends.CountAsync(s => s.Borough == "southwark" && s.ScheduledWeek == ReleaseListSchedule.WeekOf(factory.Today)))).ShouldBe(1);
    }

    [Fact]
    public async Task TheArchive_CarriesTheOutcomes_AndTheApiReadsTheList()
    {
        var scene = await CreateAsync();
        var officer = await Browser.SignInAsync(factory, scene.Officer);
        var period = await PeriodAsync(scene.Released);

        var archive = await officer.GetAsync("/boroughs/southwark/archive");
        archive.Document.QuerySelector($"tr[data-person='{scene.Released}']").Text().ShouldContain("On release: Temporary");
        (await officer.PostFormAsync($"/people/{scene.Released}/custody/{period.Id}/outcomes", new() { ["Version"] = period.Version.ToString() }))
            .Document.ErrorSummary().ShouldBe(["Select at least one outcome to record"]);
        (await officer.PostFormAsync($"/people/{scene.Released}/custody/{period.Id}/outcomes", new()
        {
            ["Version"] = period.Version.ToString(),
            ["Input.AccommodationAtThreeMonths"] = nameof(ReleaseAccommodation.Settled),
            ["Input.Engagement"] = nameof(Engagement.Engaged),
            ["Input.Ete"] = nameof(EteStatus.Training),
        })).Status.ShouldBe(HttpStatusCode.Redirect);
        var row = (await officer.GetAsync("/boroughs/southwark/archive")).Document.QuerySelector($"tr[data-person='{scene.Released}']").Text();
        row.ShouldContain("At three months: Settled");
        row.ShouldContain("In training");
        row.ShouldContain("No", Case.Sensitive);

        var client = await EpisodesApiTests.ClientForAsync(factory, scene.Probation.Id);
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/boroughs/southwark/release-list", UriKind.Relative)));
        json.RootElement.EnumerateArray().Select(r => r.GetProperty("personId").GetGuid()).ShouldBe([scene.Soon]);
        (await client.GetAsync(new Uri("/api/v1/boroughs/nowhere/release-list", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
