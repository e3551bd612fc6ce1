using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Audit;

namespace Throughcare.Web.Pages.Episodes;

/// <summary>
/// What a stale save shows: the record, and each field where what is saved now differs from the user's own input, which
/// the form keeps so that they can save it again over what they have now seen.
/// </summary>
public sealed record ConflictView(string Record, IReadOnlyList<FieldChange> Differences)
{
    /// <summary>The rows as (field, saved now, yours), keeping those that differ.</summary>
    public static ConflictView Of(string record, params IEnumerable<(string Field, string? Saved, string? Yours)> rows) =>
        new(record, rows.Where(r => !string.Equals(r.Saved, r.Yours, StringComparison.Ordinal)).Select(r => new FieldChange(r.Field, r.Saved, r.Yours)).ToList());
}

public static class EpisodePages
{
    /// <summary>A refusal's field, named by the service as a property of its options, as the page's input names it.</summary>
    public static WriteResult ForInput(this WriteResult result, string prefix = "Input") =>
        result is WriteResult.Refused { Field: { Length: > 0 } field } refused ? refused with { Field = $"{prefix}.{field}" } : result;
}
