using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.Episodes.StrandTestData;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/strands/{strandId}/end: a manager ends one strand; the episode and its other strands carry on.</summary>
public sealed class EndStrandPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private async Task<Page> EndAsync(Browser browser, EpisodeScenario scenario, EpisodeStrand strand, string reason, Guid? version = null) =>
        await browser.PostFormAsync($"{scenario.Path}/strands/{strand.Id}/end", new() { ["Version"] = (version ?? await factory.EpisodeVersionAsync(scenario)).ToString(), ["Input.Reason"] = reason });

    [Fact]
    public async Task Post_EndingEveryStrand_NeverEndsTheEpisode_AndLeavesTheOthersRunning()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var strands = await StrandsAsync(factory, scenario);
        var emotional = strands.Single(s => s.ServiceStrandId == scenario.EmotionalStrand.Id);
        var practical = strands.Single(s => s.ServiceStrandId == scenario.PracticalStrand.Id);

        var first = await EndAsync(browser, scenario, emotional, "Emotional work finished");
        first.Status.ShouldBe(HttpStatusCode.Redirect);
        first.Location.ShouldBe(scenario.Path);
        (await browser.GetAsync(first.Location!)).Banner().ShouldBe("Strand ended");
        var afterFirst = await StrandsAsync(factory, scenario);
        afterFirst.Single(s => s.Id == emotional.Id).EndedAt.ShouldNotBeNull();
        afterFirst.Single(s => s.Id == emotional.Id).EndReason.ShouldBe("Emotional work finished");
        afterFirst.Single(s => s.Id == emotional.Id).EndedByUserId.ShouldBe(scenario.Manager.Id);
        afterFirst.Single(s => s.Id == practical.Id).EndedAt.ShouldBeNull();
        (await factory.LoadEpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Active);

        var last = await EndAsync(browser, scenario, practical, "Housing sorted");
        last.Status.ShouldBe(HttpStatusCode.Redirect);
        (await StrandsAsync(factory, scenario)).ShouldAllBe(s => s.EndedAt != null);
        (await factory.LoadEpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Active);
        (await factory.WithDbAsync(db => db.EpisodeTransitions.CountAsync(t => t.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.Episode && a.Action == AuditActions.Update && a.UserId == scenario.Manager.Id && a.RecordId == scenario.Episode.Id.ToString()))).ShouldBe(2);
        var rows = await factory.EpisodeEventsAsync<StrandEnded>(scenario);
        rows.Count.ShouldBe(2);
        rows[0].ShouldBeAbout(AuditRecordTypes.Episode, scenario.Episode.Id, AuditActions.Update, scenario, scenario.Manager);
        var ended = rows[0].Event<StrandEnded>();
        (ended.EpisodeStrandId, ended.ServiceStrandId, ended.WorkerUserId, ended.Reason).ShouldBe((emotional.Id, scenario.EmotionalStrand.Id, scenario.EmotionalWorker.Id, "Emotional work finished"));
    }

    [Fact]
    public async Task Post_WithoutReason_ShowsError_AndEndsNothing()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var emotional = (await StrandsAsync(factory, scenario)).Single(s => s.ServiceStrandId == scenario.EmotionalStrand.Id);

        var noReason = await EndAsync(browser, scenario, emotional, "");

        noReason.Status.ShouldBe(HttpStatusCode.BadRequest);
        noReason.Document.AssertHasError("Input_Reason", "Enter the reason for ending the strand");
        (await StrandsAsync(factory, scenario)).ShouldAllBe(s => s.EndedAt == null);
    }

    [Fact]
    public async Task Post_StaleVersion_ShowsTheStrandAsSavedNow_KeepsTheReason_AndEndsNothing()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var emotional = (await StrandsAsync(factory, scenario)).Single(s => s.ServiceStrandId == scenario.EmotionalStrand.Id);

        var stale = await EndAsync(browser, scenario, emotional, "Work finished", Guid.NewGuid());

        stale.Status.ShouldBe(HttpStatusCode.Conflict);
        stale.Document.QuerySelector("[data-conflict]").ShouldNotBeNull();
        var row = stale.Document.QuerySelectorAll("#conflict tbody tr").ShouldHaveSingleItem();
        (row.QuerySelector("[data-saved]").Text(), row.QuerySelector("[data-yours]").Text()).ShouldBe(("Running", "Ended"));
        stale.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Reason']")!.Value.ShouldBe("Work finished");
        stale.Document.QuerySelector<IHtmlInputElement>("input[name=Version]")!.Value.ShouldBe((await factory.EpisodeVersionAsync(scenario)).ToString());
        (await StrandsAsync(factory, scenario)).ShouldAllBe(s => s.EndedAt == null);
        (await factory.EpisodeEventsAsync<StrandEnded>(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Practitioner_Dpo_Referrer_Outsider_GetNotFound()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var emotional = (await StrandsAsync(factory, scenario)).Single(s => s.ServiceStrandId == scenario.EmotionalStrand.Id);
        await factory.ShouldFindNothingAsync(scenario, [scenario.EmotionalWorker, scenario.Dpo, scenario.Referrer, scenario.Outsider], $"/strands/{emotional.Id}/end");

        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        (await worker.PostFormAsync($"{scenario.Path}/strands/{emotional.Id}/end", new() { ["Version"] = (await factory.EpisodeVersionAsync(scenario)).ToString(), ["Input.Reason"] = "x" }, formPage: scenario.Path + "/reviews/new"))
            .Status.ShouldBe(HttpStatusCode.NotFound);
        (await StrandsAsync(factory, scenario)).ShouldAllBe(s => s.EndedAt == null);
    }
}
