using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Throughcare.Core.Infrastructure.Database;

/// <summary>
/// Whether a failure means the database cannot serve now (down, unreachable, too slow, locked, full) rather than a
/// fault in Throughcare: those are answered 503 with Retry-After, and readiness reports them (ADR 0018).
/// </summary>
public static class DatabaseFaults
{
    /// <summary>How long a client is asked to wait before trying again while the database cannot serve.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>Tells the client when to try again, on a 503 the service chose to give.</summary>
    public static void AskToRetry(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TimeoutException or SocketException:
                case OperationCanceledException when e.InnerException is TimeoutException:
                case PostgresException { SqlState: var state } when IsUnavailableState(state):
                case NpgsqlException { IsTransient: true }:
                case NpgsqlException when e is not PostgresException:
                case SqliteException { SqliteErrorCode: var code } when IsUnavailableSqliteCode(code):
                case Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// After a connection to PostgreSQL was lost (not a slow statement or a lock), drops the pool's idle connections:
    /// opened before the failure, they may have been cut by it too, and the first requests after the database returns
    /// would fail on them one by one.
    /// </summary>
    public static void ForgetIdleConnections(System.Data.Common.DbConnection connection, Exception? exception)
    {
        if (connection is NpgsqlConnection npgsql && IsConnectionLost(exception))
        {
            NpgsqlConnection.ClearPool(npgsql);
        }
    }

    private static bool IsConnectionLost(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException or IOException or EndOfStreamException || (e is PostgresException p && (p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return exception is NpgsqlException and not PostgresException;
    }

    // Connection failures (08), insufficient resources such as a full disk (53), the server shutting down or refusing
    // connections (57P), a lock not granted in time (55P03) and a statement cancelled for taking too long (57014).
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
        || state.StartsWith("57P", StringComparison.Ordinal) || state is "55P03" or "57014" or "40P01";

    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN (primary codes).
    private static bool IsUnavailableSqliteCode(int code) => (code & 0xff) is 5 or 6 or 8 or 10 or 13 or 14;
}
