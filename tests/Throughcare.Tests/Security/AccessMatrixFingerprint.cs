using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Security;

/// <summary>
/// Every row of every table the model maps, as text, so that a write nobody may make shows as a difference whatever
/// table it lands in; a table added to the model is in it the day it exists. Left out: what every request writes by
/// design (the audit trail, sessions, partnership actions, data protection keys, readiness probes) and when a token was last used.
/// </summary>
public sealed class AccessMatrixFingerprint
{
    private static readonly HashSet<string> RequestBookkeeping = ["AuditEvents", "UserSessions", "PartnershipActions", "DataProtectionKeys", "HealthProbes"];
    private static readonly HashSet<string> IgnoredColumns = ["ApiTokens.LastUsedAt"];

    private readonly Dictionary<string, Dictionary<string, string>> _tables;

    private AccessMatrixFingerprint(Dictionary<string, Dictionary<string, string>> tables) => _tables = tables;

    public int Rows => _tables.Values.Sum(t => t.Count);

    public static Task<AccessMatrixFingerprint> TakeAsync(ThroughcareFactory factory) => factory.WithDbAsync(async db =>
    {
        var tables = new Dictionary<string, Dictionary<string, string>>();
        var mapped = db.Model.GetEntityTypes()
            .Select(t => (Type: t, Table: t.GetTableName(), Key: t.FindPrimaryKey()))
            .Where(t => t.Table is not null && t.Key is not null && !RequestBookkeeping.Contains(t.Table))
            .GroupBy(t => t.Table!)
            .Select(g => g.OrderBy(t => t.Type.IsOwned()).First())
            .Select(t => (Table: t.Table!, Key: t.Key!.Properties.Select(p => p.GetColumnName(StoreObjectIdentifier.Table(t.Table!, t.Type.GetSchema()))!).ToList()))
            .ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            // One round trip for every table: the matrix takes a fingerprint after each endpoint it posts to.
            await using var command = connection.CreateCommand();
            command.CommandText = string.Join(";\n", mapped.Select(t => $"SELECT * FROM \"{t.Table}\""));
            await using var reader = await command.ExecuteReaderAsync();
            foreach (var (table, keyColumns) in mapped)
            {
                var rows = new Dictionary<string, string>();
                while (await reader.ReadAsync())
                {
                    var columns = Enumerable.Range(0, reader.FieldCount)
                        .Where(i => !IgnoredColumns.Contains(table + "." + reader.GetName(i)))
                        .ToDictionary(reader.GetName, i => Text(reader.GetValue(i)));
                    rows[string.Join("|", keyColumns.Select(c => columns[c]))] = string.Join(", ", columns.Select(c => $"{c.Key}={c.Value}"));
                }

                tables[table] = rows;
                await reader.NextResultAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return new AccessMatrixFingerprint(tables);
    });

    /// <summary>What changed since the earlier fingerprint: each row added, removed or changed, by table and key.</summary>
    public IReadOnlyList<string> ChangesSince(AccessMatrixFingerprint before)
    {
        var changes = new List<string>();
        foreach (var (table, rows) in _tables)
        {
            var earlier = before._tables.GetValueOrDefault(table) ?? [];
            changes.AddRange(rows.Where(r => !earlier.ContainsKey(r.Key)).Select(r => $"{table}: row added ({r.Value})"));
            changes.AddRange(earlier.Where(r => !rows.ContainsKey(r.Key)).Select(r => $"{table}: row {r.Key} removed"));
            changes.AddRange(rows.Where(r => earlier.TryGetValue(r.Key, out var was) && was != r.Value).Select(r => $"{table}: row {r.Key} changed from ({earlier[r.Key]}) to ({r.Value})"));
        }

        return changes;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "null",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
