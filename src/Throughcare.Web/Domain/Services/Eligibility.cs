using Throughcare.Web.Domain.People;
using Throughcare.Web.Domain.ReferenceData;

namespace Throughcare.Web.Domain.Services;

public enum RuleOutcome { Met, NotMet, Unknown }

public sealed record RuleResult(string Rule, string Label, RuleOutcome Outcome, string Explanation);

/// <summary>A service's eligibility rules evaluated against a person's record: the screening checklist.</summary>
public static class Eligibility
{
    public const string AgeRule = "age";
    public const string GenderRule = "gender";
    public const string OpdRule = "opd";
    public const string BoroughRule = "borough";
    public const string SettingRule = "setting";

    public static IReadOnlyList<RuleResult> Evaluate(Service service, PersonDetails person, ServiceSetting? personSetting, DateOnly today)
    {
        var results = new List<RuleResult>();
        if (service.MinimumAge is not null || service.MaximumAge is not null)
        {
            var range = (service.MinimumAge, service.MaximumAge) switch
            {
                ({ } min, { } max) => $"aged {min} to {max}",
                ({ } min, null) => $"aged {min} or over",
                (null, { } max) => $"aged {max} or under",
                _ => "",
            };
            results.Add(person.DateOfBirth is { } dob
                ? Result(AgeRule, $"Is {range}", Age(dob, today) is var age && (service.MinimumAge is null || age >= service.MinimumAge) && (service.MaximumAge is null || age <= service.MaximumAge), $"Aged {Age(dob, today)}")
                : new RuleResult(AgeRule, $"Is {range}", RuleOutcome.Unknown, "Date of birth not recorded"));
        }

        if (service.GenderIdentities.Count > 0)
        {
            var label = "Gender identity is " + string.Join(" or ", service.GenderIdentities.Select(g => GenderIdentities.All.LabelFor(g) ?? g).Select(l => l.ToLowerInvariant()));
            results.Add(person.GenderIdentity is null or ReferenceList.PreferNotToSay
                ? new RuleResult(GenderRule, label, RuleOutcome.Unknown, "Gender identity not recorded")
                : Result(GenderRule, label, service.GenderIdentities.Contains(person.GenderIdentity), GenderIdentities.All.LabelFor(person.GenderIdentity) ?? person.GenderIdentity));
        }

        if (service.RequiresOpdScreenedIn)
        {
            const string label = "Screened in to the OPD pathway";
            results.Add(person.OpdScreeningResult is null or OpdScreeningResult.NotScreened
                ? new RuleResult(OpdRule, label, RuleOutcome.Unknown, "No OPD screening recorded")
                : Result(OpdRule, label, person.OpdScreeningResult == OpdScreeningResult.ScreenedIn, person.OpdScreeningResult == OpdScreeningResult.ScreenedIn ? "Screened in" : "Screened out"));
        }

        if (service.Boroughs.Count > 0)
        {
            var label = service.Boroughs.Count <= 3
                ? "Lives in " + string.Join(", ", service.Boroughs.Select(b => Boroughs.All.LabelFor(b) ?? b))
                : $"Lives in one of the {service.Boroughs.Count} boroughs served";
            results.Add(person.Borough is null
                ? new RuleResult(BoroughRule, label, RuleOutcome.Unknown, "Borough not recorded")
                : Result(BoroughRule, label, service.Boroughs.Contains(person.Borough), Boroughs.All.LabelFor(person.Borough) ?? person.Borough));
        }

        if (service.Setting != ServiceSetting.Either)
        {
            var label = service.Setting == ServiceSetting.Custody ? "Is in custody" : "Is in the community";
            results.Add(personSetting is null
                ? new RuleResult(SettingRule, label, RuleOutcome.Unknown, "Not stated on the referral")
                : Result(SettingRule, label, personSetting == service.Setting, personSetting == ServiceSetting.Custody ? "In custody" : "In the community"));
        }

        return results;
    }

    public static int Age(DateOnly dateOfBirth, DateOnly today)
    {
        var age = today.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > today ? age - 1 : age;
    }

    private static RuleResult Result(string rule, string label, bool met, string explanation) =>
        new(rule, label, met ? RuleOutcome.Met : RuleOutcome.NotMet, explanation);
}
