using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Notifications;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Episodes;

/// <summary>
/// Once at start and then every hour, e-mails each running strand's worker when an open episode's next review point
/// is within a fortnight. The reminder row goes in with the e-mails, and its unique index makes each reminder
/// once-only even when several nodes run this at the same moment.
/// </summary>
public sealed class ReviewReminderService(IServiceScopeFactory scopes, TimeProvider time, LinkGenerator links, ILogger<ReviewReminderService> logger) : BackgroundService
{
    public const string Kind = "review";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Review reminders failed; they will be tried again within the hour.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Queues the reminders now due and returns how many episodes were reminded.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();
        db.Scope.AsSystem();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var today = Display.Today(time);
        var candidates = await db.Episodes.AsNoTracking().Where(e => e.State != EpisodeState.Closed)
            .Select(e => new
            {
                e.Id,
                e.StartedOn,
                Service = db.Services.Where(s => s.Id == e.ServiceId).Select(s => new { s.Name, s.ReviewIntervalMonths }).Single(),
                ReviewsHeld = db.EpisodeReviews.Count(r => r.EpisodeId == e.Id),
            })
            .ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var episode in candidates)
        {
            var due = ReviewSchedule.NextDue(episode.StartedOn, episode.Service.ReviewIntervalMonths, episode.ReviewsHeld);
            if (!ReviewSchedule.IsDueSoon(due, today)
                || await db.EpisodeReminders.AnyAsync(r => r.EpisodeId == episode.Id && r.Kind == Kind && r.DueOn == due, cancellationToken))
            {
                continue;
            }

            var workers = await db.EpisodeStrands.Where(s => s.EpisodeId == episode.Id && s.EndedAt == null)
                .Join(db.Users, s => s.WorkerUserId, u => u.Id, (s, u) => u.Email).Distinct().ToListAsync(cancellationToken);
            var date = Display.Date(due);
            foreach (var email in workers)
            {
                outbox.Queue(email, "A review is due in Throughcare",
                    $"A review is due on {date} for an episode on {episode.Service.Name}. Open Throughcare to record it: {links.GetPathByPage("/Episodes/Reviews/Index", values: new { episodeId = episode.Id })}");
            }

            db.EpisodeReminders.Add(new EpisodeReminder { Id = Guid.NewGuid(), EpisodeId = episode.Id, Kind = Kind, DueOn = due, SentAt = time.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                reminded++;
            }
            catch (DbUpdateException)
            {
                // Another node sent this reminder first: its row and e-mails stand, ours are dropped.
                db.ChangeTracker.Clear();
            }
        }

        return reminded;
    }
}
