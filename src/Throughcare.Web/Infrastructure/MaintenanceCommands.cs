using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Infrastructure.Database;

namespace Throughcare.Web.Infrastructure;

public static class MaintenanceCommands
{
    /// <summary><c>dotnet run --project src/Throughcare.Web -- verify-audit</c>: exits 0 when the audit chain is intact.</summary>
    public static async Task<int> VerifyAuditAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();
        var (count, firstBreak) = await VerifyAuditChainAsync(db, CancellationToken.None);
        if (firstBreak is { } broken)
        {
            await Console.Error.WriteLineAsync($"Audit chain BROKEN at sequence {broken} ({count} rows checked).");
            return 1;
        }

        Console.WriteLine($"Audit chain intact: {count} rows verified.");
        return 0;
    }

    /// <summary>Streams the chain in order, in batches, so a large audit is verified in bounded memory.</summary>
    public static async Task<(long Count, long? FirstBreak)> VerifyAuditChainAsync(ThroughcareDbContext db, CancellationToken cancellationToken)
    {
        const int batchSize = 5000;
        long count = 0;
        long after = 0;
        var previous = new AuditEvent { RecordType = "", Action = "", Hash = AuditChain.Genesis };
        while (true)
        {
            var batch = await db.AuditEvents.AsNoTracking().Where(a => a.Sequence > after).OrderBy(a => a.Sequence).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return (count, null);
            }

            foreach (var audit in batch)
            {
                if (!AuditChain.Follows(audit, previous.Sequence, previous.Hash))
                {
                    return (count, audit.Sequence);
                }

                previous = audit;
                count++;
            }

            after = previous.Sequence;
        }
    }
}
