namespace Throughcare.Core.Domain.ReferenceData;

public enum EthnicityLevel
{
    Group,
    Category,
    Subset,
}

public sealed record Ethnicity(string Code, string Label, string? ParentCode, EthnicityLevel Level) : IReferenceItem;

/// <summary>
/// The 2001 Census ethnic groups and categories, which partnership reports use at minimum, with finer
/// subsets that services record and that roll up to a category. "Prefers not to say" and "Not known"
/// belong to no group and report as themselves at every level.
/// </summary>
public static class Ethnicities
{
    public const string PreferNotToSay = ReferenceList.PreferNotToSay;
    public const string NotKnown = "not-known";

    private static readonly (string Group, (string Category, string[] Subsets)[] Categories)[] Tree =
    [
        ("White",
        [
            ("White British", []),
            ("White Irish", []),
            ("Any other White background",
                ["Gypsy or Irish Traveller", "Roma", "Eastern European", "Greek or Greek Cypriot", "Turkish or Turkish Cypriot"]),
        ]),
        ("Mixed",
        [
            ("White and Black Caribbean", []),
            ("White and Black African", []),
            ("White and Asian", []),
            ("Any other Mixed background", ["Black and Asian"]),
        ]),
        ("Asian or Asian British",
        [
            ("Indian", []),
            ("Pakistani", []),
            ("Bangladeshi", []),
            ("Any other Asian background", ["Sri Lankan Tamil", "Sri Lankan Sinhalese", "Nepalese"]),
        ]),
        ("Black or Black British",
        [
            ("Caribbean", []),
            ("African", ["Somali", "Nigerian", "Ghanaian", "Eritrean", "Sierra Leonean", "Congolese"]),
            ("Any other Black background", ["Black British"]),
        ]),
        ("Chinese or other ethnic group",
        [
            ("Chinese", []),
            ("Any other ethnic group", ["Arab", "Kurdish", "Latin American", "Filipino", "Vietnamese"]),
        ]),
    ];

    public static ReferenceList<Ethnicity> All { get; } = new(Flatten());

    public static IReadOnlyList<Ethnicity> Groups { get; } = [.. All.Where(e => e.Level == EthnicityLevel.Group)];

    /// <summary>Categories each followed by their subsets, group by group, then the two unanswered options.</summary>
    public static IReadOnlyList<Ethnicity> Selectable { get; } = [.. All.Where(e => e.Level != EthnicityLevel.Group)];

    /// <summary>The 2001 Census category a code reports under; null for a group or an unknown code.</summary>
    public static string? RollUpToCategory(string? code) => All.Find(code) switch
    {
        { Level: EthnicityLevel.Subset, ParentCode: var parent } => parent,
        { Level: EthnicityLevel.Category } category => category.Code,
        _ => null,
    };

    /// <summary>The 2001 Census group a code reports under; null for an unknown code.</summary>
    public static string? RollUpToGroup(string? code) => All.Find(code) switch
    {
        { Level: EthnicityLevel.Group } group => group.Code,
        { Level: EthnicityLevel.Category, ParentCode: null } unanswered => unanswered.Code,
        { Level: EthnicityLevel.Category, ParentCode: var parent } => parent,
        { } subset => RollUpToGroup(subset.ParentCode),
        null => null,
    };

    private static IEnumerable<Ethnicity> Flatten()
    {
        foreach (var (group, categories) in Tree)
        {
            var groupCode = ReferenceList.CodeFor(group);
            yield return new(groupCode, group, null, EthnicityLevel.Group);
            foreach (var (category, subsets) in categories)
            {
                var categoryCode = ReferenceList.CodeFor(category);
                yield return new(categoryCode, category, groupCode, EthnicityLevel.Category);
                foreach (var subset in subsets)
                {
                    yield return new(ReferenceList.CodeFor(subset), subset, categoryCode, EthnicityLevel.Subset);
                }
            }
        }

        yield return new(PreferNotToSay, ReferenceList.PreferNotToSayLabel, null, EthnicityLevel.Category);
        yield return new(NotKnown, "Not known", null, EthnicityLevel.Category);
    }
}
