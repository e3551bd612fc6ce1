using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Throughcare.Core.Domain.Audit;

/// <summary>Links each audit row to the one before it, so that an edited, deleted or inserted row breaks the chain.</summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static void Seal(IEnumerable<AuditEvent> events, long lastSequence, string lastHash)
    {
        foreach (var audit in events)
        {
            audit.Sequence = ++lastSequence;
            audit.PreviousHash = lastHash;
            audit.Hash = ComputeHash(audit);
            lastHash = audit.Hash;
        }
    }

    public static string ComputeHash(AuditEvent a)
    {
        // Microsecond precision is what PostgreSQL keeps, so the hash covers exactly what is stored.
        var fields = new[]
        {
            a.Sequence.ToString(CultureInfo.InvariantCulture),
            (a.OccurredAt.Ticks / 10).ToString(CultureInfo.InvariantCulture),
            a.UserId?.ToString(), a.UserName, a.OrganisationId?.ToString(), a.Role, a.PersonId?.ToString(),
            a.RecordType, a.RecordId, a.Action, a.Outcome.ToString(), a.Purpose, a.CorrelationId, a.Details,
            a.PreviousHash,
        };
        var text = string.Join('\u001f', fields.Select(f => f ?? "\u2400"));

        // Added after rows were first written: rows without it hash exactly as they always did, so they still verify.
        if (a.ClientRequestId is not null)
        {
            text += "\u001fclient-request-id\u001f" + a.ClientRequestId;
        }

        // Likewise for the typed event's name and its aggregate.
        if (a.EventType is not null)
        {
            text += "\u001fevent-type\u001f" + a.EventType;
        }

        if (a.AggregateId is not null)
        {
            text += "\u001faggregate\u001f" + a.AggregateId;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Whether a row correctly extends the chain after the row with the given sequence and hash.</summary>
    public static bool Follows(AuditEvent audit, long previousSequence, string previousHash) =>
        audit.Sequence == previousSequence + 1 && audit.PreviousHash == previousHash && audit.Hash == ComputeHash(audit);

    public static DateTime TruncateToMicroseconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
}
