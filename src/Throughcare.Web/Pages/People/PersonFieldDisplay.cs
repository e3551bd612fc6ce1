using System.Globalization;
using Throughcare.Web.Domain.ReferenceData;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.People;

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
        ["RoSH level"] = v => PersonChoices.Rosh.FirstOrDefault(i => i.Value == v)?.Text,
        ["OPD screening result"] = v => PersonChoices.Opd.FirstOrDefault(i => i.Value == v)?.Text,
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
}
