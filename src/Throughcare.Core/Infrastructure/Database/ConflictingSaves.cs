using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;
using Throughcare.Core.Domain;

namespace Throughcare.Core.Infrastructure.Database;

/// <summary>
/// The one place a save that lost a race to another writer becomes <see cref="WriteResult.Conflict"/>: EF Core's version
/// check, PostgreSQL's serialization failure or deadlock, or any other failed save (a unique index, say) made while a
/// version this save relied on was changed by someone else. Every service that changes an existing record saves here.
/// </summary>
public static class ConflictingSaves
{
    /// <summary>
    /// Saves the unit of work and answers <paramref name="done"/>, or a conflict (carrying what <paramref name="current"/>
    /// loads, with the unit of work cleared first) when another writer got there first. Other failures are not caught.
    /// </summary>
    public static async Task<WriteResult> SaveOrConflictAsync(this ThroughcareDbContext db, WriteResult done, CancellationToken cancellationToken, Func<Task<object?>>? current = null)
    {
        var tokens = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted)
            .SelectMany(e => e.Properties.Where(p => p.Metadata.IsConcurrencyToken).Select(p => (Entry: e, Token: p.Metadata.Name, Seen: p.OriginalValue)))
            .ToList();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return done;
        }
        catch (Exception exception) when (exception is DbUpdateException || LostRace(exception))
        {
            if (exception is not DbUpdateConcurrencyException && !LostRace(exception) && !await ChangedSinceReadAsync(db, tokens, cancellationToken))
            {
                throw;
            }

            db.ChangeTracker.Clear();
            return new WriteResult.Conflict(current is null ? null : await current());
        }
    }

    /// <summary>PostgreSQL gave up on the transaction because a concurrent one conflicted with it.</summary>
    private static bool LostRace(Exception exception) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException)?.SqlState
            is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    /// <summary>
    /// Whether a version the save relied on is no longer what it read, so the failure was the other writer's doing. Only
    /// answerable outside a caller's transaction: after a failed statement PostgreSQL refuses every query in it.
    /// </summary>
    private static async Task<bool> ChangedSinceReadAsync(ThroughcareDbContext db, List<(EntityEntry Entry, string Token, object? Seen)> tokens, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return false;
        }

        foreach (var (entry, token, seen) in tokens)
        {
            var saved = await entry.GetDatabaseValuesAsync(cancellationToken);
            if (saved is null || !Equals(saved[token], seen))
            {
                return true;
            }
        }

        return false;
    }
}
