using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Audit;

/// <summary>
/// The reads of people's data a response will show, gathered while the request runs and saved, once each, before the
/// response is written: the route filter adds the record a page names, and the access objects add every person a list
/// or search returns. If they cannot be saved the response fails and shows nothing; a response that shows no one
/// (a redirect, a 404) saves nothing.
/// </summary>
public sealed class ReadAudit(ThroughcareDbContext db, AuditLog audit, AuditAppender appender)
{
    private readonly List<PendingRead> _pending = [];

    public bool HasPending => _pending.Count > 0;

    /// <summary>The response shows this record of the person's; details say what of it, where that matters (a restricted note).</summary>
    public void Shown(string recordType, Guid recordId, Guid personId, string action = AuditActions.View, string? purpose = null, object? details = null)
    {
        var read = new PendingRead(recordType, recordId.ToString(), personId, action, purpose, details);
        var index = _pending.FindIndex(p => p.IsSameRead(read));
        if (index < 0)
        {
            _pending.Add(read);
        }
        else if (details is not null)
        {
            // A page says more about a read the route filter queued (that a restricted note was shown, say).
            _pending[index] = _pending[index] with { Details = details };
        }
    }

    /// <summary>The response lists these people (search results, a caseload).</summary>
    public void ShownPeople(IEnumerable<Guid> personIds, string action, string? purpose = null)
    {
        foreach (var personId in personIds)
        {
            Shown(AuditRecordTypes.Person, personId, personId, action, purpose);
        }
    }

    /// <summary>
    /// Saves the pending reads before anything is shown: committed with other requests' reads by the
    /// <see cref="AuditAppender"/>, or, inside a transaction the request holds, in that transaction.
    /// </summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var rows = _pending.Select(read => audit.Create(read.RecordType, read.RecordId, read.Action, read.PersonId, read.Details, purpose: read.Purpose)).ToList();
        _pending.Clear();

        // A transaction still open may hold the chain's lock, which the appender would wait for while this request
        // waited for the appender: such reads commit with that transaction instead.
        if (db.Database.CurrentTransaction is not null)
        {
            // Whatever the handler left unsaved is not part of this response: only the reads are written now.
            db.ChangeTracker.Clear();
            db.AuditEvents.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await appender.AppendAsync(rows, cancellationToken);
    }

    /// <summary>The response shows no one after all (a redirect, a 404): nothing is recorded as read.</summary>
    public void Discard() => _pending.Clear();

    private sealed record PendingRead(string RecordType, string RecordId, Guid PersonId, string Action, string? Purpose, object? Details)
    {
        public bool IsSameRead(PendingRead other) =>
            RecordType == other.RecordType && RecordId == other.RecordId && PersonId == other.PersonId && Action == other.Action;
    }
}
