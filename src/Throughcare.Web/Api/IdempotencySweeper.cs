using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Web.Api;

/// <summary>
/// Forgets Idempotency-Keys a day after their first use (the IETF draft lets a server expire keys, and says how long):
/// every hour it deletes the answered keys, and the claims whose process died, older than that. A retry after it runs
/// again, and still lands on the record its first try made, which the submission id it derives from the key names.
/// </summary>
public sealed class IdempotencySweeper(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<IdempotencySweeper> logger) : BackgroundService
{
    /// <summary>How long a key is remembered: <c>Throughcare:Api:IdempotencyKeyLifetime</c>, a day unless set.</summary>
    public TimeSpan Lifetime => configuration.GetValue<TimeSpan?>("Throughcare:Api:IdempotencyKeyLifetime") ?? TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var removed = await SweepAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Idempotency keys forgotten: {Removed}.", removed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Forgetting old Idempotency-Keys failed; it will be tried again within the hour.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes the keys past their lifetime, answered or abandoned; a request still in flight keeps its key.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now - Lifetime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();
        return await db.Set<IdempotencyRecord>()
            .Where(r => r.CreatedAt < cutoff && (r.State == IdempotencyState.Completed || r.LeaseUntil < now))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
