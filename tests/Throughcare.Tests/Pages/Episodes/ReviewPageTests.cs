using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Episodes;

namespace Throughcare.Tests.Pages.Episodes;

public sealed class ReviewPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Theory]
    [InlineData(30, null)]
    [InlineData(5, "Due soon")]
    [InlineData(-5, "Overdue")]
    public async Task NextReviewDue_IsTaggedDueSoonWithinAFortnight_AndOverdueOncePast(int daysUntilDue, string? tag)
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var today = factory.Today;
        var startedOn = today.AddDays(daysUntilDue).AddMonths(-scenario.Service.ReviewIntervalMonths);
        await factory.WithDbAsync(async db =>
        {
            (await db.Episodes.SingleAsync(e => e.Id == scenario.Episode.Id)).StartedOn = startedOn;
            return await db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync(scenario.Path + "/reviews");

        var row = page.Document.GetSummaryListValue("Next review due")!;
        // Month ends can move the point up to three days earlier than asked; never across a tag's boundary here.
        row.ShouldStartWith(Web.Infrastructure.Web.Display.Date(ReviewSchedule.NextDue(startedOn, scenario.Service.ReviewIntervalMonths, 0)));
        var tags = page.Document.QuerySelectorAll(".govuk-summary-list .govuk-tag").Select(t => t.TextContent.Trim()).ToList();
        if (tag is null)
        {
            tags.ShouldBeEmpty();
        }
        else
        {
            tags.ShouldBe([tag]);
        }
    }

    [Fact]
    public async Task PostReview_StoresAudits_OffersTheNeedsAssessment_AndMovesTheNextReviewPoint()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var today = factory.Today;

        var saved = await browser.PostFormAsync(scenario.Path + "/reviews/new", ReviewForm(today, "Reviewed progress with the person"));

        saved.Status.ShouldBe(HttpStatusCode.Redirect);
        var page = await browser.GetAsync(saved.Location!);
        page.Document.QuerySelector("[data-outcome]").Text().ShouldBe("Review recorded");
        page.Html.ShouldContain($"{scenario.Path}/plan/needs/new");
        page.Document.QuerySelector("#reviews").Text().ShouldContain("Reviewed progress with the person");
        page.Document.QuerySelector("#reviews").Text().ShouldContain(scenario.EmotionalWorker.DisplayName);
        var next = ReviewSchedule.NextDue(scenario.Episode.StartedOn, scenario.Service.ReviewIntervalMonths, 1);
        page.Document.QuerySelector("#next-due").Text().ShouldBe(Web.Infrastructure.Web.Display.Date(next));
        (await factory.WithDbAsync(db => db.EpisodeReviews.CountAsync(r => r.EpisodeId == scenario.Episode.Id))).ShouldBe(1);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.EpisodeReview && a.Action == AuditActions.Create && a.PersonId == scenario.PersonId))).ShouldBe(1);
    }

    [Theory]
    [InlineData(1, "x", "Input_HeldOn", "Date of the review must be today or in the past")]
    [InlineData(-400, "x", "Input_HeldOn", "Date of the review must be on or after the episode's start")]
    [InlineData(0, "", "Input_Summary", "Enter a summary of the review")]
    public async Task PostReview_BadInput_ShowsErrorAndStoresNothing(int days, string summary, string id, string message)
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync(scenario.Path + "/reviews/new", ReviewForm(factory.Today.AddDays(days), summary));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(id, message);
        (await factory.WithDbAsync(db => db.EpisodeReviews.CountAsync(r => r.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task PostReview_SummaryTooLong_ShowsError()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync(scenario.Path + "/reviews/new", ReviewForm(factory.Today, new string('a', 8001)));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Summary", "Summary must be 8000 characters or fewer");
    }

    [Fact]
    public async Task Extend_ByManager_MovesThePlannedEndWithAnExtensionAndAudit()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var newEnd = scenario.Episode.PlannedEndOn.AddMonths(3);

        var saved = await browser.PostFormAsync(scenario.Path + "/extend", ExtendForm(await VersionAsync(scenario), newEnd, "Housing move in progress"));

        saved.Status.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Episodes.SingleAsync(e => e.Id == scenario.Episode.Id))).PlannedEndOn.ShouldBe(newEnd);
        var extension = await factory.WithDbAsync(db => db.EpisodeExtensions.SingleAsync(x => x.EpisodeId == scenario.Episode.Id));
        extension.FromDate.ShouldBe(scenario.Episode.PlannedEndOn);
        extension.ToDate.ShouldBe(newEnd);
        extension.Reason.ShouldBe("Housing move in progress");
        extension.ByUserId.ShouldBe(scenario.Manager.Id);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.Episode && a.Action == AuditActions.Update && a.UserId == scenario.Manager.Id && a.Details!.Contains("Planned end")))).ShouldBe(1);
    }

    [Fact]
    public async Task Extend_ReasonRequired_AndDateMustBeLater_AndStaleIsConflict()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var version = await VersionAsync(scenario);

        var noReason = await browser.PostFormAsync(scenario.Path + "/extend", ExtendForm(version, scenario.Episode.PlannedEndOn.AddMonths(1), ""));
        noReason.Status.ShouldBe(HttpStatusCode.BadRequest);
        noReason.Document.AssertHasError("Input_Reason", "Enter the reason for extending the episode");
        var earlier = await browser.PostFormAsync(scenario.Path + "/extend", ExtendForm(version, scenario.Episode.PlannedEndOn, "reason"));
        earlier.Status.ShouldBe(HttpStatusCode.BadRequest);
        earlier.Document.AssertHasError("Input_NewPlannedEnd", "New planned end must be after the current planned end");
        var stale = await browser.PostFormAsync(scenario.Path + "/extend", ExtendForm(Guid.NewGuid(), scenario.Episode.PlannedEndOn.AddMonths(1), "reason"));
        stale.Status.ShouldBe(HttpStatusCode.Conflict);

        (await factory.WithDbAsync(db => db.EpisodeExtensions.CountAsync(x => x.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Extend_Practitioner_GetsNotFound()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        (await browser.GetAsync(scenario.Path + "/extend")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await browser.PostFormAsync(scenario.Path + "/extend", ExtendForm(await VersionAsync(scenario), scenario.Episode.PlannedEndOn.AddMonths(1), "reason"), formPage: scenario.Path + "/reviews/new"))
            .Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.WithDbAsync(db => db.EpisodeExtensions.CountAsync(x => x.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task ReferrerAndOutsider_GetNotFound()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        foreach (var user in new[] { scenario.Referrer, scenario.Outsider })
        {
            var browser = await Browser.SignInAsync(factory, user);
            foreach (var path in new[] { "/reviews", "/reviews/new", "/extend" })
            {
                (await browser.GetAsync(scenario.Path + path)).Status.ShouldBe(HttpStatusCode.NotFound, path);
            }
        }
    }

    [Fact]
    public async Task Reminders_DueSoon_SendOneMailPerWorkerOnce_AndNotBeforeTheFortnight()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var interval = scenario.Service.ReviewIntervalMonths;

        await SendDueAsync();
        (await RemindersAsync(scenario)).ShouldBe(0);

        // Start the episode so that its first review point is ten days away.
        var startedOn = factory.Today.AddDays(10).AddMonths(-interval);
        await factory.WithDbAsync(async db =>
        {
            var episode = await db.Episodes.SingleAsync(e => e.Id == scenario.Episode.Id);
            episode.StartedOn = startedOn;
            return await db.SaveChangesAsync();
        });
        var due = ReviewSchedule.NextDue(startedOn, interval, 0);

        await SendDueAsync();
        await SendDueAsync();

        (await RemindersAsync(scenario)).ShouldBe(1);
        var reminder = await factory.WithDbAsync(db => db.EpisodeReminders.SingleAsync(r => r.EpisodeId == scenario.Episode.Id));
        reminder.Kind.ShouldBe("review");
        reminder.DueOn.ShouldBe(due);
        var mails = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Body.Contains(scenario.Episode.Id.ToString())).ToListAsync());
        mails.Select(m => m.To).Order().ShouldBe(new[] { scenario.EmotionalWorker.Email, scenario.PracticalWorker.Email }.Order());
        mails.ShouldAllBe(m => m.Body.Contains(Web.Infrastructure.Web.Display.Date(due)) && m.Body.Contains(scenario.Service.Name) && !m.Body.Contains(scenario.EmotionalWorker.DisplayName));
    }

    private async Task<int> SendDueAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewReminderService>().SendDueAsync(CancellationToken.None);
    }

    private Task<int> RemindersAsync(EpisodeScenario scenario) =>
        factory.WithDbAsync(db => db.EpisodeReminders.CountAsync(r => r.EpisodeId == scenario.Episode.Id));

    private Task<Guid> VersionAsync(EpisodeScenario scenario) =>
        factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == scenario.Episode.Id).Select(e => e.Version).SingleAsync());

    internal static Dictionary<string, string> ReviewForm(DateOnly heldOn, string summary) => new()
    {
        ["SubmissionId"] = Guid.NewGuid().ToString(),
        ["Input.HeldOn.Day"] = heldOn.Day.ToString(CultureInfo.InvariantCulture),
        ["Input.HeldOn.Month"] = heldOn.Month.ToString(CultureInfo.InvariantCulture),
        ["Input.HeldOn.Year"] = heldOn.Year.ToString(CultureInfo.InvariantCulture),
        ["Input.Summary"] = summary,
    };

    internal static Dictionary<string, string> ExtendForm(Guid version, DateOnly newEnd, string reason) => new()
    {
        ["Version"] = version.ToString(),
        ["Input.NewPlannedEnd.Day"] = newEnd.Day.ToString(CultureInfo.InvariantCulture),
        ["Input.NewPlannedEnd.Month"] = newEnd.Month.ToString(CultureInfo.InvariantCulture),
        ["Input.NewPlannedEnd.Year"] = newEnd.Year.ToString(CultureInfo.InvariantCulture),
        ["Input.Reason"] = reason,
    };
}
