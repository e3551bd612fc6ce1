using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.ReferenceData;

namespace Throughcare.Core.Domain.Services;

/// <summary>
/// A service's settings as its audit events keep them (codes, numbers, yes or no), one field a setting, and the words
/// people read for each: for the pages and the events' descriptions alike.
/// </summary>
public sealed record ServiceSettings
{
    public const string GenderIdentitiesField = "Gender identities";
    public const string BoroughsField = "Boroughs";
    public const string SettingField = "Custody or community";
    public const string RequiredDocumentsField = "Documents required";
    public const string OptionalDocumentsField = "Documents optional";

    [Display(Name = "Name")] public string? Name { get; init; }
    [Display(Name = "Description")] public string? Description { get; init; }
    [Display(Name = "Ages")] public string? Ages { get; init; }
    [Display(Name = GenderIdentitiesField)] public string? GenderIdentities { get; init; }
    [Display(Name = "Must be screened in to the OPD pathway")] public bool RequiresOpdScreenedIn { get; init; }
    [Display(Name = BoroughsField)] public string? Boroughs { get; init; }
    [Display(Name = SettingField)] public string? Setting { get; init; }
    [Display(Name = "Longest episode (months)")] public int MaximumEpisodeMonths { get; init; }
    [Display(Name = "Caseload capacity")] public int CaseloadCapacity { get; init; }
    [Display(Name = "Accepting referrals")] public bool AcceptingReferrals { get; init; }
    [Display(Name = "Review interval (months)")] public int ReviewIntervalMonths { get; init; }
    [Display(Name = "At risk after did-not-attends in a row")] public int AtRiskMissedInARow { get; init; }
    [Display(Name = "At risk after weeks without contact")] public int AtRiskWeeksWithoutContact { get; init; }
    [Display(Name = "Minimum re-engagement attempts")] public int MinimumReengagementAttempts { get; init; }
    [Display(Name = RequiredDocumentsField)] public string? RequiredDocuments { get; init; }
    [Display(Name = OptionalDocumentsField)] public string? OptionalDocuments { get; init; }

    public static ServiceSettings Of(Service s) => new()
    {
        Name = s.Name,
        Description = s.Description,
        Ages = s.MinimumAge is null && s.MaximumAge is null ? null : $"{Number(s.MinimumAge) ?? "any"} to {Number(s.MaximumAge) ?? "any"}",
        GenderIdentities = Codes(s.GenderIdentities),
        RequiresOpdScreenedIn = s.RequiresOpdScreenedIn,
        Boroughs = Codes(s.Boroughs),
        Setting = s.Setting.ToString(),
        MaximumEpisodeMonths = s.MaximumEpisodeMonths,
        CaseloadCapacity = s.CaseloadCapacity,
        AcceptingReferrals = s.AcceptingReferrals,
        ReviewIntervalMonths = s.ReviewIntervalMonths,
        AtRiskMissedInARow = s.AtRiskMissedInARow,
        AtRiskWeeksWithoutContact = s.AtRiskWeeksWithoutContact,
        MinimumReengagementAttempts = s.MinimumReengagementAttempts,
        RequiredDocuments = Codes(s.Documents.Where(d => d.Required).Select(d => d.DocumentType)),
        OptionalDocuments = Codes(s.Documents.Where(d => !d.Required).Select(d => d.DocumentType)),
    };

    private static string? Number(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static string? Codes(IEnumerable<string> codes) => codes.Order(StringComparer.Ordinal).ToList() is { Count: > 0 } sorted ? string.Join(", ", sorted) : null;
}

/// <summary>The words for a service's coded settings.</summary>
public static class ServiceLabels
{
    public static string Setting(ServiceSetting setting) => setting switch
    {
        ServiceSetting.Custody => "In custody",
        ServiceSetting.Community => "In the community",
        _ => "In custody or in the community",
    };

    /// <summary>The changes to a service's settings with each coded value shown as people read it.</summary>
    public static IReadOnlyList<FieldChange> Labelled(IEnumerable<FieldChange> changes) =>
        changes.Select(c => c with { From = Format(c.Field, c.From), To = Format(c.Field, c.To) }).ToList();

    private static string? Format(string field, string? value) => value is null ? null : field switch
    {
        ServiceSettings.GenderIdentitiesField => Labels(value, GenderIdentities.All),
        ServiceSettings.BoroughsField => Labels(value, Boroughs.All),
        ServiceSettings.RequiredDocumentsField or ServiceSettings.OptionalDocumentsField => Labels(value, DocumentTypes.All),
        ServiceSettings.SettingField => Enum.TryParse<ServiceSetting>(value, out var setting) ? Setting(setting) : value,
        _ => value,
    };

    private static string Labels<T>(string codes, ReferenceList<T> list)
        where T : IReferenceItem =>
        string.Join(", ", codes.Split(", ").Select(code => list.LabelFor(code) ?? code));
}
