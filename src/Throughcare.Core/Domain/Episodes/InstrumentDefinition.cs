using System.Globalization;
using System.Text.Json;

namespace Throughcare.Core.Domain.Episodes;

public sealed record InstrumentOption(int Value, string Label);

/// <summary>One question. A reverse-scored item counts (lowest + highest option value − answer).</summary>
public sealed record InstrumentItem(string Text, bool Reverse, IReadOnlyList<InstrumentOption> Options);

/// <summary>The label for totals from Min to Max inclusive.</summary>
public sealed record InstrumentBand(int Min, int Max, string Label);

public sealed record InstrumentScore(int Total, string Band);

/// <summary>A definition, or why the JSON is not one (each message says what to fix).</summary>
public sealed record InstrumentParseResult(InstrumentDefinition? Definition, IReadOnlyList<string> Errors)
{
    public bool IsValid => Definition is not null;
}

/// <summary>
/// A questionnaire as data: items with answer options (shared, or the item's own), summed into a total that falls in
/// exactly one band. Only "sum" scoring is supported: every instrument Throughcare uses so far is scored that way,
/// and a mean or a weighted score would need code, not data.
/// </summary>
public sealed record InstrumentDefinition
{
    public const int MaxItems = 100;
    public const int MaxOptions = 20;
    public const int MaxOptionValue = 1000;

    public string? Code { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public string? Source { get; init; }
    public bool HigherIsBetter { get; init; }
    public required IReadOnlyList<InstrumentItem> Items { get; init; }
    public required IReadOnlyList<InstrumentBand> Bands { get; init; }

    /// <summary>The smallest change in total that counts as reliable change, when the instrument has one.</summary>
    public int? ReliableChange { get; init; }

    public int MinimumScore => Items.Sum(i => i.Options.Min(o => o.Value));

    public int MaximumScore => Items.Sum(i => i.Options.Max(o => o.Value));

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    public static InstrumentParseResult Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Invalid("Enter the instrument's definition as JSON");
        }

        Raw? raw;
        try
        {
            raw = JsonSerializer.Deserialize<Raw>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {(line + 1).ToString(CultureInfo.InvariantCulture)}{(ex.Path is { Length: > 1 } path ? $", at {path}" : "")})" : "";
            return Invalid($"The definition is not valid JSON{where}: check the brackets, commas, quotes and that numbers are whole numbers");
        }

        if (raw is null)
        {
            return Invalid("The definition must be a JSON object");
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(raw.Name))
        {
            errors.Add("The definition has no name: add \"name\"");
        }

        if (raw.Scoring is { } scoring && !string.Equals(scoring, "sum", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"Scoring \"{Shorten(scoring)}\" is not supported: only \"sum\" is");
        }

        var shared = CheckOptions(raw.Options, "The answer options", errors);
        var items = new List<InstrumentItem>();
        if (raw.Items is not { Count: > 0 })
        {
            errors.Add("The definition has no items: add \"items\" with at least one question");
        }
        else if (raw.Items.Count > MaxItems)
        {
            errors.Add($"An instrument can have at most {MaxItems} items");
        }
        else
        {
            for (var i = 0; i < raw.Items.Count; i++)
            {
                var item = raw.Items[i];
                var number = i + 1;
                if (item is null || string.IsNullOrWhiteSpace(item.Text))
                {
                    errors.Add($"Item {number} has no text");
                }

                var own = item?.Options is null ? null : CheckOptions(item.Options, $"Item {number}'s answer options", errors);
                var options = own ?? shared;
                if (options is null && item?.Options is null && raw.Options is null)
                {
                    errors.Add($"Item {number} has no answer options: add shared \"options\" or the item's own");
                }

                if (item is not null && options is not null)
                {
                    items.Add(new InstrumentItem(item.Text?.Trim() ?? "", item.Reverse, options));
                }
            }
        }

        var bands = CheckBands(raw.Bands, errors);
        if (raw.ReliableChange is <= 0)
        {
            errors.Add("Reliable change must be a whole number greater than 0");
        }

        var complete = raw.Items is { Count: > 0 and <= MaxItems } && items.Count == raw.Items.Count && bands is not null;
        if (complete)
        {
            CheckCoverage(items, bands!, errors);
        }

        if (complete && errors.Count == 0)
        {
            return new InstrumentParseResult(new InstrumentDefinition
            {
                Code = raw.Code?.Trim(),
                Name = raw.Name!.Trim(),
                Description = raw.Description?.Trim(),
                Source = raw.Source?.Trim(),
                HigherIsBetter = raw.HigherIsBetter,
                Items = items,
                Bands = bands!,
                ReliableChange = raw.ReliableChange,
            }, []);
        }

        return new InstrumentParseResult(null, errors.Distinct().ToList());
    }

    /// <summary>Why these answers cannot be scored: one message per problem, naming the item. Empty when they can.</summary>
    public IReadOnlyList<string> ProblemsWith(IReadOnlyList<int?> answers)
    {
        if (answers.Count != Items.Count)
        {
            return [$"{Name} has {Items.Count} items but {answers.Count} answers were given"];
        }

        var problems = new List<string>();
        for (var i = 0; i < Items.Count; i++)
        {
            if (answers[i] is not { } answer)
            {
                problems.Add($"Select an answer to item {i + 1}");
            }
            else if (!Items[i].Options.Any(o => o.Value == answer))
            {
                problems.Add($"Item {i + 1}'s answer must be one of its options");
            }
        }

        return problems;
    }

    /// <summary>The total and its band. Refuses (throws) a wrong number of answers or a value that is not an option.</summary>
    public InstrumentScore Score(IReadOnlyList<int> answers)
    {
        var problems = ProblemsWith([.. answers.Select(a => (int?)a)]);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(answers));
        }

        var total = 0;
        for (var i = 0; i < Items.Count; i++)
        {
            var options = Items[i].Options;
            total += Items[i].Reverse ? options.Min(o => o.Value) + options.Max(o => o.Value) - answers[i] : answers[i];
        }

        return new InstrumentScore(total, Bands.Single(b => total >= b.Min && total <= b.Max).Label);
    }

    /// <summary>The change from the first to the latest total, in words: "improved by 6", "worsened by 3", "no change".</summary>
    public string DescribeChange(int first, int latest)
    {
        var difference = latest - first;
        if (difference == 0)
        {
            return "no change";
        }

        var size = Math.Abs(difference).ToString(CultureInfo.InvariantCulture);
        var better = HigherIsBetter ? difference > 0 : difference < 0;
        var words = $"{(better ? "improved" : "worsened")} by {size}";
        return ReliableChange is { } threshold && Math.Abs(difference) >= threshold ? $"{words} (reliable change)" : words;
    }

    private static InstrumentParseResult Invalid(string message) => new(null, [message]);

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static List<InstrumentOption>? CheckOptions(List<RawOption?>? raw, string what, List<string> errors)
    {
        if (raw is null)
        {
            return null;
        }

        if (raw.Count < 2)
        {
            errors.Add($"{what} need at least two choices");
            return null;
        }

        if (raw.Count > MaxOptions)
        {
            errors.Add($"{what} can have at most {MaxOptions} choices");
            return null;
        }

        var valid = true;
        foreach (var option in raw)
        {
            if (option?.Value is not { } value)
            {
                errors.Add($"{what} each need a whole-number \"value\"");
                valid = false;
            }
            else if (Math.Abs(value) > MaxOptionValue)
            {
                errors.Add($"{what} must have values between -{MaxOptionValue} and {MaxOptionValue}");
                valid = false;
            }

            if (string.IsNullOrWhiteSpace(option?.Label))
            {
                errors.Add($"{what} each need a \"label\"");
                valid = false;
            }
        }

        foreach (var duplicate in raw.Where(o => o?.Value is not null).GroupBy(o => o!.Value).Where(g => g.Count() > 1))
        {
            errors.Add($"{what} use the value {duplicate.Key!.Value.ToString(CultureInfo.InvariantCulture)} more than once");
            valid = false;
        }

        return valid ? [.. raw.Select(o => new InstrumentOption(o!.Value!.Value, o.Label!.Trim()))] : null;
    }

    private static List<InstrumentBand>? CheckBands(List<RawBand?>? raw, List<string> errors)
    {
        if (raw is not { Count: > 0 })
        {
            errors.Add("The definition has no bands: add \"bands\" covering every possible score");
            return null;
        }

        if (raw.Count > MaxItems)
        {
            errors.Add($"An instrument can have at most {MaxItems} bands");
            return null;
        }

        var valid = true;
        for (var i = 0; i < raw.Count; i++)
        {
            var band = raw[i];
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (band?.Min is not { } min || band.Max is not { } max)
            {
                errors.Add($"Band {number} needs a whole-number \"min\" and \"max\"");
                valid = false;
            }
            else if (min > max)
            {
                errors.Add($"Band {number} has a min greater than its max");
                valid = false;
            }

            if (string.IsNullOrWhiteSpace(band?.Label))
            {
                errors.Add($"Band {number} has no label");
                valid = false;
            }
        }

        return valid ? [.. raw.Select(b => new InstrumentBand(b!.Min!.Value, b.Max!.Value, b.Label!.Trim())).OrderBy(b => b.Min)] : null;
    }

    /// <summary>Every possible total falls in exactly one band: no gap, no overlap, nothing outside the range.</summary>
    private static void CheckCoverage(List<InstrumentItem> items, List<InstrumentBand> bands, List<string> errors)
    {
        var lowest = items.Sum(i => i.Options.Min(o => o.Value));
        var highest = items.Sum(i => i.Options.Max(o => o.Value));
        if (bands[0].Min != lowest)
        {
            errors.Add($"The bands must start at the lowest possible score, {lowest.ToString(CultureInfo.InvariantCulture)} (the first band starts at {bands[0].Min.ToString(CultureInfo.InvariantCulture)})");
        }

        for (var i = 1; i < bands.Count; i++)
        {
            var before = bands[i - 1];
            var band = bands[i];
            if (band.Min <= before.Max)
            {
                errors.Add($"Bands \"{Shorten(before.Label)}\" and \"{Shorten(band.Label)}\" overlap: a score can be in only one band");
            }
            else if (band.Min > before.Max + 1)
            {
                errors.Add($"No band covers scores {(before.Max + 1).ToString(CultureInfo.InvariantCulture)} to {(band.Min - 1).ToString(CultureInfo.InvariantCulture)}");
            }
        }

        if (bands.Max(b => b.Max) != highest)
        {
            errors.Add($"The bands must end at the highest possible score, {highest.ToString(CultureInfo.InvariantCulture)} (the last band ends at {bands.Max(b => b.Max).ToString(CultureInfo.InvariantCulture)})");
        }
    }

    private sealed class Raw
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? Source { get; set; }
        public bool HigherIsBetter { get; set; }
        public List<RawOption?>? Options { get; set; }
        public List<RawItem?>? Items { get; set; }
        public string? Scoring { get; set; }
        public List<RawBand?>? Bands { get; set; }
        public int? ReliableChange { get; set; }
    }

    private sealed class RawItem
    {
        public string? Text { get; set; }
        public bool Reverse { get; set; }
        public List<RawOption?>? Options { get; set; }
    }

    private sealed class RawOption
    {
        public int? Value { get; set; }
        public string? Label { get; set; }
    }

    private sealed class RawBand
    {
        public int? Min { get; set; }
        public int? Max { get; set; }
        public string? Label { get; set; }
    }
}
