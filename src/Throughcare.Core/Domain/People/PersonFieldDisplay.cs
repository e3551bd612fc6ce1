using System.Globalization;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.People;

/// <summary>Labels for a person's coded values, as pages and the change history show them.</summary>
public static class PersonLabels
{
    public static string Rosh(RoshLevel level) => level == RoshLevel.VeryHigh ? "Very high" : level.ToString();

    public static string Opd(OpdScreeningResult result) => result switch
    {
        OpdScreeningResult.ScreenedIn => "Screened in",
        OpdScreeningResult.ScreenedOut => "Screened out",
        _ => "Not screened",
    };
}

/// <summary>Turns a stored value in a person's change history back into what people read: labels, not codes.</summary>
public static class PersonFieldDisplay
{
    private static readonly Dictionary<string, Func<string, string?>> Labels = new()
    {
        ["Borough"] = Boroughs.All.LabelFor,
        ["Ethnicity"] = Ethnicities.All.LabelFor,
        ["Gender identity"] = GenderIdentities.All.LabelFor,
        ["Preferred language"] = Languages.All.LabelFor,
        ["Religion or belief"] = Religions.All.LabelFor,
        ["Sexual orientation"] = SexualOrientations.All.LabelFor,
        ["Disability"] = Disabilities.All.LabelFor,
        ["RoSH level"] = v => Enum.TryParse<RoshLevel>(v, out var level) ? PersonLabels.Rosh(level) : null,
        ["OPD screening result"] = v => Enum.TryParse<OpdScreeningResult>(v, out var result) ? PersonLabels.Opd(result) : null,
    };

    public static string? Format(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (Labels.TryGetValue(field, out var label))
        {
            return label(value) ?? value;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Display.Date(date) : value;
    }

    /// <summary>The changes with each value shown as its label.</summary>
    public static IReadOnlyList<Audit.FieldChange> Labelled(IEnumerable<Audit.FieldChange> changes) =>
        changes.Select(c => c with { From = Format(c.Field, c.From), To = Format(c.Field, c.To) }).ToList();
}
