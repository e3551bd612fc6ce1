using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Admin;

public sealed class InstrumentPagesTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    public const string ValidDefinition = """
        {
          "name": "Short wellbeing scale",
          "higherIsBetter": true,
          "options": [ { "value": 1, "label": "None of the time" }, { "value": 2, "label": "Some of the time" }, { "value": 3, "label": "All of the time" } ],
          "items": [ { "text": "I have felt optimistic" }, { "text": "I have felt tense", "reverse": true } ],
          "bands": [ { "min": 2, "max": 3, "label": "Low" }, { "min": 4, "max": 6, "label": "High" } ]
        }
        """;

    private readonly TestData _data = new(factory);

    private async Task<(Browser Browser, TestUser Administrator)> SignInAsAdministratorAsync()
    {
        var administrator = await _data.CreateStaffAsync(StaffRoles.Administrator);
        return (await Browser.SignInAsync(factory, administrator), administrator);
    }

    private static Dictionary<string, string> Form(string code, string definition) =>
        new() { ["Input.Code"] = code, ["Input.Name"] = "Short wellbeing scale", ["Input.Definition"] = definition };

    [Fact]
    public async Task Get_List_ShowsTheShippedInstruments()
    {
        var (browser, _) = await SignInAsAdministratorAsync();

        var page = await browser.GetAsync("/admin/instruments");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var codes = page.Document.QuerySelectorAll("#instruments tr").Select(r => r.Children[0].Text()).ToList();
        codes.ShouldBe(["GAD-7", "REL-ENG", "PHQ-9"], ignoreOrder: true);
    }

    [Fact]
    public async Task Post_ValidDefinition_StoresItForTheAdministratorsOrganisationAndAuditsIt()
    {
        var (browser, administrator) = await SignInAsAdministratorAsync();
        var code = "SWB-" + Guid.NewGuid().ToString("N")[..6];

        var posted = await browser.PostFormAsync("/admin/instruments/new", Form(code, ValidDefinition));

        posted.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", posted.Document.ErrorSummary()));
        var instrument = await factory.WithDbAsync(db => db.Instruments.SingleAsync(i => i.Code == code));
        instrument.OrganisationId.ShouldBe(administrator.OrganisationId);
        instrument.Definition.ShouldBe(ValidDefinition.ReplaceLineEndings("\r\n"), StringCompareShould.IgnoreLineEndings);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.Instrument && a.RecordId == instrument.Id.ToString() && a.Action == AuditActions.Create))).ShouldBe(1);
        var list = await browser.GetAsync("/admin/instruments");
        list.Document.QuerySelectorAll("#instruments tr").ShouldContain(r => r.Children[0].Text() == code);
    }

    [Fact]
    public async Task Post_InvalidDefinition_ShowsEachMessageAndStoresNothing()
    {
        var (browser, _) = await SignInAsAdministratorAsync();
        var code = "BAD-" + Guid.NewGuid().ToString("N")[..6];
        var gappy = ValidDefinition.Replace("\"min\": 4", "\"min\": 5", StringComparison.Ordinal).Replace("\"name\": \"Short wellbeing scale\",", "", StringComparison.Ordinal);

        var page = await browser.PostFormAsync("/admin/instruments/new", Form(code, gappy));
        var broken = await browser.PostFormAsync("/admin/instruments/new", Form(code, "{ \"name\": \"x\", "));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain(e => e.StartsWith("The definition has no name", StringComparison.Ordinal));
        page.Document.ErrorSummary().ShouldContain("No band covers scores 4 to 4");
        broken.Status.ShouldBe(HttpStatusCode.BadRequest);
        broken.Document.ErrorSummary().ShouldContain(e => e.StartsWith("The definition is not valid JSON", StringComparison.Ordinal));
        (await factory.WithDbAsync(db => db.Instruments.CountAsync(i => i.Code == code))).ShouldBe(0);
    }

    [Fact]
    public async Task Post_ShippedCode_IsRefused()
    {
        var (browser, _) = await SignInAsAdministratorAsync();

        var page = await browser.PostFormAsync("/admin/instruments/new", Form("phq-9", ValidDefinition));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain("An instrument with this code already exists: choose another code");
    }

    [Fact]
    public async Task RetireAndUnretire_OwnInstrument_IsAuditedAndHidesItFromRecording()
    {
        var (browser, administrator) = await SignInAsAdministratorAsync();
        var code = "RET-" + Guid.NewGuid().ToString("N")[..6];
        await browser.PostFormAsync("/admin/instruments/new", Form(code, ValidDefinition));
        var id = await factory.WithDbAsync(db => db.Instruments.Where(i => i.Code == code).Select(i => i.Id).SingleAsync());

        var retired = await browser.PostFormAsync($"/admin/instruments?handler=Retire&instrumentId={id}", [], "/admin/instruments");

        retired.Status.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Instruments.SingleAsync(i => i.Id == id))).Retired.ShouldBeTrue();
        var unretired = await browser.PostFormAsync($"/admin/instruments?handler=Unretire&instrumentId={id}", [], "/admin/instruments");
        unretired.Status.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Instruments.SingleAsync(i => i.Id == id))).Retired.ShouldBeFalse();
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.Instrument && a.RecordId == id.ToString() && a.Action == AuditActions.Update && a.UserId == administrator.Id))).ShouldBe(2);
    }

    [Fact]
    public async Task Retire_ShippedOrAnotherOrganisationsInstrument_IsNotFound()
    {
        var (browser, _) = await SignInAsAdministratorAsync();
        var shipped = Core.Domain.Episodes.InstrumentCatalogueService.Shipped[0].Id;

        var page = await browser.PostFormAsync($"/admin/instruments?handler=Retire&instrumentId={shipped}", [], "/admin/instruments");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.WithDbAsync(db => db.Instruments.SingleAsync(i => i.Id == shipped))).Retired.ShouldBeFalse();
    }

    [Fact]
    public async Task ListAndRetire_AnotherOrganisationsInstrument_IsHiddenAnswers404AndIsAudited()
    {
        var (theirs, _) = await SignInAsAdministratorAsync();
        var code = "THR-" + Guid.NewGuid().ToString("N")[..6];
        await theirs.PostFormAsync("/admin/instruments/new", Form(code, ValidDefinition));
        var id = await factory.WithDbAsync(db => db.Instruments.Where(i => i.Code == code).Select(i => i.Id).SingleAsync());
        var (browser, administrator) = await SignInAsAdministratorAsync();

        var list = await browser.GetAsync("/admin/instruments");
        var page = await browser.PostFormAsync($"/admin/instruments?handler=Retire&instrumentId={id}", [], "/admin/instruments");

        list.Document.QuerySelectorAll("#instruments tr").ShouldNotContain(r => r.Children[0].Text() == code);
        page.Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.WithDbAsync(db => db.Instruments.SingleAsync(i => i.Id == id))).Retired.ShouldBeFalse();
        (await factory.DeniedAsync(administrator, AuditRecordTypes.Instrument, id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Practitioner_CannotOpenTheInstrumentPages()
    {
        var practitioner = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, practitioner);

        var page = await browser.GetAsync("/admin/instruments/new");

        ((int)page.Status).ShouldBeGreaterThanOrEqualTo(400);
    }
}
