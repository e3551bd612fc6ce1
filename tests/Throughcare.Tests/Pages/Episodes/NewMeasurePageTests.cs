using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.Episodes.MeasureTestData;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/measures/new: choosing an instrument, then recording its answers, scored on the server.</summary>
public sealed class NewMeasurePageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private DateOnly Today => factory.Today;

    [Fact]
    public async Task Get_New_OffersTheShippedInstrumentsThenTheChosenOnesItems()
    {
        var scenario = await MeasureTestData.ScenarioAsync(factory);
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
        var scenario = await MeasureTestData.ScenarioAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var fields = Phq9Form([1, 1, 1, 1, 1, 1, 1, 1, 2], Today.AddDays(-1));
        fields["Input.Score"] = "0";
        fields["Score"] = "0";
        fields["Band"] = "None–minimal";

        var posted = await browser.PostFormAsync(NewUrl(scenario), fields);

        posted.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", posted.Document.ErrorSummary()));
        posted.Location.ShouldBe($"{scenario.Path}/measures");
        (await browser.GetAsync(posted.Location!)).Banner().ShouldBe("Measure recorded");
        var result = (await ResultsAsync(factory, scenario)).ShouldHaveSingleItem();
        result.InstrumentId.ShouldBe(Phq9);
        result.Score.ShouldBe(10);
        result.Band.ShouldBe("Moderate");
        result.Answers.ShouldBe([1, 1, 1, 1, 1, 1, 1, 1, 2]);
        result.Occasion.ShouldBe(AssessmentOccasion.Start);
        result.TakenOn.ShouldBe(Today.AddDays(-1));
        result.RecordedByUserId.ShouldBe(scenario.EmotionalWorker.Id);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.Measure && a.RecordId == result.Id.ToString() && a.Action == AuditActions.Create))).ShouldBe(1);
        var row = (await factory.EpisodeEventsAsync<MeasureRecorded>(scenario)).ShouldHaveSingleItem();
        row.ShouldBeAbout(AuditRecordTypes.Measure, result.Id, AuditActions.Create, scenario, scenario.EmotionalWorker);
        var recorded = row.Event<MeasureRecorded>();
        (recorded.InstrumentId, recorded.Occasion, recorded.TakenOn, recorded.Score, recorded.Band).ShouldBe((Phq9, AssessmentOccasion.Start, Today.AddDays(-1), 10, (string?)"Moderate"));
    }

    [Fact]
    public async Task Post_SameSubmissionTwice_StoresOneResult()
    {
        var scenario = await MeasureTestData.ScenarioAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var fields = Phq9Form([0, 0, 0, 0, 0, 0, 0, 0, 0], Today);

        (await browser.PostFormAsync(NewUrl(scenario), fields)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await browser.PostFormAsync(NewUrl(scenario), fields)).Status.ShouldBe(HttpStatusCode.Redirect);

        (await ResultsAsync(factory, scenario)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Post_MissingItem_NamesTheItemAndWritesNothing()
    {
        var scenario = await MeasureTestData.ScenarioAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var fields = Phq9Form([0, 0, 0, 0, 0, 0, 0, 0, 0], Today);
        fields.Remove("Input.Answers[3]");

        var page = await browser.PostFormAsync(NewUrl(scenario), fields);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain("Select an answer to item 4");
        (await ResultsAsync(factory, scenario)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1, "Date taken must be today or in the past")]
    [InlineData(-31, "Date taken must be on or after the day the episode started")]
    public async Task Post_DateOutsideTheEpisode_IsRefused(int days, string message)
    {
        var scenario = await MeasureTestData.ScenarioAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync(NewUrl(scenario), Phq9Form([0, 0, 0, 0, 0, 0, 0, 0, 0], Today.AddDays(days)));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain(e => e.StartsWith(message, StringComparison.Ordinal));
        (await ResultsAsync(factory, scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_AnswerNotAmongTheOptions_IsRefused()
    {
        var scenario = await MeasureTestData.ScenarioAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync(NewUrl(scenario), Phq9Form([0, 0, 0, 0, 0, 0, 0, 0, 7], Today));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain("Select one of the answers to item 9");
        (await ResultsAsync(factory, scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ClosedEpisode_CannotBeRecordedAgainst()
    {
        var scenario = await MeasureTestData.ScenarioAsync(factory, EpisodeState.Closed);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);

        (await browser.GetAsync(NewUrl(scenario))).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherOrganisationsInstrument_IsNotOffered()
    {
        var scenario = await MeasureTestData.ScenarioAsync(factory);
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
        var scenario = await MeasureTestData.ScenarioAsync(factory);
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

    [Fact]
    public async Task Dpo_CannotRecord()
    {
        var scenario = await MeasureTestData.ScenarioAsync(factory);
        var dpo = await Browser.SignInAsync(factory, scenario.Dpo);

        (await dpo.GetAsync(NewUrl(scenario))).Status.ShouldBe(HttpStatusCode.NotFound);
        var dpoToken = await dpo.GetTokenAsync("/account/password");
        var posted = await dpo.PostRawAsync(NewUrl(scenario), [.. Phq9Form([0, 0, 0, 0, 0, 0, 0, 0, 0], Today), KeyValuePair.Create("__RequestVerificationToken", dpoToken)]);

        posted.Status.ShouldBe(HttpStatusCode.NotFound);
        (await ResultsAsync(factory, scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Dpo_ReferrerAndOutsider_GetNotFound()
    {
        var scenario = await MeasureTestData.ScenarioAsync(factory);

        await factory.ShouldFindNothingAsync(scenario, [scenario.Dpo, scenario.Referrer, scenario.Outsider], "/measures/new", "/measures/new?instrument=PHQ-9");
    }
}
