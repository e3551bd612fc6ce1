using Microsoft.EntityFrameworkCore;

namespace Throughcare.Core.Domain.People;

public sealed record PersonSearchQuery(string? Name, DateOnly? DateOfBirth, string? Identifier);

public sealed record PersonSearchResult(Guid PersonId, string Name, DateOnly? DateOfBirth, string? Crn, string? PrisonNumber, string? Borough, string? MatchedAlias, double Score);

/// <summary>
/// Finds people the user may see by name (tolerant of case, accents and spelling), date of birth or any identifier,
/// among those <see cref="PersonAccess.Listable"/> lists and no others. Candidates are narrowed in the database by search
/// keys, then ranked here by name similarity. The page that shows them records each as read.
/// </summary>
public static class PersonSearch
{
    private const int CandidateLimit = 500;

    public static async Task<IReadOnlyList<PersonSearchResult>> RunAsync(PersonAccess access, PersonSearchQuery query, CancellationToken cancellationToken)
    {
        var people = access.Listable;
        if (query.DateOfBirth is { } dob)
        {
            people = people.Where(p => p.Details.DateOfBirth == dob);
        }

        if (!string.IsNullOrWhiteSpace(query.Identifier))
        {
            // PNC numbers are stored with their slash and padded serial; the other identifiers as bare letters and digits.
            var id = Identifiers.NormaliseForSearch(query.Identifier);
            var pnc = Identifiers.ParsePncNumber(query.Identifier).Value ?? id;
            people = people.Where(p => p.Details.Crn == id || p.Details.PncNumber == pnc || p.Details.PrisonNumber == id || p.Details.NhsNumber == id);
        }

        var tokens = NameTokens(query.Name);
        if (tokens.Count > 0)
        {
            var keys = tokens.Select(PersonService.PhoneticKey).Where(k => k.Length > 0).Distinct().ToList();
            var first = tokens[0];
            people = people.Where(p => keys.Contains(p.FamilyNameKey) || keys.Contains(p.GivenNameKey) || p.NormalisedName.Contains(first)
                || p.Aliases.Any(a => keys.Contains(a.FamilyNameKey) || keys.Contains(a.GivenNameKey) || a.NormalisedName.Contains(first)));
        }

        var candidates = await people
            .OrderBy(p => p.NormalisedName)
            .Take(CandidateLimit)
            .Select(p => new
            {
                p.Id,
                p.Details.GivenName,
                p.Details.FamilyName,
                p.Details.DateOfBirth,
                p.Details.Crn,
                p.Details.PrisonNumber,
                p.Details.Borough,
                p.NormalisedName,
                Aliases = p.Aliases.Select(a => new { a.GivenName, a.FamilyName, a.NormalisedName }).ToList(),
            })
            .ToListAsync(cancellationToken);

        var normalisedQuery = NameMatching.Normalise(query.Name ?? "");
        return candidates
            .Select(c =>
            {
                if (tokens.Count == 0)
                {
                    return new PersonSearchResult(c.Id, $"{c.GivenName} {c.FamilyName}", c.DateOfBirth, c.Crn, c.PrisonNumber, c.Borough, null, 1);
                }

                var best = c.Aliases
                    .Select(a => (Alias: $"{a.GivenName} {a.FamilyName}", Score: Score(normalisedQuery, tokens, a.NormalisedName)))
                    .Prepend((Alias: (string?)null!, Score: Score(normalisedQuery, tokens, c.NormalisedName)))
                    .MaxBy(x => x.Score);
                return new PersonSearchResult(c.Id, $"{c.GivenName} {c.FamilyName}", c.DateOfBirth, c.Crn, c.PrisonNumber, c.Borough, best.Alias, best.Score);
            })
            .Where(r => r.Score >= 0.75)
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> NameTokens(string? name) =>
        NameMatching.Normalise(name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>How well the typed name matches a stored one: each typed word against its best stored word.</summary>
    private static double Score(string normalisedQuery, List<string> tokens, string storedName)
    {
        if (storedName == normalisedQuery)
        {
            return 2;
        }

        var words = storedName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return 0;
        }

        return tokens.Average(t => words.Max(w =>
            w == t ? 1.0
            : NameMatching.PhoneticKey(w) == NameMatching.PhoneticKey(t) ? 0.9
            : w.StartsWith(t, StringComparison.Ordinal) ? 0.85
            : NameMatching.Similarity(w, t)));
    }
}
