using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Tests.Domain;

/// <summary>The hourly review reminders: each running strand's worker is e-mailed once per review point.</summary>
public sealed class ReviewRemindersTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
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
        mails.ShouldAllBe(m => m.Body.Contains(Display.Date(due)) && m.Body.Contains(scenario.Service.Name) && !m.Body.Contains(scenario.EmotionalWorker.DisplayName));
        mails.ShouldAllBe(m => m.Body.EndsWith($"{scenario.Path}/reviews", StringComparison.Ordinal));
    }

    private async Task<int> SendDueAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewReminderService>().SendDueAsync(CancellationToken.None);
    }

    private Task<int> RemindersAsync(EpisodeScenario scenario) =>
        factory.WithDbAsync(db => db.EpisodeReminders.CountAsync(r => r.EpisodeId == scenario.Episode.Id));
}
