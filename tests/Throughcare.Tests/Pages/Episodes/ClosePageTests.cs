using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.Episodes.EngagementTestData;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/engagement/close: proposing closure, with a coded reason, a summary and each goal's outcome.</summary>
public sealed class ClosePageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Post_ForDisengagement_WithoutReflectiveReview_IsRefused()
    {
        var scenario = await DisengagedAsync(factory);
        await AddAttemptsAsync(factory, scenario, (20, ContactMode.Phone), (10, ContactMode.HomeVisit), (5, ContactMode.LetterOrText));
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await ProposeAsync(factory, browser, scenario);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain("Record a reflective review before closing for disengagement");
        (await factory.LoadEpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Disengaged);
        (await factory.EpisodeEventsAsync<ClosureProposed>(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_ForDisengagement_WithTooFewAttempts_IsRefused()
    {
        var scenario = await DisengagedAsync(factory);
        await AddAttemptsAsync(factory, scenario, (20, ContactMode.Phone), (10, ContactMode.HomeVisit));
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        (await ReflectAsync(browser, scenario)).Status.ShouldBe(HttpStatusCode.Redirect);

        var page = await ProposeAsync(factory, browser, scenario);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain("Make at least 3 re-engagement attempts on different dates before closing (2 so far)");
    }

    [Fact]
    public async Task Post_ForDisengagement_WithAttemptsAllOnOneDate_IsRefused()
    {
        var scenario = await DisengagedAsync(factory);
        await AddAttemptsAsync(factory, scenario, (10, ContactMode.Phone), (10, ContactMode.HomeVisit), (10, ContactMode.LetterOrText));
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        await ReflectAsync(browser, scenario);

        var page = await ProposeAsync(factory, browser, scenario);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain("Make at least 3 re-engagement attempts on different dates before closing (1 different date so far)");
    }

    [Fact]
    public async Task Post_ForDisengagement_WithAttemptsAllOneMode_IsRefused()
    {
        var scenario = await DisengagedAsync(factory);
        await AddAttemptsAsync(factory, scenario, (20, ContactMode.Phone), (10, ContactMode.Phone), (5, ContactMode.Phone));
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        await ReflectAsync(browser, scenario);

        var page = await ProposeAsync(factory, browser, scenario);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain("Try more than one way of reaching the person (all attempts so far were by phone)");
    }

    [Fact]
    public async Task Post_ForDisengagement_WithReviewAndEnoughAttempts_IsProposed_AndTheManagersAreAskedToSignItOff()
    {
        var scenario = await DisengagedAsync(factory);
        await AddAttemptsAsync(factory, scenario, (20, ContactMode.Phone), (10, ContactMode.HomeVisit), (5, ContactMode.LetterOrText));
        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        await ReflectAsync(worker, scenario);

        var proposed = await ProposeAsync(factory, worker, scenario);

        proposed.Status.ShouldBe(HttpStatusCode.Redirect);
        proposed.Location.ShouldBe(scenario.Path + "/engagement");
        (await worker.GetAsync(proposed.Location!)).Banner().ShouldBe("Closure proposed: the service's managers have been asked to sign it off");
        var episode = await factory.LoadEpisodeAsync(scenario);
        episode.State.ShouldBe(EpisodeState.Closing);
        episode.CloseReason.ShouldBe(EpisodeCloseReason.Disengaged);
        episode.ClosureProposedByUserId.ShouldBe(scenario.EmotionalWorker.Id);
        var managerMail = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == scenario.Manager.Email).ToListAsync());
        managerMail.ShouldContain(m => m.Body.Contains($"An episode on {scenario.Service.Name} is waiting for your sign-off", StringComparison.Ordinal)
            && m.Body.Contains($"{scenario.Path}/engagement/sign-off", StringComparison.Ordinal));
        var row = (await factory.EpisodeEventsAsync<ClosureProposed>(scenario)).ShouldHaveSingleItem();
        row.ShouldBeAbout(AuditRecordTypes.Episode, scenario.Episode.Id, AuditActions.Update, scenario, scenario.EmotionalWorker);
        var closure = row.Event<ClosureProposed>();
        (closure.From, closure.Reason).ShouldBe((EpisodeState.Disengaged, EpisodeCloseReason.Disengaged));
        await factory.ShouldNotBeInTheAuditTrailAsync(scenario, "He stopped engaging after his housing fell through.");
    }

    [Fact]
    public async Task Post_NeedsASummary_ReasonTextForOther_AndAnOutcomeForEachGoal()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var goalId = Guid.NewGuid();
        await factory.WithDbAsync(db =>
        {
            db.Goals.Add(new Goal { Id = goalId, EpisodeId = scenario.Episode.Id, Description = "Find a flat", CreatedAt = factory.UtcNow, CreatedByUserId = scenario.EmotionalWorker.Id });
            return db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        (await browser.GetAsync(scenario.Path + "/engagement/close")).Html.ShouldContain("Find a flat");

        var page = await ProposeAsync(factory, browser, scenario, "Other", new() { ["Input.Summary"] = "", ["Input.Goals[0].GoalId"] = goalId.ToString() });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Summary", "Enter the end-of-service summary");
        page.Document.AssertHasError("Input_ReasonText", "Enter the reason for closing the episode");
        page.Document.ErrorSummary().ShouldContain("Select an outcome for the goal \u2018Find a flat\u2019");

        var done = await ProposeAsync(factory, browser, scenario, "Completed", new() { ["Input.Goals[0].GoalId"] = goalId.ToString(), ["Input.Goals[0].Outcome"] = "PartlyAchieved" });
        done.Status.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Goals.SingleAsync(g => g.Id == goalId))).Outcome.ShouldBe(GoalOutcome.PartlyAchieved);
        (await factory.LoadEpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Closing);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.Goal && a.RecordId == goalId.ToString()))).ShouldBe(1);
        var goal = (await factory.EpisodeEventsAsync<GoalUpdated>(scenario)).ShouldHaveSingleItem();
        goal.ShouldBeAbout(AuditRecordTypes.Goal, goalId, AuditActions.Update, scenario, scenario.EmotionalWorker);
        (goal.Event<GoalUpdated>().FromOutcome, goal.Event<GoalUpdated>().ToOutcome).ShouldBe(((GoalOutcome?)null, (GoalOutcome?)GoalOutcome.PartlyAchieved));
        await factory.ShouldNotBeInTheAuditTrailAsync(scenario, "Find a flat");
    }

    [Fact]
    public async Task Post_StaleVersion_ShowsWhatIsSavedNow_AndKeepsTheSummary()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync(scenario.Path + "/engagement/close", new()
        {
            ["Version"] = Guid.NewGuid().ToString(),
            ["Input.Reason"] = "Completed",
            ["Input.Summary"] = "Settled and working",
        });

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        var rows = page.Document.QuerySelectorAll("#conflict tbody tr").ToDictionary(r => r.QuerySelector("th").Text(), r => (r.QuerySelector("[data-saved]").Text(), r.QuerySelector("[data-yours]").Text()));
        rows["State"].ShouldBe(("Active", "Closing"));
        rows["Reason for closing"].ShouldBe(("(blank)", "Completed"));
        page.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Summary']")!.Value.ShouldBe("Settled and working");
        (await factory.LoadEpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Active);
    }

    [Fact]
    public async Task ClosingOrClosedEpisode_Dpo_Referrer_Outsider_GetNotFound()
    {
        var closed = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        await factory.ShouldFindNothingAsync(closed, [closed.Manager], "/engagement/close");

        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        await factory.ShouldFindNothingAsync(scenario, [scenario.Dpo, scenario.Referrer, scenario.Outsider], "/engagement/close");
    }
}
