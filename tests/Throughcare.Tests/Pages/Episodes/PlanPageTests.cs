using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/plan: needs, the person's three hardest things, goals and actions.</summary>
public sealed class PlanPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Get_NewEpisode_ShowsEmptyStates_AndTheReadIsAudited()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync(scenario.Path + "/plan");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#needs-empty").ShouldNotBeNull();
        page.Document.QuerySelector("#goals-empty").ShouldNotBeNull();
        page.Document.QuerySelector("#hardest-things-empty").ShouldNotBeNull();
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.View && a.UserId == scenario.EmotionalWorker.Id && a.RecordId == scenario.Episode.Id.ToString()))).ShouldBe(1);
    }

    [Fact]
    public async Task Get_ShowsOverdueForOpenActionsPastTheirDueDateOnly()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var past = factory.Today.AddDays(-10);
        var goal = new Goal { Id = Guid.NewGuid(), EpisodeId = scenario.Episode.Id, Description = "Get a tenancy", CreatedAt = factory.UtcNow, CreatedByUserId = scenario.PracticalWorker.Id };
        GoalAction Action(string description, ActionStatus status, DateOnly? due) =>
            new() { Id = Guid.NewGuid(), GoalId = goal.Id, EpisodeId = scenario.Episode.Id, Description = description, Owner = ActionOwner.Worker, Status = status, DueOn = due, CreatedAt = factory.UtcNow, CreatedByUserId = scenario.PracticalWorker.Id };
        var open = Action("Call the housing office", ActionStatus.NotStarted, past);
        var done = Action("Bring ID", ActionStatus.Done, past);
        var undated = Action("Assess the flat", ActionStatus.InProgress, null);
        await factory.WithDbAsync(db =>
        {
            db.AddRange(goal, open, done, undated);
            return db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, scenario.PracticalWorker);

        var page = await browser.GetAsync(scenario.Path + "/plan");

        page.Document.QuerySelector($"tr[data-action='{open.Id}']").Text().ShouldContain("Overdue");
        page.Document.QuerySelector($"tr[data-action='{done.Id}']").Text().ShouldNotContain("Overdue");
        page.Document.QuerySelector($"tr[data-action='{undated.Id}']").Text().ShouldNotContain("Overdue");
        page.Document.QuerySelector($"tr[data-action='{open.Id}'] a")!.GetAttribute("href").ShouldBe($"{scenario.Path}/plan/actions/{open.Id}");
        page.Document.QuerySelector($"[data-goal='{goal.Id}'] .govuk-summary-card__action a")!.GetAttribute("href").ShouldBe($"{scenario.Path}/plan/goals/{goal.Id}/actions/new");
    }

    [Fact]
    public async Task Get_Dpo_ReadsWithoutTheLinksToChangeIt_AndAClosedEpisodeIsReadOnly()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var dpo = await (await Browser.SignInAsync(factory, scenario.Dpo)).GetAsync(scenario.Path + "/plan");
        dpo.Status.ShouldBe(HttpStatusCode.OK);
        dpo.Html.ShouldNotContain("/plan/goals/new");
        (await (await Browser.SignInAsync(factory, scenario.EmotionalWorker)).GetAsync(scenario.Path + "/plan")).Html.ShouldContain($"{scenario.Path}/plan/goals/new");

        var closed = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        var page = await (await Browser.SignInAsync(factory, closed.EmotionalWorker)).GetAsync(closed.Path + "/plan");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.ShouldNotContain("/plan/goals/new");
    }

    [Fact]
    public async Task Get_ABannerAskedForInTheQueryString_IsNotShown()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync(scenario.Path + "/plan?done=goal");

        page.Banner().ShouldBeNull();
        page.Html.ShouldNotContain("Goal added");
    }

    [Fact]
    public async Task ReferrerAndOutsider_GetNotFound()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();

        await factory.ShouldFindNothingAsync(scenario, [scenario.Referrer, scenario.Outsider], "/plan");
    }
}
