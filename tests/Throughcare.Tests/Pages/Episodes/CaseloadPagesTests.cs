using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Tests.Pages.Episodes;

public sealed class CaseloadPagesTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    /// <summary>Three did-not-attends, an overdue action and a review point five days away.</summary>
    private async Task<EpisodeScenario> WorryingEpisodeAsync()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        await factory.WithDbAsync(async db =>
        {
            var today = factory.Today;
            var episode = await db.Episodes.SingleAsync(e => e.Id == scenario.Episode.Id);
            episode.StartedOn = today.AddMonths(-scenario.Service.ReviewIntervalMonths).AddDays(5);
            episode.CreatedAt = factory.UtcNow.AddDays(-80);
            for (var i = 1; i <= 3; i++)
            {
                db.Contacts.Add(new Contact
                {
                    Id = Guid.NewGuid(),
                    EpisodeId = episode.Id,
                    ServiceStrandId = scenario.EmotionalStrand.Id,
                    OccurredAt = factory.UtcNow.AddDays(-7 * i),
                    DurationMinutes = 0,
                    Mode = ContactMode.FaceToFace,
                    Attendance = Attendance.DidNotAttend,
                    RecordedAt = factory.UtcNow,
                    RecordedByUserId = scenario.EmotionalWorker.Id,
                });
            }

            var goal = new Goal { Id = Guid.NewGuid(), EpisodeId = episode.Id, Description = "Find a settled home", CreatedAt = factory.UtcNow, CreatedByUserId = scenario.EmotionalWorker.Id };
            db.Goals.Add(goal);
            db.GoalActions.Add(new GoalAction { Id = Guid.NewGuid(), GoalId = goal.Id, EpisodeId = episode.Id, Description = "Housing application", Owner = ActionOwner.Worker, DueOn = today.AddDays(-1), CreatedAt = factory.UtcNow, CreatedByUserId = scenario.EmotionalWorker.Id });
            db.GoalActions.Add(new GoalAction { Id = Guid.NewGuid(), GoalId = goal.Id, EpisodeId = episode.Id, Description = "Done already", Owner = ActionOwner.Person, DueOn = today.AddDays(-3), Status = ActionStatus.Done, CreatedAt = factory.UtcNow, CreatedByUserId = scenario.EmotionalWorker.Id });
            return await db.SaveChangesAsync();
        });
        return scenario;
    }

    [Fact]
    public async Task MyCases_ShowsTheWorkersEpisodeWithNextDueLastContactFlagsAndCapacity()
    {
        var scenario = await WorryingEpisodeAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync("/my-cases");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var row = page.Document.QuerySelector($"#caseload tr[data-episode='{scenario.Episode.Id}']").ShouldNotBeNull();
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        var today = factory.Today;
        cells[3].ShouldBe($"Action: {Display.Date(today.AddDays(-1))}");
        cells[4].ShouldNotBe("None yet");
        cells[5].ShouldContain("At risk");
        cells[5].ShouldContain("3 did-not-attends in a row");
        cells[5].ShouldContain("Review due");
        cells[5].ShouldContain("1 overdue action");
        page.Document.GetSummaryListValue(scenario.Service.Name).ShouldBe($"1 of {scenario.Service.CaseloadCapacity} cases");
        page.Document.QuerySelector("#summary")!.TextContent.ShouldContain("1 at risk of disengagement");
    }

    [Fact]
    public async Task MyCases_ForSomeoneWithNoStrands_ShowsTheEmptyState_AndClosedEpisodesAreLeftOff()
    {
        var scenario = await WorryingEpisodeAsync();
        var colleague = await Browser.SignInAsync(factory, scenario.Colleague);
        (await colleague.GetAsync("/my-cases")).Html.ShouldContain("You have no open episodes");

        await factory.WithDbAsync(async db =>
        {
            (await db.Episodes.SingleAsync(e => e.Id == scenario.Episode.Id)).State = EpisodeState.Closed;
            return await db.SaveChangesAsync();
        });
        var worker = await Browser.SignInAsync(factory, scenario.PracticalWorker);
        (await worker.GetAsync("/my-cases")).Document.QuerySelector($"tr[data-episode='{scenario.Episode.Id}']").ShouldBeNull();
    }

    [Fact]
    public async Task TeamView_ShowsEachWorkersCaseloadAgainstCapacity_AndFiltersToAtRisk()
    {
        var scenario = await WorryingEpisodeAsync();
        var browser = await Browser.SignInAsync(factory, scenario.Manager);

        var page = await browser.GetAsync($"/services/{scenario.Service.Id}/caseloads");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var worker = page.Document.QuerySelectorAll("#workers tbody tr").Single(r => r.TextContent.Contains(scenario.EmotionalWorker.DisplayName, StringComparison.Ordinal));
        var cells = worker.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        cells[2].ShouldBe($"1 of {scenario.Service.CaseloadCapacity}");
        cells[3].ShouldBe("1");
        cells[5].ShouldBe("1");
        var colleague = page.Document.QuerySelectorAll("#workers tbody tr").Single(r => r.TextContent.Contains(scenario.Colleague.DisplayName, StringComparison.Ordinal));
        colleague.QuerySelectorAll("td")[2].TextContent.Trim().ShouldBe($"0 of {scenario.Service.CaseloadCapacity}");
        page.Document.QuerySelector($"#caseload tr[data-episode='{scenario.Episode.Id}']").ShouldNotBeNull();

        var atRisk = await browser.GetAsync($"/services/{scenario.Service.Id}/caseloads?show=at-risk");
        atRisk.Document.QuerySelectorAll("#caseload tbody tr").Length.ShouldBe(1);
    }

    [Fact]
    public async Task TeamView_IsForTheServicesManagersOnly()
    {
        var scenario = await WorryingEpisodeAsync();

        (await (await Browser.SignInAsync(factory, scenario.EmotionalWorker)).GetAsync($"/services/{scenario.Service.Id}/caseloads")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await (await Browser.SignInAsync(factory, scenario.Outsider)).GetAsync($"/services/{scenario.Service.Id}/caseloads")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await (await Browser.SignInAsync(factory, scenario.Dpo)).GetAsync("/my-cases")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
