using System.Collections;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;

namespace Throughcare.Core.Domain.ReferenceData;

/// <summary>An entry in a reference catalogue: the code stored on records and the label people see.</summary>
public interface IReferenceItem
{
    string Code { get; }

    string Label { get; }
}

public sealed record ReferenceItem(string Code, string Label) : IReferenceItem;

/// <summary>An immutable, ordered catalogue that can also be looked up by code (ignoring case).</summary>
public sealed class ReferenceList<T> : IReadOnlyList<T>
    where T : IReferenceItem
{
    private readonly ImmutableArray<T> _items;
    private readonly FrozenDictionary<string, T> _byCode;

    public ReferenceList(IEnumerable<T> items)
    {
        _items = [.. items];
        _byCode = _items.ToFrozenDictionary(item => item.Code, StringComparer.OrdinalIgnoreCase);
    }

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public T? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var item) ? item : default;

    public bool Contains(string? code) => code is not null && _byCode.ContainsKey(code);

    public string? LabelFor(string? code) => Find(code)?.Label;

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class ReferenceList
{
    public const string PreferNotToSay = "prefer-not-to-say";
    public const string PreferNotToSayLabel = "Prefers not to say";

    /// <summary>
    /// Builds a catalogue whose codes are the labels in kebab case. Codes are stored on records, so once a
    /// catalogue is in use a label can only be reworded by giving its entry the old code explicitly.
    /// </summary>
    public static ReferenceList<ReferenceItem> FromLabels(params IEnumerable<string> labels) =>
        new(labels.Select(label => new ReferenceItem(CodeFor(label), label)));

    /// <summary>As <see cref="FromLabels"/>, with "Prefers not to say" as the last option.</summary>
    public static ReferenceList<ReferenceItem> WithPreferNotToSay(params IEnumerable<string> labels) =>
        new(FromLabels(labels).Append(new ReferenceItem(PreferNotToSay, PreferNotToSayLabel)));

    /// <summary>"Any other White background" → "any-other-white-background".</summary>
    public static string CodeFor(string label)
    {
        var builder = new StringBuilder(label.Length);
        foreach (var c in label.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }
}
