using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Web.Infrastructure;

/// <summary>What verification found: the chain's first broken row, or the first anchor the table no longer matches.</summary>
public sealed record AuditVerification(long Count, long? FirstBreak, long AnchorsChecked, long? AnchoredSequence, string? AnchorProblem)
{
    public bool Intact => FirstBreak is null && AnchorProblem is null;
}

public static class MaintenanceCommands
{
    /// <summary><c>dotnet run --project src/Throughcare.Web -- verify-audit</c>: exits 0 when the audit trail is intact.</summary>
    public static async Task<int> VerifyAuditAsync(IServiceProvider services, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();
        var anchors = scope.ServiceProvider.GetRequiredService<AuditAnchorStore>();
        var result = await VerifyAuditTrailAsync(db, anchors, CancellationToken.None);
        if (result.FirstBreak is { } broken)
        {
            await error.WriteLineAsync($"Audit chain BROKEN at sequence {broken} ({result.Count} rows checked).");
            return 1;
        }

        if (result.AnchorProblem is { } problem)
        {
            await error.WriteLineAsync($"Audit trail TAMPERED: {problem} ({result.Count} rows checked, anchors in {anchors.Directory}).");
            return 1;
        }

        await output.WriteLineAsync(result.AnchoredSequence is { } anchored
            ? $"Audit chain intact: {result.Count} rows verified; it reaches and matches its anchor at sequence {anchored} ({result.AnchorsChecked} anchors checked)."
            : $"Audit chain intact: {result.Count} rows verified. No anchor found in {anchors.Directory}, so removal of the newest rows cannot be ruled out.");
        return 0;
    }

    /// <summary>
    /// Walks the chain, then checks every anchor written outside the database against the row it names: a row that is
    /// missing (the chain was cut short) or differs (the chain was rewritten) is reported.
    /// </summary>
    public static async Task<AuditVerification> VerifyAuditTrailAsync(ThroughcareDbContext db, AuditAnchorStore anchors, CancellationToken cancellationToken)
    {
        var (count, firstBreak) = await VerifyAuditChainAsync(db, cancellationToken);
        long checkedAnchors = 0;
        long? highest = null;
        string? problem = null;
        foreach (var batch in anchors.ReadAll().Chunk(5000))
        {
            if (batch.FirstOrDefault(a => !a.Authentic) is { Anchor: { } forged })
            {
                return new AuditVerification(count, firstBreak, checkedAnchors, highest, $"anchor file {forged.File} line {forged.Line} fails its check (altered, or the anchor key has changed)");
            }

            var sequences = batch.Select(a => a.Anchor.Sequence).Distinct().ToList();
            var stored = await db.AuditEvents.Where(a => sequences.Contains(a.Sequence)).Select(a => new { a.Sequence, a.Hash })
                .ToDictionaryAsync(a => a.Sequence, a => a.Hash, cancellationToken);
            foreach (var (anchor, _) in batch)
            {
                checkedAnchors++;
                highest = Math.Max(highest ?? 0, anchor.Sequence);
                if (problem is not null)
                {
                    continue;
                }

                if (!stored.TryGetValue(anchor.Sequence, out var hash))
                {
                    problem = $"row {anchor.Sequence} was anchored but the chain ends at {count}: audit rows have been removed";
                }
                else if (hash != anchor.Hash)
                {
                    problem = $"row {anchor.Sequence} does not match its anchor: the chain has been rewritten";
                }
            }
        }

        return new AuditVerification(count, firstBreak, checkedAnchors, highest, problem);
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
