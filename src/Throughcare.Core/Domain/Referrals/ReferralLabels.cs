using System.Globalization;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Referrals;

/// <summary>The words for a referral's coded answers, for its pages and its change history alike.</summary>
public static class ReferralLabels
{
    public static readonly IReadOnlyList<(string Code, string Label)> Sources =
    [
        (nameof(ReferralSource.Probation), "Probation"), (nameof(ReferralSource.Court), "Court"), (nameof(ReferralSource.Police), "Police"),
        (nameof(ReferralSource.Prison), "Prison"), (nameof(ReferralSource.HubSelfReferral), "Hub: self-referral"),
        (nameof(ReferralSource.HubDropIn), "Hub: drop-in"), (nameof(ReferralSource.Other), "Other"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> Settings =
        [(nameof(ServiceSetting.Community), "In the community"), (nameof(ServiceSetting.Custody), "In custody")];

    public static readonly IReadOnlyList<(string Code, string Label)> WorkerGenders =
        [("woman", "A woman"), ("man", "A man"), ("no-preference", "No preference")];

    public static readonly IReadOnlyList<(string Code, string Label)> SharingBases =
    [
        (nameof(SharingBasis.Consent), "Consent: the person has agreed"), (nameof(SharingBasis.PublicTask), "Public task"),
        (nameof(SharingBasis.VitalInterests), "Vital interests"), (nameof(SharingBasis.LegalObligation), "Legal obligation"),
    ];

    private static readonly Dictionary<string, IReadOnlyList<(string Code, string Label)>> ByField = new()
    {
        ["Where the referral comes from"] = Sources,
        ["Where the person is now"] = Settings,
        ["Preferred worker"] = WorkerGenders,
        ["Lawful basis for sharing"] = SharingBases,
    };

    public static string? Label(IReadOnlyList<(string Code, string Label)> choices, string? code) =>
        choices.FirstOrDefault(c => c.Code == code).Label;

    /// <summary>The changes to a referral's answers with each value shown as people read it.</summary>
    public static IReadOnlyList<FieldChange> Labelled(IEnumerable<FieldChange> changes) =>
        changes.Select(c => c with { From = Format(c.Field, c.From), To = Format(c.Field, c.To) }).ToList();

    private static string? Format(string field, string? value) =>
        value is null ? null
        : ByField.TryGetValue(field, out var choices) ? Label(choices, value) ?? value
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Display.Date(date)
        : value;

    public static string DocumentType(string code) => DocumentTypes.All.LabelFor(code) ?? code;
}
