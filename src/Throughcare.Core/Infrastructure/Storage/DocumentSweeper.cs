using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Infrastructure.Storage;

/// <summary>What one sweep did: staged documents whose rows had committed, made visible; orphans removed.</summary>
public sealed record SweepResult(int Published, int Removed);

/// <summary>
/// Once at start and then hourly, tidies the documents folder (ADR 14): a staged document whose row committed, but whose
/// publish was cut short by a crash, is made visible; a file with no row (a crashed upload, or a document removed from
/// a draft) is removed once it is a day old, so an upload still on its way to its commit is never touched.
/// </summary>
public sealed class DocumentSweeper(IServiceScopeFactory scopes, IDocumentStore store, TimeProvider time, ILogger<DocumentSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan OrphanAge = TimeSpan.FromDays(1);
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var swept = await SweepAsync(stoppingToken);
                if (swept.Published + swept.Removed > 0)
                {
                    logger.LogInformation("Documents swept: {Published} made visible, {Removed} orphans removed.", swept.Published, swept.Removed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sweeping the documents folder failed; it will be tried again within the hour.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - OrphanAge;
        var candidates = store.List().Where(f => f.Staged || f.WrittenAt < cutoff).ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();
        db.Scope.AsSystem();
        var (published, removed) = (0, 0);
        foreach (var batch in candidates.Chunk(Batch))
        {
            var names = batch.Select(f => f.StoredName).Distinct().ToList();
            var held = (await db.ReferralDocuments.Where(d => names.Contains(d.StoredName)).Select(d => d.StoredName).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var file in batch)
            {
                if (held.Contains(file.StoredName))
                {
                    if (file.Staged)
                    {
                        await store.PublishAsync(file.StoredName, cancellationToken);
                        published++;
                    }
                }
                else if (file.WrittenAt < cutoff)
                {
                    await store.DeleteAsync(file.StoredName, cancellationToken);
                    removed++;
                }
            }
        }

        return new SweepResult(published, removed);
    }
}
