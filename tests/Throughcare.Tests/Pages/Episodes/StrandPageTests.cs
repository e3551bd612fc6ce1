using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Episodes;

namespace Throughcare.Tests.Pages.Episodes;

public sealed class StrandPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task EndingEveryStrand_NeverEndsTheEpisode_AndLeavesTheOthersRunning()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var strands = await StrandsAsync(scenario);
        var emotional = strands.Single(s => s.ServiceStrandId == scenario.EmotionalStrand.Id);
        var practical = strands.Single(s => s.ServiceStrandId == scenario.PracticalStrand.Id);

        var first = await browser.PostFormAsync($"{scenario.Path}/strands/{emotional.Id}/end", new() { ["Version"] = (await VersionAsync(scenario)).ToString(), ["Input.Reason"] = "Emotional work finished" });
        first.Status.ShouldBe(HttpStatusCode.Redirect);
        var afterFirst = await StrandsAsync(scenario);
        afterFirst.Single(s => s.Id == emotional.Id).EndedAt.ShouldNotBeNull();
        afterFirst.Single(s => s.Id == emotional.Id).EndReason.ShouldBe("Emotional work finished");
        afterFirst.Single(s => s.Id == emotional.Id).EndedByUserId.ShouldBe(scenario.Manager.Id);
        afterFirst.Single(s => s.Id == practical.Id).EndedAt.ShouldBeNull();
        (await StateAsync(scenario)).ShouldBe(EpisodeState.Active);

        var last = await browser.PostFormAsync($"{scenario.Path}/strands/{practical.Id}/end", new() { ["Version"] = (await VersionAsync(scenario)).ToString(), ["Input.Reason"] = "Housing sorted" });
        last.Status.ShouldBe(HttpStatusCode.Redirect);
        (await StrandsAsync(scenario)).ShouldAllBe(s => s.EndedAt != null);
        (await StateAsync(scenario)).ShouldBe(EpisodeState.Active);
        (await factory.WithDbAsync(db => db.EpisodeTransitions.CountAsync(t => t.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.Episode && a.Action == AuditActions.Update && a.UserId == scenario.Manager.Id && a.RecordId == scenario.Episode.Id.ToString()))).ShouldBe(2);
    }

    [Fact]
    public async Task AddStrand_AfterEndingOne_StartsItWithTheNewWorker_AndMailsThem()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var emotional = (await StrandsAsync(scenario)).Single(s => s.ServiceStrandId == scenario.EmotionalStrand.Id);

        var running = await browser.PostFormAsync(scenario.Path + "/strands/new", AddForm(scenario.EmotionalStrand.Id, scenario.Colleague.Id, "More support"));
        running.Status.ShouldBe(HttpStatusCode.BadRequest);
        running.Document.AssertHasError("Input_ServiceStrandId", "Select a strand that is not already running in this episode");

        (await browser.PostFormAsync($"{scenario.Path}/strands/{emotional.Id}/end", new() { ["Version"] = (await VersionAsync(scenario)).ToString(), ["Input.Reason"] = "Paused" })).Status.ShouldBe(HttpStatusCode.Redirect);
        var added = await browser.PostFormAsync(scenario.Path + "/strands/new", AddForm(scenario.EmotionalStrand.Id, scenario.Colleague.Id, "Restarting emotional support"));

        added.Status.ShouldBe(HttpStatusCode.Redirect);
        var strand = (await StrandsAsync(scenario)).Single(s => s.ServiceStrandId == scenario.EmotionalStrand.Id && s.EndedAt == null);
        strand.WorkerUserId.ShouldBe(scenario.Colleague.Id);
        strand.AllocationReason.ShouldBe("Restarting emotional support");
        strand.AllocatedByUserId.ShouldBe(scenario.Manager.Id);
        (await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == scenario.Colleague.Email))).ShouldBe(1);
    }

    [Fact]
    public async Task AddAndEnd_BadInput_ShowErrorsAndChangeNothing()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var emotional = (await StrandsAsync(scenario)).Single(s => s.ServiceStrandId == scenario.EmotionalStrand.Id);

        var noReason = await browser.PostFormAsync($"{scenario.Path}/strands/{emotional.Id}/end", new() { ["Version"] = (await VersionAsync(scenario)).ToString(), ["Input.Reason"] = "" });
        noReason.Status.ShouldBe(HttpStatusCode.BadRequest);
        noReason.Document.AssertHasError("Input_Reason", "Enter the reason for ending the strand");
        var outsiderWorker = await browser.PostFormAsync(scenario.Path + "/strands/new", AddForm(scenario.EmotionalStrand.Id, scenario.Outsider.Id, "x"));
        outsiderWorker.Status.ShouldBe(HttpStatusCode.BadRequest);
        var noWorker = await browser.PostFormAsync(scenario.Path + "/strands/new", new() { ["Input.ServiceStrandId"] = scenario.EmotionalStrand.Id.ToString(), ["Input.Reason"] = "" });
        noWorker.Status.ShouldBe(HttpStatusCode.BadRequest);
        noWorker.Document.AssertHasError("Input_WorkerUserId", "Select a worker");
        noWorker.Document.AssertHasError("Input_Reason", "Enter the reason for adding the strand");

        (await StrandsAsync(scenario)).ShouldAllBe(s => s.EndedAt == null);
        (await StrandsAsync(scenario)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Practitioner_Referrer_Outsider_GetNotFound()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var emotional = (await StrandsAsync(scenario)).Single(s => s.ServiceStrandId == scenario.EmotionalStrand.Id);
        foreach (var user in new[] { scenario.EmotionalWorker, scenario.Dpo, scenario.Referrer, scenario.Outsider })
        {
            var browser = await Browser.SignInAsync(factory, user);
            (await browser.GetAsync(scenario.Path + "/strands/new")).Status.ShouldBe(HttpStatusCode.NotFound);
            (await browser.GetAsync($"{scenario.Path}/strands/{emotional.Id}/end")).Status.ShouldBe(HttpStatusCode.NotFound);
        }

        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        (await worker.PostFormAsync($"{scenario.Path}/strands/{emotional.Id}/end", new() { ["Version"] = (await VersionAsync(scenario)).ToString(), ["Input.Reason"] = "x" }, formPage: scenario.Path + "/reviews/new"))
            .Status.ShouldBe(HttpStatusCode.NotFound);
        (await StrandsAsync(scenario)).ShouldAllBe(s => s.EndedAt == null);
    }

    private static Dictionary<string, string> AddForm(Guid serviceStrandId, Guid workerId, string reason) => new()
    {
        ["Input.ServiceStrandId"] = serviceStrandId.ToString(),
        ["Input.WorkerUserId"] = workerId.ToString(),
        ["Input.Reason"] = reason,
    };

    private Task<List<EpisodeStrand>> StrandsAsync(EpisodeScenario scenario) =>
        factory.WithDbAsync(db => db.EpisodeStrands.Where(s => s.EpisodeId == scenario.Episode.Id).ToListAsync());

    private Task<EpisodeState> StateAsync(EpisodeScenario scenario) =>
        factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == scenario.Episode.Id).Select(e => e.State).SingleAsync());

    private Task<Guid> VersionAsync(EpisodeScenario scenario) =>
        factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == scenario.Episode.Id).Select(e => e.Version).SingleAsync());
}
