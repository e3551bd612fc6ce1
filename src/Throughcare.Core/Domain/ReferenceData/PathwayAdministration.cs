using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.ReferenceData;

/// <summary>A pathway's label and version as saved now, for the conflict page.</summary>
public sealed record SavedPathway(string Label, Guid Version);

/// <summary>Which way a pathway moves in the lists.</summary>
public enum PathwayMove { Up, Down }

/// <summary>
/// A partnership administrator's changes to the resettlement pathways: add one, rename it, move it, retire it or bring it
/// back. Each writes its typed audit event with the change and clears this node's cached list.
/// </summary>
public sealed class PathwayAdministration(ThroughcareDbContext db, AuditLog audit, PathwayCache cache)
{
    public const string LabelTaken = "A resettlement pathway with this name already exists";

    public async Task<WriteResult> AddAsync(string label, CancellationToken cancellationToken)
    {
        label = label.Trim();
        var code = ReferenceList.CodeFor(label);
        if (code.Length == 0)
        {
            return new WriteResult.Refused("Name must include letters or numbers", "Input.Label");
        }

        var existing = await db.ResettlementPathways.AsNoTracking().Select(p => new { p.Code, p.Label, p.Position }).ToListAsync(cancellationToken);
        if (existing.Any(p => SameLabel(p.Label, label)))
        {
            return new WriteResult.Refused(LabelTaken, "Input.Label");
        }

        // A code stays with the records that hold it: a new pathway whose name was once another's gets a code of its own.
        code = code.Length > ResettlementPathway.CodeMaxLength - 4 ? code[..(ResettlementPathway.CodeMaxLength - 4)].TrimEnd('-') : code;
        var unique = code;
        for (var n = 2; existing.Any(p => string.Equals(p.Code, unique, StringComparison.OrdinalIgnoreCase)); n++)
        {
            unique = $"{code}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        var pathway = new ResettlementPathway
        {
            Id = Guid.NewGuid(),
            Code = unique,
            Label = label,
            Position = existing.Count == 0 ? 1 : existing.Max(p => p.Position) + 1,
        };
        db.ResettlementPathways.Add(pathway);
        audit.Record(new PathwayAdded(pathway.Id, pathway.Code, pathway.Label, pathway.Position));
        return await SaveAsync(pathway.Id, LabelTaken, cancellationToken);
    }

    public async Task<WriteResult> RenameAsync(Guid pathwayId, Guid version, string label, CancellationToken cancellationToken)
    {
        label = label.Trim();
        var pathway = await db.ResettlementPathways.SingleOrDefaultAsync(p => p.Id == pathwayId, cancellationToken);
        if (pathway is null)
        {
            return new WriteResult.NotFound();
        }

        if (pathway.Version != version)
        {
            return new WriteResult.Conflict(new SavedPathway(pathway.Label, pathway.Version));
        }

        var others = await db.ResettlementPathways.AsNoTracking().Where(p => p.Id != pathwayId).Select(p => p.Label).ToListAsync(cancellationToken);
        if (others.Any(l => SameLabel(l, label)))
        {
            return new WriteResult.Refused(LabelTaken, "Input.Label");
        }

        if (!string.Equals(pathway.Label, label, StringComparison.Ordinal))
        {
            audit.Record(new PathwayRenamed(pathway.Id, pathway.Code, pathway.Label, label));
            pathway.Label = label;
            pathway.Version = Guid.NewGuid();
        }

        return await SaveAsync(pathway.Id, null, cancellationToken);
    }

    /// <summary>Swaps the pathway with its neighbour above or below; at either end it stays where it is.</summary>
    public async Task<WriteResult> MoveAsync(Guid pathwayId, PathwayMove move, CancellationToken cancellationToken)
    {
        var all = await db.ResettlementPathways.OrderBy(p => p.Position).ThenBy(p => p.Code).ToListAsync(cancellationToken);
        var index = all.FindIndex(p => p.Id == pathwayId);
        if (index < 0)
        {
            return new WriteResult.NotFound();
        }

        var other = move == PathwayMove.Up ? index - 1 : index + 1;
        if (other >= 0 && other < all.Count)
        {
            // Positions are renumbered 1, 2, 3 … so that two rows never share one.
            var order = all.ToList();
            (order[index], order[other]) = (order[other], order[index]);
            for (var i = 0; i < order.Count; i++)
            {
                if (order[i].Position != i + 1)
                {
                    if (order[i].Id == pathwayId)
                    {
                        audit.Record(new PathwayMoved(order[i].Id, order[i].Code, order[i].Position, i + 1));
                    }

                    order[i].Position = i + 1;
                    order[i].Version = Guid.NewGuid();
                }
            }
        }

        return await SaveAsync(pathwayId, null, cancellationToken);
    }

    public async Task<WriteResult> SetRetiredAsync(Guid pathwayId, bool retired, CancellationToken cancellationToken)
    {
        var pathway = await db.ResettlementPathways.SingleOrDefaultAsync(p => p.Id == pathwayId, cancellationToken);
        if (pathway is null)
        {
            return new WriteResult.NotFound();
        }

        if (pathway.Retired == retired)
        {
            return new WriteResult.Done(pathway.Id);
        }

        if (retired && !await db.ResettlementPathways.AnyAsync(p => p.Id != pathwayId && !p.Retired, cancellationToken))
        {
            return new WriteResult.Refused("Keep at least one resettlement pathway in use: add another before you retire this one");
        }

        audit.Record(new PathwayRetired(pathway.Id, pathway.Code, retired));
        pathway.Retired = retired;
        pathway.Version = Guid.NewGuid();
        return await SaveAsync(pathway.Id, null, cancellationToken);
    }

    private static bool SameLabel(string a, string b) => string.Equals(a.Trim(), b, StringComparison.OrdinalIgnoreCase);

    private async Task<WriteResult> SaveAsync(Guid id, string? onDuplicate, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new WriteResult.Conflict();
        }
        catch (DbUpdateException) when (onDuplicate is not null)
        {
            // The unique code caught a second add of the same name at the same moment.
            db.ChangeTracker.Clear();
            return new WriteResult.Refused(onDuplicate, "Input.Label");
        }
        finally
        {
            cache.Invalidate();
        }

        return new WriteResult.Done(id);
    }
}
