using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.Episodes.StrandTestData;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/strands/new: a manager adds a strand the episode is not running, with its worker and why.</summary>
public sealed class NewStrandPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Post_AfterEndingOne_StartsItWithTheNewWorker_AuditsIt_AndMailsThem()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var emotional = (await StrandsAsync(factory, scenario)).Single(s => s.ServiceStrandId == scenario.EmotionalStrand.Id);

        var running = await browser.PostFormAsync(scenario.Path + "/strands/new", AddForm(scenario.EmotionalStrand.Id, scenario.Colleague.Id, "More support"));
        running.Status.ShouldBe(HttpStatusCode.BadRequest);
        running.Document.AssertHasError("Input_ServiceStrandId", "Select a strand that is not already running in this episode");

        (await browser.PostFormAsync($"{scenario.Path}/strands/{emotional.Id}/end", new() { ["Version"] = (await factory.EpisodeVersionAsync(scenario)).ToString(), ["Input.Reason"] = "Paused" })).Status.ShouldBe(HttpStatusCode.Redirect);
        var added = await browser.PostFormAsync(scenario.Path + "/strands/new", AddForm(scenario.EmotionalStrand.Id, scenario.Colleague.Id, "Restarting emotional support"));

        added.Status.ShouldBe(HttpStatusCode.Redirect);
        added.Location.ShouldBe(scenario.Path);
        (await browser.GetAsync(added.Location!)).Banner().ShouldBe("Strand added");
        var strand = (await StrandsAsync(factory, scenario)).Single(s => s.ServiceStrandId == scenario.EmotionalStrand.Id && s.EndedAt == null);
        strand.WorkerUserId.ShouldBe(scenario.Colleague.Id);
        strand.AllocationReason.ShouldBe("Restarting emotional support");
        strand.AllocatedByUserId.ShouldBe(scenario.Manager.Id);
        var mail = (await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == scenario.Colleague.Email).ToListAsync())).ShouldHaveSingleItem();
        mail.Body.ShouldEndWith(scenario.Path);
        var row = (await factory.EpisodeEventsAsync<StrandAdded>(scenario)).ShouldHaveSingleItem();
        row.ShouldBeAbout(AuditRecordTypes.Episode, scenario.Episode.Id, AuditActions.Update, scenario, scenario.Manager);
        var addedEvent = row.Event<StrandAdded>();
        (addedEvent.EpisodeStrandId, addedEvent.ServiceStrandId, addedEvent.WorkerUserId, addedEvent.Reason).ShouldBe((strand.Id, scenario.EmotionalStrand.Id, scenario.Colleague.Id, "Restarting emotional support"));
    }

    [Fact]
    public async Task Post_BadInput_ShowsErrors_AndAddsNothing()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        (await browser.PostFormAsync($"{scenario.Path}/strands/{(await StrandsAsync(factory, scenario)).Single(s => s.ServiceStrandId == scenario.EmotionalStrand.Id).Id}/end",
            new() { ["Version"] = (await factory.EpisodeVersionAsync(scenario)).ToString(), ["Input.Reason"] = "Paused" })).Status.ShouldBe(HttpStatusCode.Redirect);

        var outsiderWorker = await browser.PostFormAsync(scenario.Path + "/strands/new", AddForm(scenario.EmotionalStrand.Id, scenario.Outsider.Id, "x"));
        outsiderWorker.Status.ShouldBe(HttpStatusCode.BadRequest);
        outsiderWorker.Document.AssertHasError("Input_WorkerUserId", "Select a worker from the service's organisation");
        var noWorker = await browser.PostFormAsync(scenario.Path + "/strands/new", new() { ["Input.ServiceStrandId"] = scenario.EmotionalStrand.Id.ToString(), ["Input.Reason"] = "" });
        noWorker.Status.ShouldBe(HttpStatusCode.BadRequest);
        noWorker.Document.AssertHasError("Input_WorkerUserId", "Select a worker");
        noWorker.Document.AssertHasError("Input_Reason", "Enter the reason for adding the strand");

        (await StrandsAsync(factory, scenario)).Count.ShouldBe(2);
        (await factory.EpisodeEventsAsync<StrandAdded>(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Practitioner_Dpo_Referrer_Outsider_GetNotFound()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);

        await factory.ShouldFindNothingAsync(scenario, [scenario.EmotionalWorker, scenario.Dpo, scenario.Referrer, scenario.Outsider], "/strands/new");
    }
}
