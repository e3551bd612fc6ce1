using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.ReleaseLists;

/// <summary>
/// Every hour, from 8 on Monday morning UK time, sends each borough that has leads its weekly release list, once a week:
/// the send's row for the week is unique, so a second node or a second pass sends nothing more.
/// </summary>
public sealed class ReleaseListSchedule(IServiceScopeFactory scopes, TimeProvider time, ILogger<ReleaseListSchedule> logger) : BackgroundService
{
    public static readonly TimeOnly SendsFrom = new(8, 0);

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
                logger.LogError(ex, "Weekly release lists failed; they will be tried again within the hour.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>The Monday of the week a date falls in.</summary>
    public static DateOnly WeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>Sends this week's lists not yet sent, once it is Monday 8 o'clock or later; returns how many boroughs were sent theirs.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = Display.ToLondon(time.GetUtcNow().UtcDateTime);
        var today = DateOnly.FromDateTime(now);
        var week = WeekOf(today);
        if (today == week && TimeOnly.FromDateTime(now) < SendsFrom)
        {
            return 0;
        }

        List<string> boroughs;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();
            db.Scope.AsSystem();
            boroughs = await db.Set<BoroughLead>().Where(l => l.RemovedAt == null).Select(l => l.Borough).Distinct()
                .Where(b => !db.Set<ReleaseListSend>().Any(s => s.Borough == b && s.ScheduledWeek == week))
                .ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var borough in boroughs)
        {
            // A scope per borough: one borough's failure leaves the others' sends standing.
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>().Scope.AsSystem();
            if (await scope.ServiceProvider.GetRequiredService<ReleaseListService>().SendAsync(borough, week, cancellationToken) is WriteResult.Done)
            {
                sent++;
            }
        }

        return sent;
    }
}
