using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Episodes;

namespace Throughcare.Tests.Pages.Admin;

/// <summary>
/// /admin/pathways, /admin/pathways/new and /admin/pathways/{id}: the partnership's resettlement pathways. The tests of
/// this class share one database, so each changes only pathways it added itself.
/// </summary>
public sealed class PathwayPagesTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    private async Task<Browser> PartnershipAdministratorAsync() => (await factory.PartnershipAdministratorAsync()).Browser;

    private async Task<ResettlementPathway> AddAsync(Browser administrator, string label)
    {
        var added = await administrator.PostFormAsync("/admin/pathways/new", new() { ["Input.Label"] = label });
        added.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", added.Document.ErrorSummary()));
        return await factory.WithDbAsync(db => db.ResettlementPathways.AsNoTracking().SingleAsync(p => p.Label == label));
    }

    private Task<List<AuditEvent>> EventsAsync<TEvent>(Guid pathwayId) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.RecordType == AuditRecordTypes.ResettlementPathway && a.RecordId == pathwayId.ToString() && a.EventType == typeof(TEvent).Name)
            .OrderBy(a => a.Sequence).ToListAsync());

    /// <summary>Every pathway the needs form asks about, in the form's order, by the field's name.</summary>
    private static List<string> NeedsFields(IHtmlDocument needsForm) =>
        needsForm.QuerySelectorAll("input[type=radio]").Select(i => i.GetAttribute("name")!).Where(n => n.StartsWith("Input.Levels[", StringComparison.Ordinal)).Distinct().ToList();

    private static Dictionary<string, string> NeedsAnswers(DateOnly today, IEnumerable<string> fields)
    {
        var form = PlanTestData.NeedsForm(today, "Start", "High");
        foreach (var field in fields)
        {
            form[field] = "Medium";
        }

        return form;
    }

    [Fact]
    public async Task Get_List_ShowsThePlansPathwaysInOrder_AndTheFormerDrugsAndAlcoholRetired()
    {
        var administrator = await PartnershipAdministratorAsync();

        var page = await administrator.GetAsync("/admin/pathways");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var rows = page.Document.QuerySelectorAll("#pathways tr[data-pathway]")
            .Select(r => (Code: r.GetAttribute("data-pathway"), Label: r.Children[0].Text(), Status: r.Children[2].Text())).Take(8).ToList();
        rows.ShouldBe(
        [
            ("accommodation", "Accommodation", "In use"),
            ("ete", "Education, training and employment", "In use"),
            ("health", "Mental and physical health (including alcohol)", "In use"),
            ("drugs", "Drugs", "In use"),
            ("finance", "Finance, benefit and debt", "In use"),
            ("children-families", "Children, families and support networks", "In use"),
            ("attitudes", "Attitudes, thinking and behaviour", "In use"),
            ("drugs-alcohol", "Drugs and alcohol (until November 2026)", "Retired"),
        ]);
        (await administrator.GetAsync("/admin")).Document.QuerySelector("a[href='/admin/pathways']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Post_New_AddsAPathway_ThatTheNeedsFormRequires_AndTheGoalAndContactFormsOffer()
    {
        var administrator = await PartnershipAdministratorAsync();
        var label = TestData.Unique("Women's reference group");

        var pathway = await AddAsync(administrator, label);

        (await administrator.GetAsync("/admin/pathways")).Banner().ShouldBe("Pathway added");
        pathway.Code.ShouldBe(ReferenceList.CodeFor(label));
        pathway.Retired.ShouldBeFalse();
        var added = (await EventsAsync<PathwayAdded>(pathway.Id)).ShouldHaveSingleItem();
        added.Action.ShouldBe(AuditActions.Create);
        (added.Event<PathwayAdded>().Code, added.Event<PathwayAdded>().Label).ShouldBe((pathway.Code, label));

        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var needs = await worker.GetAsync(scenario.Path + "/plan/needs/new");
        needs.Document.QuerySelectorAll("legend").Select(l => l.Text()).ShouldContain(label);
        var fields = NeedsFields(needs.Document);
        fields.ShouldContain(PlanTestData.LevelField(pathway.Code));

        // Required: an assessment without a level on the new pathway is refused with its name.
        var without = NeedsAnswers(factory.Today, fields.Where(f => f != PlanTestData.LevelField(pathway.Code)));
        var refused = await worker.PostFormAsync(scenario.Path + "/plan/needs/new", without);
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Document.AssertHasError($"Input_Levels_{pathway.Code}_", $"Select the level of need for {label.ToLowerInvariant()}");

        // Accepted: with it, the level is stored on the new pathway's code.
        var saved = await worker.PostFormAsync(scenario.Path + "/plan/needs/new", NeedsAnswers(factory.Today, fields));
        saved.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", saved.Document.ErrorSummary()));
        (await factory.WithDbAsync(db => db.NeedRatings.Where(r => r.Pathway == pathway.Code).Select(r => r.Level).SingleAsync())).ShouldBe(NeedLevel.Medium);

        (await worker.GetAsync(scenario.Path + "/plan/goals/new")).Document.Choices().ShouldContain(pathway.Code);
        (await worker.GetAsync(scenario.Path + "/contacts/new")).Document.Choices().ShouldContain(pathway.Code);
    }

    [Theory]
    [InlineData("", "Enter the name of the pathway")]
    [InlineData("   ", "Enter the name of the pathway")]
    [InlineData("Drugs", PathwayAdministration.LabelTaken)]
    [InlineData("mental and physical health (including alcohol)", PathwayAdministration.LabelTaken)]
    [InlineData("Drugs and alcohol (until November 2026)", PathwayAdministration.LabelTaken)]
    [InlineData("???", "Name must include letters or numbers")]
    [InlineData("Housing\u202Eevil", "Name must not contain hidden control characters")]
    public async Task Post_New_BadName_ShowsErrorAndAddsNothing(string label, string message)
    {
        var administrator = await PartnershipAdministratorAsync();
        var before = await factory.WithDbAsync(db => db.ResettlementPathways.CountAsync());

        var page = await administrator.PostFormAsync("/admin/pathways/new", new() { ["Input.Label"] = label });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Label", message);
        (await factory.WithDbAsync(db => db.ResettlementPathways.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Post_New_NameOfMoreThan100Characters_ShowsError()
    {
        var administrator = await PartnershipAdministratorAsync();

        var page = await administrator.PostFormAsync("/admin/pathways/new", new() { ["Input.Label"] = new string('a', 101) });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Label", "Name must be 100 characters or fewer");
        (await administrator.PostFormAsync("/admin/pathways/new", new() { ["Input.Label"] = TestData.Unique(new string('b', 91)) })).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Post_Rename_KeepsTheCode_ShowsTheNewNameOnTheForms_AndIsAudited()
    {
        var administrator = await PartnershipAdministratorAsync();
        var pathway = await AddAsync(administrator, TestData.Unique("Youth"));
        var renamed = TestData.Unique("Young adults");

        var saved = await administrator.PostFormAsync($"/admin/pathways/{pathway.Id}", new() { ["Input.Label"] = renamed, ["Version"] = pathway.Version.ToString() });

        saved.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", saved.Document.ErrorSummary()));
        var now = await factory.WithDbAsync(db => db.ResettlementPathways.AsNoTracking().SingleAsync(p => p.Id == pathway.Id));
        (now.Code, now.Label).ShouldBe((pathway.Code, renamed));
        var row = (await EventsAsync<PathwayRenamed>(pathway.Id)).ShouldHaveSingleItem().Event<PathwayRenamed>();
        (row.From, row.To).ShouldBe((pathway.Label, renamed));
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var needs = await (await Browser.SignInAsync(factory, scenario.EmotionalWorker)).GetAsync(scenario.Path + "/plan/needs/new");
        needs.Document.QuerySelectorAll("legend").Select(l => l.Text()).ShouldContain(renamed);

        // Another pathway's name, and a save over an older version, are refused.
        var taken = await administrator.PostFormAsync($"/admin/pathways/{pathway.Id}", new() { ["Input.Label"] = "Accommodation", ["Version"] = now.Version.ToString() });
        taken.Status.ShouldBe(HttpStatusCode.BadRequest);
        taken.Document.AssertHasError("Input_Label", PathwayAdministration.LabelTaken);
        var stale = await administrator.PostFormAsync($"/admin/pathways/{pathway.Id}", new() { ["Input.Label"] = TestData.Unique("Late"), ["Version"] = pathway.Version.ToString() });
        stale.Status.ShouldBe(HttpStatusCode.Conflict);
        stale.Document.QuerySelector("[data-saved]")!.Text().ShouldBe(renamed);
        (await factory.WithDbAsync(db => db.ResettlementPathways.AsNoTracking().SingleAsync(p => p.Id == pathway.Id))).Label.ShouldBe(renamed);
    }

    [Fact]
    public async Task Post_Retire_TakesItOffTheForms_KeepsItsNameOnTheirRecords_AndRestoreBringsItBack()
    {
        var administrator = await PartnershipAdministratorAsync();
        var label = TestData.Unique("Faith and community");
        var pathway = await AddAsync(administrator, label);
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        (await worker.PostFormAsync(scenario.Path + "/plan/goals/new", new() { ["SubmissionId"] = Guid.NewGuid().ToString(), ["Input.Description"] = "Find a mosque near the hostel", ["Input.Pathway"] = pathway.Code }))
            .Status.ShouldBe(HttpStatusCode.Redirect);

        var retired = await administrator.PostFormAsync($"/admin/pathways/{pathway.Id}?handler=Retire", [], formPage: $"/admin/pathways/{pathway.Id}");

        retired.Status.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.ResettlementPathways.AsNoTracking().SingleAsync(p => p.Id == pathway.Id))).Retired.ShouldBeTrue();
        (await EventsAsync<PathwayRetired>(pathway.Id)).ShouldHaveSingleItem().Event<PathwayRetired>().Retired.ShouldBeTrue();
        NeedsFields((await worker.GetAsync(scenario.Path + "/plan/needs/new")).Document).ShouldNotContain(PlanTestData.LevelField(pathway.Code));
        (await worker.GetAsync(scenario.Path + "/plan/goals/new")).Document.Choices().ShouldNotContain(pathway.Code);
        (await worker.GetAsync(scenario.Path + "/contacts/new")).Document.Choices().ShouldNotContain(pathway.Code);
        var refused = await worker.PostFormAsync(scenario.Path + "/plan/goals/new", new() { ["SubmissionId"] = Guid.NewGuid().ToString(), ["Input.Description"] = "Another goal", ["Input.Pathway"] = pathway.Code });
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Document.AssertHasError("Input_Pathway", "Select a pathway from the list");

        // The goal set before still shows the pathway's name, in the plan and in the change history.
        (await worker.GetAsync(scenario.Path + "/plan")).Html.ShouldContain($"Find a mosque near the hostel ({label})");
        (await worker.GetAsync($"/people/{scenario.PersonId}/history")).Html.ShouldContain(label);

        var restored = await administrator.PostFormAsync($"/admin/pathways/{pathway.Id}?handler=Restore", [], formPage: $"/admin/pathways/{pathway.Id}");
        restored.Status.ShouldBe(HttpStatusCode.Redirect);
        (await worker.GetAsync(scenario.Path + "/plan/goals/new")).Document.Choices().ShouldContain(pathway.Code);
        (await EventsAsync<PathwayRetired>(pathway.Id)).Select(r => r.Event<PathwayRetired>().Retired).ShouldBe([true, false]);
    }

    [Fact]
    public async Task Post_MoveUp_PutsItBeforeTheOneAbove_OnTheForms()
    {
        var administrator = await PartnershipAdministratorAsync();
        var first = await AddAsync(administrator, TestData.Unique("Sport"));
        var second = await AddAsync(administrator, TestData.Unique("Arts"));

        var moved = await administrator.PostFormAsync($"/admin/pathways/{second.Id}?handler=Up", [], formPage: "/admin/pathways");

        moved.Status.ShouldBe(HttpStatusCode.Redirect);
        var codes = (await administrator.GetAsync("/admin/pathways")).Document.QuerySelectorAll("#pathways tr[data-pathway]").Select(r => r.GetAttribute("data-pathway")).ToList();
        codes.IndexOf(second.Code).ShouldBe(codes.IndexOf(first.Code) - 1);
        var row = (await EventsAsync<PathwayMoved>(second.Id)).ShouldHaveSingleItem().Event<PathwayMoved>();
        (row.From, row.To).ShouldBe((second.Position, first.Position));
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var fields = NeedsFields((await (await Browser.SignInAsync(factory, scenario.EmotionalWorker)).GetAsync(scenario.Path + "/plan/needs/new")).Document);
        fields.IndexOf(PlanTestData.LevelField(second.Code)).ShouldBe(fields.IndexOf(PlanTestData.LevelField(first.Code)) - 1);
    }

    [Theory]
    [InlineData(StaffRoles.Administrator)]
    [InlineData(StaffRoles.Manager)]
    [InlineData(StaffRoles.Practitioner)]
    [InlineData(StaffRoles.DataProtectionOfficer)]
    public async Task Pages_AreRefusedToAllButPartnershipAdministrators_AndChangeNothing(string role)
    {
        var pathway = await AddAsync(await PartnershipAdministratorAsync(), TestData.Unique("Veterans"));
        var browser = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(role));
        var before = await factory.WithDbAsync(db => db.ResettlementPathways.AsNoTracking().OrderBy(p => p.Code).ToListAsync());

        foreach (var url in new[] { "/admin/pathways", "/admin/pathways/new", $"/admin/pathways/{pathway.Id}" })
        {
            (await browser.GetAsync(url)).Status.ShouldBe(HttpStatusCode.Forbidden, url);
        }

        var token = await browser.GetTokenAsync("/sign-out");
        foreach (var (url, fields) in new (string, Dictionary<string, string>)[]
        {
            ("/admin/pathways/new", new() { ["Input.Label"] = TestData.Unique("Intruder") }),
            ($"/admin/pathways/{pathway.Id}", new() { ["Input.Label"] = TestData.Unique("Renamed"), ["Version"] = pathway.Version.ToString() }),
            ($"/admin/pathways/{pathway.Id}?handler=Retire", []),
            ($"/admin/pathways/{pathway.Id}?handler=Up", []),
        })
        {
            fields["__RequestVerificationToken"] = token;
            (await browser.PostRawAsync(url, fields)).Status.ShouldBe(HttpStatusCode.Forbidden, url);
        }

        var after = await factory.WithDbAsync(db => db.ResettlementPathways.AsNoTracking().OrderBy(p => p.Code).ToListAsync());
        after.Select(p => (p.Code, p.Label, p.Position, p.Retired, p.Version)).ShouldBe(before.Select(p => (p.Code, p.Label, p.Position, p.Retired, p.Version)));
    }
}
