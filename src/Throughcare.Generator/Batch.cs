using Throughcare.Core.Domain.Audit;

namespace Throughcare.Generator;

/// <summary>The rows of a few hundred people's care, held until they are written table by table in foreign key order.</summary>
public sealed class Batch(int number)
{
    public int Number { get; } = number;

    public Dictionary<Type, List<object>> Rows { get; } = [];

    /// <summary>Audit rows, sealed into the chain in time order when the batch is written.</summary>
    public List<AuditEvent> Audit { get; } = [];

    public void Add(object entity)
    {
        if (!Rows.TryGetValue(entity.GetType(), out var rows))
        {
            rows = [];
            Rows[entity.GetType()] = rows;
        }

        rows.Add(entity);
    }
}
