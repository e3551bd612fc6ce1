using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Audit;

/// <summary>
/// Appends the audit rows of reads to the chain, many requests' rows in one transaction (a group commit: ADR 22).
/// Every audited read used to take the chain lock and wait for its own commit while holding it, so reads of people's
/// data went through the database one at a time. Now the rows that arrive while one transaction commits go in the
/// next, together; each request still waits until its own rows have committed before it shows anything, and fails if
/// they cannot be written. One loop writes, so the process holds no lock of its own while waiting on the database.
/// </summary>
public sealed partial class AuditAppender(IServiceScopeFactory scopes, ILogger<AuditAppender> log) : IAsyncDisposable
{
    /// <summary>The most rows one transaction takes: a larger backlog commits in several, in order.</summary>
    public const int MaxRowsPerCommit = 500;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _loop;

    /// <summary>Commits the rows, with other requests' rows, and returns once they are in the chain.</summary>
    public Task AppendAsync(IReadOnlyList<AuditEvent> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var pending = new Pending(rows, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(AuditAppender), "The service is stopping; the read was not recorded.");
        }

        EnsureStarted();

        // A request that goes away stops waiting; its rows are still recorded, since the data may already be on its way.
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    private void EnsureStarted()
    {
        if (_loop is not null)
        {
            return;
        }

        lock (_start)
        {
            // Started without the first caller's context: the loop must not see that request's user.
            using (ExecutionContext.SuppressFlow())
            {
                _loop ??= Task.Run(WriteLoopAsync);
            }
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var rows = 0;
            while (rows < MaxRowsPerCommit && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                rows += next.Rows.Count;
            }

            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            await WriteAsync(batch.SelectMany(p => p.Rows));
            batch.ForEach(p => p.Done.TrySetResult());
        }
        catch (Exception exception) when (batch.Count > 1 && !DatabaseFaults.IsUnavailable(exception))
        {
            // One request's rows must not fail another's: each is tried again on its own. When the database cannot
            // serve at all, trying again one by one would only make the last request wait a budget per request.
            foreach (var pending in batch)
            {
                await CommitAsync([pending]);
            }
        }
        catch (Exception exception)
        {
            LogNotRecorded(log, exception, batch.Sum(p => p.Rows.Count));
            batch.ForEach(p => p.Done.TrySetException(exception));
        }
    }

    private async Task WriteAsync(IEnumerable<AuditEvent> rows)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();

        // Sealing gives each row its sequence and hashes afresh, so rows from a failed attempt are simply sealed again.
        db.AuditEvents.AddRange(rows);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit rows of a read ({Rows}) could not be committed; the request fails and shows nothing")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, int rows);

    private sealed record Pending(IReadOnlyList<AuditEvent> Rows, TaskCompletionSource Done);
}
