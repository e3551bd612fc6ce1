using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Throughcare.Web.Infrastructure.Security;

/// <summary>What the session check reads from the database: the session, its user and the user's organisation.</summary>
public sealed record SessionState(
    DateTime? RevokedAt,
    DateTime LastSeenAt,
    DateTime AbsoluteExpiresAt,
    DateTime? DisabledAt,
    string? SecurityStamp,
    bool TwoFactorEnabled,
    bool RequireTwoFactor);

/// <summary>
/// Sessions as this process last read them, kept for <see cref="SessionOptions.RecheckAfter"/> so that a signed-in
/// request does not read the database (ADR 0020). Any write this process makes to the tables the check reads forgets
/// them all at once, and again when its transaction commits; a write from another process is seen within the window.
/// </summary>
public sealed class SessionCache(TimeProvider time, IOptions<SessionOptions> options)
{
    private readonly ConcurrentDictionary<Guid, (SessionState State, DateTime ReadAt)> _sessions = new();
    private long _generation;
    private DateTime _nextSweep;

    /// <summary>Changes whenever the cache is emptied; a read that began under another generation is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public SessionState? Find(Guid sessionId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return _sessions.TryGetValue(sessionId, out var entry) && IsFresh(entry.ReadAt, now) ? entry.State : null;
    }

    /// <summary>Keeps a state read from the database, unless the cache was emptied since the read began.</summary>
    public void Keep(Guid sessionId, SessionState state, long generationBeforeRead)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (Generation != generationBeforeRead)
        {
            return;
        }

        _sessions[sessionId] = (state, now);
        if (Generation != generationBeforeRead)
        {
            // Emptied while this was being stored: the state may predate the write that emptied it.
            _sessions.TryRemove(sessionId, out _);
        }

        SweepIfDue(now);
    }

    /// <summary>This process wrote the session's last-seen time: the kept state follows, still read at the same time.</summary>
    public void Touched(Guid sessionId, SessionState state)
    {
        if (_sessions.TryGetValue(sessionId, out var entry))
        {
            _sessions.TryUpdate(sessionId, (state, entry.ReadAt), entry);
        }
    }

    public void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        _sessions.Clear();
    }

    private bool IsFresh(DateTime readAt, DateTime now) => now >= readAt && now - readAt < options.Value.RecheckAfter;

    private void SweepIfDue(DateTime now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + TimeSpan.FromMinutes(1);
        foreach (var (id, entry) in _sessions)
        {
            if (!IsFresh(entry.ReadAt, now))
            {
                _sessions.TryRemove(KeyValuePair.Create(id, entry));
            }
        }
    }
}

/// <summary>
/// Empties the <see cref="SessionCache"/> when this process writes a user, an organisation or a session (a sign-out, a
/// revocation, a disabled account, a new security stamp), however it writes: tracked changes, ExecuteUpdate or SQL
/// (all run as readers or non-queries).
/// It empties it once the write has run and again when the transaction holding it commits, so no request keeps a state
/// read before the commit.
/// </summary>
public sealed partial class SessionCacheInvalidator(SessionCache cache) : DbCommandInterceptor, IDbTransactionInterceptor
{
    /// <summary>Opens the last-seen write (<see cref="SessionValidator"/>), which changes nothing the check decides on.</summary>
    public const string TouchTag = "session last seen";

    private readonly ConditionalWeakTable<DbTransaction, object> _writingTransactions = [];

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Settle(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Settle(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Settle(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Settle(command);
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    /// <summary>Whether the SQL writes a row the session check reads; a new session and a last-seen time do not count.</summary>
    public static bool ChangesSessions(string sql) =>
        (sql.Contains("UPDATE", StringComparison.OrdinalIgnoreCase) || sql.Contains("DELETE", StringComparison.OrdinalIgnoreCase))
        && !sql.StartsWith("-- " + TouchTag, StringComparison.Ordinal)
        && SessionWrite().IsMatch(sql);

    private void Settle(DbCommand command)
    {
        if (!ChangesSessions(command.CommandText))
        {
            return;
        }

        cache.ForgetAll();
        if (command.Transaction is { } transaction)
        {
            _writingTransactions.AddOrUpdate(transaction, transaction);
        }
    }

    private void Committed(DbTransaction transaction)
    {
        if (_writingTransactions.Remove(transaction))
        {
            cache.ForgetAll();
        }
    }

    [GeneratedRegex("""\b(UPDATE|DELETE\s+FROM)\s+"?(AspNetUsers|UserSessions|Organisations)"?(\s|$)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SessionWrite();
}
