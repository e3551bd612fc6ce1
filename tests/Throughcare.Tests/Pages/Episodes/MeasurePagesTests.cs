using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Episodes;

namespace Throughcare.Tests.Pages.Episodes;

public sealed class MeasurePagesTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private static readonly Guid Phq9 = InstrumentCatalogueService.Shipped[0].Id;

    private DateOnly Today => factory.Today;

    /// <summary>An episode that started a month ago, so that measures can be dated within it.</summary>
    private async Task<EpisodeScenario> ScenarioAsync(EpisodeState state = EpisodeState.Engaging)
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(state);
        var started = Today.AddDays(-30);
        await factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == scenario.Episode.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.StartedOn, started)));
        return scenario;
    }

    private static Dictionary<string, string> Phq9Form(int[] answers, DateOnly takenOn, string occasion = "Start")
    {
        var fields = new Dictionary<string, string>
        {
            ["instrument"] = "PHQ-9",
            ["SubmissionId"] = Guid.NewGuid().ToString(),
            ["Input.Occasion"] = occasion,
            ["Input.TakenOn.Day"] = takenOn.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.TakenOn.Month"] = takenOn.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.TakenOn.Year"] = takenOn.Year.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < answers.Length; i++)
        {
            fields[$"Input.Answers[{i}]"] = answers[i].ToString(CultureInfo.InvariantCulture);
        }

        return fields;
    }

    private static string NewUrl(EpisodeScenario scenario) => $"{scenario.Path}/measures/new?instrument=PHQ-9";

    private Task<List<MeasureResult>> ResultsAsync(EpisodeScenario scenario) =>
        factory.WithDbAsync(db => db.MeasureResults.Where(m => m.EpisodeId == scenario.Episode.Id).ToListAsync());

    [Fact]
    public async Task Get_NoMeasures_ShowsTheEmptyStateAndALinkToRecord()
    {
        var scenario = await ScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync($"{scenario.Path}/measures");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#no-measures").ShouldNotBeNull();
        page.Document.QuerySelector($"a[href='{scenario.Path}/measures/new']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Get_New_OffersTheShippedInstrumentsThenTheChosenOnesItems()
    {
        var scenario = await ScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var choose = await browser.GetAsync($"{scenario.Path}/measures/new");
        var form = await browser.GetAsync(NewUrl(scenario));

        choose.Status.ShouldBe(HttpStatusCode.OK);
        choose.Document.QuerySelectorAll("input[name=Instrument]").Select(i => i.GetAttribute("value")).ShouldBe(["GAD-7", "PHQ-9", "REL-ENG"], ignoreOrder: true);
        form.Status.ShouldBe(HttpStatusCode.OK);
        form.Document.QuerySelectorAll("input[type=radio][name^='Input.Answers']").Length.ShouldBe(9 * 4);
        form.Html.ShouldContain("Little interest or pleasure in doing things");
        form.Document.QuerySelector("#instrument-source").Text().ShouldContain("Pfizer");
    }

    [Fact]
    public async Task Post_Valid_StoresTheAnswersWithTheScoreAndBandWorkedOutOnTheServer()
    {
        var scenario = await ScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var fields = Phq9Form([1, 1, 1, 1, 1, 1, 1, 1, 2], Today.AddDays(-1));
        fields["Input.Score"] = "0";
        fields["Score"] = "0";
        fields["Band"] = "None–minimal";

        var posted = await browser.PostFormAsync(NewUrl(scenario), fields);

        posted.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", posted.Document.ErrorSummary()));
        posted.Location.ShouldBe($"{scenario.Path}/measures?saved=measure");
        var result = (await ResultsAsync(scenario)).ShouldHaveSingleItem();
        result.InstrumentId.ShouldBe(Phq9);
        result.Score.ShouldBe(10);
        result.Band.ShouldBe("Moderate");
        result.Answers.ShouldBe([1, 1, 1, 1, 1, 1, 1, 1, 2]);
        result.Occasion.ShouldBe(AssessmentOccasion.Start);
        result.TakenOn.ShouldBe(Today.AddDays(-1));
        result.RecordedByUserId.ShouldBe(scenario.EmotionalWorker.Id);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.Measure && a.RecordId == result.Id.ToString() && a.Action == AuditActions.Create))).ShouldBe(1);
    }

    [Fact]
    public async Task Post_SameSubmissionTwice_StoresOneResult()
    {
        var scenario = await ScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var fields = Phq9Form([0, 0, 0, 0, 0, 0, 0, 0, 0], Today);

        (await browser.PostFormAsync(NewUrl(scenario), fields)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await browser.PostFormAsync(NewUrl(scenario), fields)).Status.ShouldBe(HttpStatusCode.Redirect);

        (await ResultsAsync(scenario)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Post_MissingItem_NamesTheItemAndWritesNothing()
    {
        var scenario = await ScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var fields = Phq9Form([0, 0, 0, 0, 0, 0, 0, 0, 0], Today);
        fields.Remove("Input.Answers[3]");

        var page = await browser.PostFormAsync(NewUrl(scenario), fields);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain("Select an answer to item 4");
        (await ResultsAsync(scenario)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1, "Date taken must be today or in the past")]
    [InlineData(-31, "Date taken must be on or after the day the episode started")]
    public async Task Post_DateOutsideTheEpisode_IsRefused(int days, string message)
    {
        var scenario = await ScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync(NewUrl(scenario), Phq9Form([0, 0, 0, 0, 0, 0, 0, 0, 0], Today.AddDays(days)));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain(e => e.StartsWith(message, StringComparison.Ordinal));
        (await ResultsAsync(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_AnswerNotAmongTheOptions_IsRefused()
    {
        var scenario = await ScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync(NewUrl(scenario), Phq9Form([0, 0, 0, 0, 0, 0, 0, 0, 7], Today));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain("Select one of the answers to item 9");
        (await ResultsAsync(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_TwoResults_ShowsTheChangeFromFirstToLatestInWords()
    {
        var scenario = await ScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.Colleague);
        await browser.PostFormAsync(NewUrl(scenario), Phq9Form([2, 2, 2, 2, 2, 2, 2, 1, 1], Today.AddDays(-20)));
        await browser.PostFormAsync(NewUrl(scenario), Phq9Form([1, 1, 1, 1, 1, 1, 2, 1, 1], Today.AddDays(-2), "Review"));

        var page = await browser.GetAsync($"{scenario.Path}/measures");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var section = page.Document.QuerySelector("#measure-PHQ-9").ShouldNotBeNull();
        section.QuerySelector(".app-measure-change").Text().ShouldContain("improved by 6 (reliable change)");
        section.QuerySelectorAll("tbody tr").Select(r => r.Children[2].Text()).ShouldBe(["16", "10"]);
        section.QuerySelectorAll("tbody tr").Select(r => r.Children[3].Text()).ShouldBe(["Moderately severe", "Moderate"]);
        section.QuerySelectorAll("tbody tr").Select(r => r.Children[1].Text()).ShouldBe(["Start", "Review"]);
    }

    [Fact]
    public async Task Get_ScoreGettingWorse_SaysWorsened()
    {
        var scenario = await ScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.Colleague);
        await browser.PostFormAsync(NewUrl(scenario), Phq9Form([0, 0, 0, 0, 0, 0, 0, 0, 1], Today.AddDays(-20)));
        await browser.PostFormAsync(NewUrl(scenario), Phq9Form([1, 1, 1, 1, 0, 0, 0, 0, 0], Today.AddDays(-2), "Review"));

        var page = await browser.GetAsync($"{scenario.Path}/measures");

        page.Document.QuerySelector("#measure-PHQ-9 .app-measure-change").Text().ShouldContain("worsened by 3");
    }

    [Fact]
    public async Task ReferrerAndOutsider_GetNotFound()
    {
        var scenario = await ScenarioAsync();
        foreach (var user in new[] { scenario.Referrer, scenario.Outsider })
        {
            var browser = await Browser.SignInAsync(factory, user);
            (await browser.GetAsync($"{scenario.Path}/measures")).Status.ShouldBe(HttpStatusCode.NotFound);
            (await browser.GetAsync(NewUrl(scenario))).Status.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Dpo_SeesTheMeasuresButCannotRecord()
    {
        var scenario = await ScenarioAsync();
        var dpo = await Browser.SignInAsync(factory, scenario.Dpo);

        (await dpo.GetAsync($"{scenario.Path}/measures")).Status.ShouldBe(HttpStatusCode.OK);
        (await dpo.GetAsync(NewUrl(scenario))).Status.ShouldBe(HttpStatusCode.NotFound);
        var dpoToken = await dpo.GetTokenAsync("/account/password");
        var posted = await dpo.PostRawAsync(NewUrl(scenario), [.. Phq9Form([0, 0, 0, 0, 0, 0, 0, 0, 0], Today), KeyValuePair.Create("__RequestVerificationToken", dpoToken)]);

        posted.Status.ShouldBe(HttpStatusCode.NotFound);
        (await ResultsAsync(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ClosedEpisode_CannotBeRecordedAgainst()
    {
        var scenario = await ScenarioAsync(EpisodeState.Closed);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);

        (await browser.GetAsync(NewUrl(scenario))).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherOrganisationsInstrument_IsNotOffered()
    {
        var scenario = await ScenarioAsync();
        var other = await new TestData(factory).CreateOrganisationAsync();
        await factory.WithDbAsync(async db =>
        {
            db.Instruments.Add(new Instrument
            {
                Id = Guid.NewGuid(),
                Code = "OTHER-1",
                Name = "Other organisation's scale",
                Definition = InstrumentCatalogueService.ShippedJson("gad-7.json"),
                OrganisationId = other.Id,
                CreatedAt = factory.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync($"{scenario.Path}/measures/new?instrument=OTHER-1");

        page.Document.QuerySelectorAll("input[name=Instrument]").Select(i => i.GetAttribute("value")).ShouldNotContain("OTHER-1");
        page.Document.QuerySelector("input[name^='Input.Answers']").ShouldBeNull();
    }

    [Fact]
    public async Task OwnInstrument_IsOfferedUntilRetired()
    {
        var scenario = await ScenarioAsync();
        var code = "OWN-" + Guid.NewGuid().ToString("N")[..6];
        var id = Guid.NewGuid();
        await factory.WithDbAsync(async db =>
        {
            db.Instruments.Add(new Instrument
            {
                Id = id,
                Code = code,
                Name = "Our own scale",
                Definition = InstrumentCatalogueService.ShippedJson("gad-7.json"),
                OrganisationId = scenario.Service.OrganisationId,
                CreatedAt = factory.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var offered = await browser.GetAsync($"{scenario.Path}/measures/new");
        await factory.WithDbAsync(db => db.Instruments.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Retired, true)));
        var afterRetiring = await browser.GetAsync($"{scenario.Path}/measures/new?instrument={code}");

        offered.Document.QuerySelectorAll("input[name=Instrument]").Select(i => i.GetAttribute("value")).ShouldContain(code);
        afterRetiring.Document.QuerySelectorAll("input[name=Instrument]").Select(i => i.GetAttribute("value")).ShouldNotContain(code);
        afterRetiring.Document.QuerySelector("input[name^='Input.Answers']").ShouldBeNull();
    }
}
