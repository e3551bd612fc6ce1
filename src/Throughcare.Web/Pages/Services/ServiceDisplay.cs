using System.Globalization;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Services;

namespace Throughcare.Web.Pages.Services;

/// <summary>A service's settings in words, as the list, the service page and the conflict page show them.</summary>
public static class ServiceDisplay
{
    public sealed record Difference(string Field, string Theirs, string Mine);

    /// <summary>Who the service is for, in one line: each rule in words, or "Anyone".</summary>
    public static string WhoFor(Service service) =>
        Eligibility.Rules(service) is { Count: > 0 } rules ? string.Join("; ", rules.Select(r => r.Label)) : "Anyone";

    public static string Months(int months) => months == 1 ? "1 month" : $"{months.ToString(CultureInfo.InvariantCulture)} months";

    public static string Capacity(int people) => $"{people.ToString(CultureInfo.InvariantCulture)} {(people == 1 ? "person" : "people")} per worker";

    public static string YesNo(bool value) => value ? "Yes" : "No";

    public static IReadOnlyList<string> Documents(IReadOnlyDictionary<string, bool> documents, bool required) =>
        DocumentTypes.All.Where(t => documents.TryGetValue(t.Code, out var r) && r == required).Select(t => t.Label).ToList();

    /// <summary>The fields whose values differ between the saved version and the one that was not saved.</summary>
    public static IReadOnlyList<Difference> Differences(ServiceDefinition theirs, ServiceDefinition mine) =>
        Fields(theirs).Zip(Fields(mine), (t, m) => new Difference(t.Field, t.Value, m.Value)).Where(d => d.Theirs != d.Mine).ToList();

    private static IEnumerable<(string Field, string Value)> Fields(ServiceDefinition d)
    {
        yield return ("Name", d.Name);
        yield return ("Description", d.Description ?? "");
        yield return ("Minimum age", d.MinimumAge?.ToString(CultureInfo.InvariantCulture) ?? "");
        yield return ("Maximum age", d.MaximumAge?.ToString(CultureInfo.InvariantCulture) ?? "");
        yield return ("Gender identities served", d.GenderIdentities.Count == 0 ? "Anyone" : string.Join(", ", d.GenderIdentities.Select(g => GenderIdentities.All.LabelFor(g) ?? g)));
        yield return ("Must be screened in to the OPD pathway", YesNo(d.RequiresOpdScreenedIn));
        yield return ("Boroughs served", d.Boroughs.Count == 0 ? "Anywhere" : string.Join(", ", d.Boroughs.Select(b => Boroughs.All.LabelFor(b) ?? b)));
        yield return ("Custody or community", ServiceLabels.Setting(d.Setting));
        yield return ("Longest episode", Months(d.MaximumEpisodeMonths));
        yield return ("Caseload capacity", Capacity(d.CaseloadCapacity));
        yield return ("Accepting referrals", YesNo(d.AcceptingReferrals));
        yield return ("Documents required", string.Join(", ", Documents(d.Documents, required: true)));
        yield return ("Documents optional", string.Join(", ", Documents(d.Documents, required: false)));
    }
}
