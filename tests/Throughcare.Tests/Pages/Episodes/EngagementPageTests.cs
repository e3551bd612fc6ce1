using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Episodes;

namespace Throughcare.Tests.Pages.Episodes;

public sealed class EngagementPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    /// <summary>A disengaged episode that became disengaged 30 days ago, with the service's minimum of 3 attempts.</summary>
    private async Task<EpisodeScenario> DisengagedAsync()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Disengaged);
        await factory.WithDbAsync(db =>
        {
            db.EpisodeTransitions.Add(new EpisodeTransition { Id = Guid.NewGuid(), EpisodeId = scenario.Episode.Id, From = EpisodeState.Active, To = EpisodeState.Disengaged, At = factory.UtcNow.AddDays(-30), Reason = "Stopped coming" });
            return db.SaveChangesAsync();
        });
        return scenario;
    }

    private Task AddAttemptsAsync(EpisodeScenario scenario, params (int DaysAgo, ContactMode Mode)[] attempts) =>
        factory.WithDbAsync(db =>
        {
            foreach (var (daysAgo, mode) in attempts)
            {
                db.Contacts.Add(new Contact
                {
                    Id = Guid.NewGuid(),
                    EpisodeId = scenario.Episode.Id,
                    ServiceStrandId = scenario.EmotionalStrand.Id,
                    OccurredAt = factory.UtcNow.Date.AddDays(-daysAgo).AddHours(12),
                    Mode = mode,
                    Attendance = Attendance.DidNotAttend,
                    IsReengagementAttempt = true,
                    RecordedAt = factory.UtcNow,
                    RecordedByUserId = scenario.EmotionalWorker.Id,
                });
            }

            return db.SaveChangesAsync();
        });

    private static async Task<Page> ReflectAsync(Browser browser, EpisodeScenario scenario) =>
        await browser.PostFormAsync(scenario.Path + "/engagement/reflect", new()
        {
            ["SubmissionId"] = Guid.NewGuid().ToString(),
            ["Input.WhatIsGoingOn"] = "His housing fell through",
            ["Input.WhatMayHaveBeenMissed"] = "We did not ask about his mother's illness",
            ["Input.WhatWasTried"] = "Calls and a home visit",
        });

    private async Task<Page> ProposeAsync(Browser browser, EpisodeScenario scenario, string reason = "Disengaged", Dictionary<string, string>? extra = null)
    {
        var version = await factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == scenario.Episode.Id).Select(e => e.Version).SingleAsync());
        var fields = new Dictionary<string, string>
        {
            ["Version"] = version.ToString(),
            ["Input.Reason"] = reason,
            ["Input.Summary"] = "He stopped engaging after his housing fell through.",
        };
        foreach (var (key, value) in extra ?? [])
        {
            fields[key] = value;
        }

        return await browser.PostFormAsync(scenario.Path + "/engagement/close", fields);
    }

    private Task<Guid> VersionAsync(EpisodeScenario scenario) =>
        factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == scenario.Episode.Id).Select(e => e.Version).SingleAsync());

    private Task<Episode> EpisodeAsync(EpisodeScenario scenario) =>
        factory.WithDbAsync(db => db.Episodes.AsNoTracking().Include(e => e.Strands).SingleAsync(e => e.Id == scenario.Episode.Id));

    [Fact]
    public async Task ClosingForDisengagement_WithoutReflectiveReview_IsRefused()
    {
        var scenario = await DisengagedAsync();
        await AddAttemptsAsync(scenario, (20, ContactMode.Phone), (10, ContactMode.HomeVisit), (5, ContactMode.LetterOrText));
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await ProposeAsync(browser, scenario);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain("Record a reflective review before closing for disengagement");
        (await EpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Disengaged);
    }

    [Fact]
    public async Task ClosingForDisengagement_WithTooFewAttempts_IsRefused()
    {
        var scenario = await DisengagedAsync();
        await AddAttemptsAsync(scenario, (20, ContactMode.Phone), (10, ContactMode.HomeVisit));
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        (await ReflectAsync(browser, scenario)).Status.ShouldBe(HttpStatusCode.Redirect);

        var page = await ProposeAsync(browser, scenario);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain("Make at least 3 re-engagement attempts on different dates before closing (2 so far)");
    }

    [Fact]
    public async Task ClosingForDisengagement_WithAttemptsAllOnOneDate_IsRefused()
    {
        var scenario = await DisengagedAsync();
        await AddAttemptsAsync(scenario, (10, ContactMode.Phone), (10, ContactMode.HomeVisit), (10, ContactMode.LetterOrText));
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        await ReflectAsync(browser, scenario);

        var page = await ProposeAsync(browser, scenario);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain("Make at least 3 re-engagement attempts on different dates before closing (1 different date so far)");
    }

    [Fact]
    public async Task ClosingForDisengagement_WithAttemptsAllOneMode_IsRefused()
    {
        var scenario = await DisengagedAsync();
        await AddAttemptsAsync(scenario, (20, ContactMode.Phone), (10, ContactMode.Phone), (5, ContactMode.Phone));
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        await ReflectAsync(browser, scenario);

        var page = await ProposeAsync(browser, scenario);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain("Try more than one way of reaching the person (all attempts so far were by phone)");
    }

    [Fact]
    public async Task ClosingForDisengagement_WithReviewAndEnoughAttempts_IsProposed_AndAManagersSignOffClosesIt()
    {
        var scenario = await DisengagedAsync();
        await AddAttemptsAsync(scenario, (20, ContactMode.Phone), (10, ContactMode.HomeVisit), (5, ContactMode.LetterOrText));
        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        await ReflectAsync(worker, scenario);
        var engagement = await worker.GetAsync(scenario.Path + "/engagement");
        engagement.Document.QuerySelectorAll("#attempts tbody tr").Length.ShouldBe(3);
        engagement.Document.QuerySelectorAll("[data-review]").Length.ShouldBe(1);

        var proposed = await ProposeAsync(worker, scenario);

        proposed.Status.ShouldBe(HttpStatusCode.Redirect);
        var episode = await EpisodeAsync(scenario);
        episode.State.ShouldBe(EpisodeState.Closing);
        episode.CloseReason.ShouldBe(EpisodeCloseReason.Disengaged);
        episode.ClosureProposedByUserId.ShouldBe(scenario.EmotionalWorker.Id);
        var managerMail = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == scenario.Manager.Email).ToListAsync());
        managerMail.ShouldContain(m => m.Body.Contains($"An episode on {scenario.Service.Name} is waiting for your sign-off", StringComparison.Ordinal)
            && m.Body.Contains($"{scenario.Path}/engagement/sign-off", StringComparison.Ordinal));
        (await worker.GetAsync(scenario.Path + "/engagement")).Document.GetSummaryListValue("Closure proposed by")!.ShouldStartWith(scenario.EmotionalWorker.DisplayName);

        var manager = await Browser.SignInAsync(factory, scenario.Manager);
        var signOff = await manager.GetAsync(scenario.Path + "/engagement/sign-off");
        signOff.Status.ShouldBe(HttpStatusCode.OK);
        var closed = await manager.PostFormAsync(scenario.Path + "/engagement/sign-off?handler=Confirm", new() { ["Version"] = (await VersionAsync(scenario)).ToString() });

        closed.Status.ShouldBe(HttpStatusCode.Redirect);
        episode = await EpisodeAsync(scenario);
        episode.State.ShouldBe(EpisodeState.Closed);
        episode.ClosureSignedOffByUserId.ShouldBe(scenario.Manager.Id);
        episode.ClosedAt.ShouldNotBeNull();
        episode.Strands.ShouldAllBe(s => s.EndedAt != null && s.EndReason == "Episode closed");
        var referrerMail = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == scenario.Referrer.Email).ToListAsync());
        referrerMail.ShouldContain(m => m.Body.Contains(scenario.Service.Name, StringComparison.Ordinal) && m.Body.Contains("closed", StringComparison.Ordinal));
        (await factory.WithDbAsync(db => db.EpisodeTransitions.CountAsync(t => t.EpisodeId == scenario.Episode.Id && t.To == EpisodeState.Closed))).ShouldBe(1);
    }

    [Fact]
    public async Task Practitioner_CannotSignOff()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closing);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        (await browser.GetAsync(scenario.Path + "/engagement/sign-off")).Status.ShouldBe(HttpStatusCode.NotFound);
        var post = await browser.PostFormAsync(scenario.Path + "/engagement/sign-off?handler=Confirm", new() { ["Version"] = (await VersionAsync(scenario)).ToString() }, scenario.Path + "/engagement");
        post.Status.ShouldBe(HttpStatusCode.NotFound);
        (await EpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Closing);
    }

    [Fact]
    public async Task Disengage_RequiresAReason_ThenReengageReturnsToActive()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var empty = await browser.PostFormAsync(scenario.Path + "/engagement/disengage", new() { ["Version"] = (await VersionAsync(scenario)).ToString(), ["Input.Reason"] = " " });
        empty.Status.ShouldBe(HttpStatusCode.BadRequest);
        empty.Document.AssertHasError("Input_Reason", "Enter why the person has disengaged");

        var disengaged = await browser.PostFormAsync(scenario.Path + "/engagement/disengage", new() { ["Version"] = (await VersionAsync(scenario)).ToString(), ["Input.Reason"] = "Missed three sessions" });
        disengaged.Status.ShouldBe(HttpStatusCode.Redirect);
        (await EpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Disengaged);

        var reengaged = await browser.PostFormAsync(scenario.Path + "/engagement/reengage", new() { ["Version"] = (await VersionAsync(scenario)).ToString(), ["Input.Reason"] = "He called back" });
        reengaged.Status.ShouldBe(HttpStatusCode.Redirect);
        (await EpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Active);
        var transitions = await factory.WithDbAsync(db => db.EpisodeTransitions.Where(t => t.EpisodeId == scenario.Episode.Id).OrderBy(t => t.At).ToListAsync());
        transitions.Select(t => t.To).ShouldBe([EpisodeState.Disengaged, EpisodeState.Active]);
        transitions[0].Reason.ShouldBe("Missed three sessions");
    }

    [Fact]
    public async Task Disengage_WithAStaleVersion_IsAConflict()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync(scenario.Path + "/engagement/disengage", new() { ["Version"] = Guid.NewGuid().ToString(), ["Input.Reason"] = "Missed sessions" });

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        page.Document.QuerySelector("[data-conflict]").ShouldNotBeNull();
        (await EpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Active);
    }

    [Fact]
    public async Task Closure_NeedsASummary_ReasonTextForOther_AndAnOutcomeForEachGoal()
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

        var page = await ProposeAsync(browser, scenario, "Other", new() { ["Input.Summary"] = "", ["Input.Goals[0].GoalId"] = goalId.ToString() });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Summary", "Enter the end-of-service summary");
        page.Document.AssertHasError("Input_ReasonText", "Enter the reason for closing the episode");
        page.Document.ErrorSummary().ShouldContain("Select an outcome for the goal \u2018Find a flat\u2019");

        var done = await ProposeAsync(browser, scenario, "Completed", new() { ["Input.Goals[0].GoalId"] = goalId.ToString(), ["Input.Goals[0].Outcome"] = "PartlyAchieved" });
        done.Status.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Goals.SingleAsync(g => g.Id == goalId))).Outcome.ShouldBe(GoalOutcome.PartlyAchieved);
        (await EpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Closing);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.Goal && a.RecordId == goalId.ToString()))).ShouldBe(1);
    }

    [Fact]
    public async Task ReturnedClosure_GoesBackToThePreviousState()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        (await ProposeAsync(worker, scenario, "Completed")).Status.ShouldBe(HttpStatusCode.Redirect);
        var manager = await Browser.SignInAsync(factory, scenario.Manager);

        var empty = await manager.PostFormAsync(scenario.Path + "/engagement/sign-off?handler=Return", new() { ["Version"] = (await VersionAsync(scenario)).ToString(), ["Return.Reason"] = "" });
        empty.Status.ShouldBe(HttpStatusCode.BadRequest);
        var returned = await manager.PostFormAsync(scenario.Path + "/engagement/sign-off?handler=Return", new() { ["Version"] = (await VersionAsync(scenario)).ToString(), ["Return.Reason"] = "Goals not finished" });

        returned.Status.ShouldBe(HttpStatusCode.Redirect);
        var episode = await EpisodeAsync(scenario);
        episode.State.ShouldBe(EpisodeState.Active);
        episode.CloseReason.ShouldBeNull();
    }

    [Fact]
    public async Task ClosedEpisode_RefusesChanges()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var version = (await VersionAsync(scenario)).ToString();

        var engagement = await browser.GetAsync(scenario.Path + "/engagement");
        engagement.Status.ShouldBe(HttpStatusCode.OK);
        engagement.Document.QuerySelector("[data-actions]").ShouldBeNull();
        foreach (var form in new[] { "disengage", "reengage", "reflect", "close", "sign-off" })
        {
            (await browser.GetAsync(scenario.Path + "/engagement/" + form)).Status.ShouldBe(HttpStatusCode.NotFound, form);
        }

        (await browser.PostFormAsync(scenario.Path + "/engagement/disengage", new() { ["Version"] = version, ["Input.Reason"] = "x" }, scenario.Path + "/engagement")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await EpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Closed);
    }

    [Fact]
    public async Task ReferrerAndOutsider_GetNotFound()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        foreach (var user in new[] { scenario.Referrer, scenario.Outsider })
        {
            var browser = await Browser.SignInAsync(factory, user);
            foreach (var path in new[] { "", "/disengage", "/reflect", "/reengage", "/close", "/sign-off" })
            {
                (await browser.GetAsync(scenario.Path + "/engagement" + path)).Status.ShouldBe(HttpStatusCode.NotFound, path);
            }
        }
    }

    [Fact]
    public async Task EngagementPage_ShowsTheAtRiskSignalWithItsReason()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        await factory.WithDbAsync(db =>
        {
            for (var i = 1; i <= 3; i++)
            {
                db.Contacts.Add(new Contact { Id = Guid.NewGuid(), EpisodeId = scenario.Episode.Id, ServiceStrandId = scenario.EmotionalStrand.Id, OccurredAt = factory.UtcNow.AddHours(-i), Mode = ContactMode.FaceToFace, Attendance = Attendance.DidNotAttend, RecordedAt = factory.UtcNow, RecordedByUserId = scenario.EmotionalWorker.Id });
            }

            return db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, scenario.Colleague);

        var page = await browser.GetAsync(scenario.Path + "/engagement");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("[data-signal='at-risk']").Text().ShouldContain("3 did-not-attends in a row");
        page.Document.QuerySelector("[data-action='disengage']").ShouldNotBeNull();
        page.Document.QuerySelector("[data-action='sign-off']").ShouldBeNull();
    }
}
