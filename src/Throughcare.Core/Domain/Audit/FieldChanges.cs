using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace Throughcare.Core.Domain.Audit;

public sealed record FieldChange(string Field, string? From, string? To);

/// <summary>Compares two versions of a record, property by property, as the change history shows them.</summary>
public static class FieldChanges
{
    public static IReadOnlyList<FieldChange> Compare<T>(T before, T after)
    {
        var changes = new List<FieldChange>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var from = Format(property.GetValue(before));
            var to = Format(property.GetValue(after));
            if (from != to)
            {
                changes.Add(new FieldChange(Label(property), from, to));
            }
        }

        return changes;
    }

    /// <summary>Every non-empty field, as "from nothing to value": the record of a creation.</summary>
    public static IReadOnlyList<FieldChange> Created<T>(T created)
        where T : new() => Compare(new T(), created);

    public static string Label(PropertyInfo property) =>
        property.GetCustomAttribute<DisplayAttribute>()?.Name ?? property.Name;

    private static string? Format(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "Yes" : "No",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
