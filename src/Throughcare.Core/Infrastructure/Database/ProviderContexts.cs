using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Throughcare.Core.Infrastructure.Database;

public sealed class SqliteThroughcareDbContext(DbContextOptions<SqliteThroughcareDbContext> options, AccessScope scope)
    : ThroughcareDbContext(options, scope)
{
    // SQLite has one writer at a time and EF begins transactions IMMEDIATE, so the write lock, taken when the
    // transaction begins, already serialises appends.
    protected override Task LockAuditChainAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class PostgresThroughcareDbContext(DbContextOptions<PostgresThroughcareDbContext> options, AccessScope scope)
    : ThroughcareDbContext(options, scope)
{
    public const long AuditChainLockKey = 7_346_201_001;

    protected override Task LockAuditChainAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChainLockKey})", cancellationToken);
}

/// <summary>Used only by <c>dotnet ef</c> when authoring migrations; see docs/adr/0002-migrations.md.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteThroughcareDbContext>
{
    public SqliteThroughcareDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteThroughcareDbContext>().UseSqlite("Data Source=design.db").Options, AccessScope.Closed());
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresThroughcareDbContext>
{
    public PostgresThroughcareDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresThroughcareDbContext>().UseNpgsql("Host=localhost;Database=design").Options, AccessScope.Closed());
}
