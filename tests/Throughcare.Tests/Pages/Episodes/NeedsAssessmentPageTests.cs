using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/plan/needs/new: a needs assessment across the seven resettlement pathways.</summary>
public sealed class NeedsAssessmentPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private Dictionary<string, string> NeedsForm(string occasion, string accommodation, string? note = null) => PlanTestData.NeedsForm(factory.Today, occasion, accommodation, note);

    [Fact]
    public async Task Post_StartThenReview_StoresAudits_AndThePlanShowsTheChangeInWords()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var first = await browser.PostFormAsync(scenario.Path + "/plan/needs/new", NeedsForm("Start", "High", "note one"));
        first.Status.ShouldBe(HttpStatusCode.Redirect);
        first.Location.ShouldBe(scenario.Path + "/plan");
        (await browser.GetAsync(first.Location!)).Banner().ShouldBe("Needs assessment recorded");
        var second = await browser.PostFormAsync(scenario.Path + "/plan/needs/new", NeedsForm("Review", "Medium"));
        second.Status.ShouldBe(HttpStatusCode.Redirect);

        var page = await browser.GetAsync(scenario.Path + "/plan");
        page.Document.QuerySelector("tr[data-pathway=accommodation] [data-change]").Text().ShouldBe("High → Medium, down");
        page.Document.QuerySelector("tr[data-pathway=health] [data-change]").Text().ShouldBe("Medium, no change");
        page.Html.ShouldContain("note one");
        var stored = await factory.WithDbAsync(db => db.NeedsAssessments.Include(a => a.Ratings).Where(a => a.EpisodeId == scenario.Episode.Id).OrderBy(a => a.RecordedAt).ToListAsync());
        stored.Count.ShouldBe(2);
        stored.ShouldAllBe(a => a.Ratings.Count == 7);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.NeedsAssessment && a.Action == AuditActions.Create && a.PersonId == scenario.PersonId))).ShouldBe(2);
        var rows = await factory.EpisodeEventsAsync<NeedsAssessed>(scenario);
        rows[0].ShouldBeAbout(AuditRecordTypes.NeedsAssessment, stored[0].Id, AuditActions.Create, scenario, scenario.EmotionalWorker);
        var assessed = rows[0].Event<NeedsAssessed>();
        (assessed.Occasion, assessed.AssessedOn, assessed.Levels["accommodation"], assessed.HasNote).ShouldBe((AssessmentOccasion.Start, factory.Today, NeedLevel.High, true));
        await factory.ShouldNotBeInTheAuditTrailAsync(scenario, "note one");
    }

    [Fact]
    public async Task Post_SecondStartAssessment_IsRefused()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        (await browser.PostFormAsync(scenario.Path + "/plan/needs/new", NeedsForm("Start", "Low"))).Status.ShouldBe(HttpStatusCode.Redirect);

        var page = await browser.PostFormAsync(scenario.Path + "/plan/needs/new", NeedsForm("Start", "Low"));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Occasion", "A start assessment has already been recorded: choose review or end");
        (await factory.WithDbAsync(db => db.NeedsAssessments.CountAsync(a => a.EpisodeId == scenario.Episode.Id))).ShouldBe(1);
        (await factory.EpisodeEventsAsync<NeedsAssessed>(scenario)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Post_SameSubmissionTwice_StoresOne()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var form = NeedsForm("Review", "Low");

        (await browser.PostFormAsync(scenario.Path + "/plan/needs/new", form)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await browser.PostFormAsync(scenario.Path + "/plan/needs/new", form)).Status.ShouldBe(HttpStatusCode.Redirect);

        (await factory.WithDbAsync(db => db.NeedsAssessments.CountAsync(a => a.EpisodeId == scenario.Episode.Id))).ShouldBe(1);
    }

    [Theory]
    [InlineData("Input.Levels[health]", "", "Input_Levels_health_", "Select the level of need for mental and physical health (including alcohol)")]
    [InlineData("Input.Levels[drugs]", "Severe", "Input_Levels_drugs_", "Select the level of need for drugs")]
    [InlineData("Input.Levels[children-families]", "2", "Input_Levels_children-families_", "Select the level of need for children, families and support networks")]
    [InlineData("Input.Occasion", "", "Input_Occasion", "Select when the assessment was made")]
    [InlineData("Input.AssessedOn.Day", "", "Input_AssessedOn", "Date of the assessment must be a real date")]
    [InlineData("Input.AssessedOn.Year", "2999", "Input_AssessedOn", "Date of the assessment must be today or in the past")]
    [InlineData("Input.AssessedOn.Year", "2001", "Input_AssessedOn", "Date of the assessment must be on or after the episode's start")]
    public async Task Post_BadInput_ShowsErrorAndStoresNothing(string field, string value, string id, string message)
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var form = NeedsForm("Start", "High");
        form[field] = value;

        var page = await browser.PostFormAsync(scenario.Path + "/plan/needs/new", form);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(id, message);
        (await factory.WithDbAsync(db => db.NeedsAssessments.CountAsync(a => a.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
        (await factory.EpisodeEventsAsync<NeedsAssessed>(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Dpo_ReferrerAndOutsider_GetNotFound_AndAClosedEpisodeTakesNone()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        await factory.ShouldFindNothingAsync(scenario, [scenario.Dpo, scenario.Referrer, scenario.Outsider], "/plan/needs/new");

        var closed = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        await factory.ShouldFindNothingAsync(closed, [closed.EmotionalWorker], "/plan/needs/new");
    }

    [Fact]
    public async Task Get_AsksForEachPathwayInUse_InTheirOrder_AndNotTheRetiredDrugsAndAlcohol()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync(scenario.Path + "/plan/needs/new");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelectorAll("fieldset legend").Select(l => l.Text()).Skip(2).ShouldBe(
        [
            "Accommodation", "Education, training and employment", "Mental and physical health (including alcohol)", "Drugs",
            "Finance, benefit and debt", "Children, families and support networks", "Attitudes, thinking and behaviour",
        ]);
        page.Document.QuerySelectorAll("input[type=radio]").Select(i => i.GetAttribute("name")).Where(n => n!.StartsWith("Input.Levels[", StringComparison.Ordinal)).Distinct()
            .ShouldBe(PlanTestData.Pathways.Select(PlanTestData.LevelField));
    }

    [Fact]
    public async Task Post_ALevelOnTheRetiredDrugsAndAlcohol_IsRefused()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var form = NeedsForm("Start", "High");
        form.Remove(PlanTestData.LevelField("drugs"));
        form[PlanTestData.LevelField("drugs-alcohol")] = "High";

        var page = await browser.PostFormAsync(scenario.Path + "/plan/needs/new", form);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Levels_drugs_", "Select the level of need for drugs");
        (await factory.WithDbAsync(db => db.NeedsAssessments.CountAsync(a => a.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
    }
}
