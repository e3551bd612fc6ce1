using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Throughcare.Core.Infrastructure.Database;

/// <summary>
/// The context the heavy read-only pages (lists, searches, the audit search and its export) query through (ADR 0021):
/// on the PostgreSQL read replica when <c>ConnectionStrings:ReadReplica</c> is set, otherwise on the primary. It is a
/// <see cref="ThroughcareDbContext"/> of the provider's own type, bound to the request's <see cref="AccessScope"/>, so
/// the access filters apply exactly as on the primary; it tracks nothing and refuses every save. What such a page
/// writes (its audit rows, through <see cref="Domain.Audit.ReadAudit"/>) goes through the primary context.
/// </summary>
public sealed class ReadOnlyDb(ThroughcareDbContext db, bool onReplica) : IAsyncDisposable, IDisposable
{
    public ThroughcareDbContext Db => db;

    /// <summary>Whether reads go to the replica rather than the primary.</summary>
    public bool OnReplica => onReplica;

    public ValueTask DisposeAsync() => db.DisposeAsync();

    public void Dispose() => db.Dispose();

    /// <summary>The options every read-only context is made with, on top of the provider's own.</summary>
    internal static DbContextOptionsBuilder<T> ReadOnly<T>(DbContextOptionsBuilder<T> builder)
        where T : DbContext =>
        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).AddInterceptors(RefuseWrites.Instance);

    /// <summary>Throws before anything is sent: no save of any kind runs on a read-only context.</summary>
    private sealed class RefuseWrites : SaveChangesInterceptor
    {
        public static readonly RefuseWrites Instance = new();

        private const string Message = "This context is read-only (ConnectionStrings:ReadReplica): save through the primary ThroughcareDbContext.";

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            throw new InvalidOperationException(Message);

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Message);
    }
}
