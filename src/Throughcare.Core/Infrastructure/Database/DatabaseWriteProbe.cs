using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Throughcare.Core.Infrastructure.Database;

/// <summary>One row per node, written by the readiness check: the database is ready when it takes a write.</summary>
public sealed class HealthProbe
{
    public required string Node { get; set; }
    public DateTime CheckedAt { get; set; }
}

public sealed class HealthProbeConfiguration : IEntityTypeConfiguration<HealthProbe>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<HealthProbe> b)
    {
        b.HasKey(p => p.Node);
        b.Property(p => p.Node).HasMaxLength(300);
    }
}

/// <summary>
/// Readiness that means what a user needs: a write commits within the check's budget. A database that answers reads
/// but holds a lock on the tables, is out of disk or read-only is not ready (ADR 0018).
/// </summary>
public sealed class DatabaseWriteProbe(ThroughcareDbContext db, TimeProvider clock) : IHealthCheck
{
    private static readonly string Node = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failure = await TryWriteAsync(db, cancellationToken, clock.GetUtcNow().UtcDateTime);
        return failure is null ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(failure);
    }

    /// <summary>Writes this node's probe row; null when it committed, else why not.</summary>
    public static async Task<string?> TryWriteAsync(ThroughcareDbContext db, CancellationToken cancellationToken, DateTime? now = null)
    {
        var checkedAt = now ?? DateTime.UtcNow;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db is PostgresThroughcareDbContext)
            {
                // A lock another session holds on the tables every request writes (the audit trail, sessions) stops
                // the pages, so it stops readiness too, within the budget rather than after it.
                await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "AuditEvents", "UserSessions" IN ROW EXCLUSIVE MODE""", cancellationToken);
            }

            var updated = await db.HealthProbes.Where(p => p.Node == Node).ExecuteUpdateAsync(p => p.SetProperty(x => x.CheckedAt, checkedAt), cancellationToken);
            if (updated == 0)
            {
                db.HealthProbes.Add(new HealthProbe { Node = Node, CheckedAt = checkedAt });
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e) || e is OperationCanceledException)
        {
            DatabaseFaults.ForgetIdleConnections(db.Database.GetDbConnection(), e);
            return e.GetBaseException().Message;
        }
    }
}
