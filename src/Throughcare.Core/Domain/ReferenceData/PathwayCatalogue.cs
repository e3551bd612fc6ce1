using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.ReferenceData;

/// <summary>A pathway as the lists show it.</summary>
public sealed record Pathway(Guid Id, string Code, string Label, int Position, bool Retired) : IReferenceItem;

/// <summary>
/// The resettlement pathways at one moment: all of them in order, retired ones included so that every code a record or
/// the audit trail holds is labelled, and those offered on forms.
/// </summary>
public sealed class PathwayList
{
    public static PathwayList Empty { get; } = new([]);

    public PathwayList(IEnumerable<Pathway> pathways)
    {
        All = new ReferenceList<Pathway>(pathways.OrderBy(p => p.Position).ThenBy(p => p.Code, StringComparer.Ordinal));
        Offered = new ReferenceList<Pathway>(All.Where(p => !p.Retired));
    }

    /// <summary>Every pathway, retired ones included, in order.</summary>
    public ReferenceList<Pathway> All { get; }

    /// <summary>The pathways forms offer, in order.</summary>
    public ReferenceList<Pathway> Offered { get; }

    /// <summary>The label of any code: a retired pathway's too; a code that was never a pathway is shown as it is.</summary>
    public string Label(string code) => All.LabelFor(code) ?? code;

    /// <summary>Codes in the pathways' order, any unknown code last.</summary>
    public IEnumerable<string> InOrder(IEnumerable<string> codes) =>
        codes.OrderBy(c => All.Find(c)?.Position ?? int.MaxValue).ThenBy(c => c, StringComparer.Ordinal);

    /// <summary>Offered pathways, and any retired one a record being changed already holds, so changing it need not drop it.</summary>
    public ReferenceList<Pathway> OfferedWith(IEnumerable<string> held) =>
        new(All.Where(p => !p.Retired || held.Contains(p.Code, StringComparer.OrdinalIgnoreCase)));
}

/// <summary>
/// The last list read, shared by every request on this node. A change made here clears it at once; a change made on
/// another node is seen here when the list is next read after <see cref="Lifetime"/>.
/// </summary>
public sealed class PathwayCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private PathwayList? _list;
    private DateTimeOffset _loadedAt;
    private long _generation;

    public bool TryGet(out PathwayList list, out long generation)
    {
        lock (_gate)
        {
            generation = _generation;
            list = _list ?? PathwayList.Empty;
            return _list is not null && time.GetUtcNow() - _loadedAt < Lifetime;
        }
    }

    /// <summary>Keeps a list read from the database, unless the pathways changed while it was being read.</summary>
    public void Set(PathwayList list, long generation)
    {
        lock (_gate)
        {
            if (generation == _generation)
            {
                _list = list;
                _loadedAt = time.GetUtcNow();
            }
        }
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _list = null;
        }
    }
}

/// <summary>The one place pages, services and the change history read the resettlement pathways from.</summary>
public sealed class PathwayCatalogue(ThroughcareDbContext db, PathwayCache cache)
{
    private PathwayList? _read;

    public async Task<PathwayList> GetAsync(CancellationToken cancellationToken)
    {
        if (_read is not null)
        {
            return _read;
        }

        if (cache.TryGet(out var cached, out var generation))
        {
            return _read = cached;
        }

        var pathways = await db.ResettlementPathways.AsNoTracking()
            .Select(p => new Pathway(p.Id, p.Code, p.Label, p.Position, p.Retired))
            .ToListAsync(cancellationToken);
        var list = new PathwayList(pathways);
        cache.Set(list, generation);
        return _read = list;
    }
}
