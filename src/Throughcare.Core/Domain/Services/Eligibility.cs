using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.ReferenceData;

namespace Throughcare.Core.Domain.Services;

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

    /// <summary>A rule by what it looks at, for a record of it that outlives the service's settings (an override in the audit trail).</summary>
    public static string RuleName(string rule) => rule switch
    {
        AgeRule => "Age",
        GenderRule => "Gender",
        OpdRule => "OPD screening",
        BoroughRule => "Borough",
        SettingRule => "In custody or in the community",
        _ => "Another rule",
    };

    public static IReadOnlyList<RuleResult> Evaluate(Service service, PersonDetails person, ServiceSetting? personSetting, DateOnly today)
    {
        var results = new List<RuleResult>();
        foreach (var (rule, label) in Rules(service))
        {
            results.Add(rule switch
            {
                AgeRule => person.DateOfBirth is { } dob
                    ? Result(rule, label, Age(dob, today) is var age && (service.MinimumAge is null || age >= service.MinimumAge) && (service.MaximumAge is null || age <= service.MaximumAge), $"Aged {Age(dob, today)}")
                    : new RuleResult(rule, label, RuleOutcome.Unknown, "Date of birth not recorded"),
                GenderRule => person.GenderIdentity is null or ReferenceList.PreferNotToSay
                    ? new RuleResult(rule, label, RuleOutcome.Unknown, "Gender identity not recorded")
                    : Result(rule, label, service.GenderIdentities.Contains(person.GenderIdentity), GenderIdentities.All.LabelFor(person.GenderIdentity) ?? person.GenderIdentity),
                OpdRule => person.OpdScreeningResult is null or OpdScreeningResult.NotScreened
                    ? new RuleResult(rule, label, RuleOutcome.Unknown, "No OPD screening recorded")
                    : Result(rule, label, person.OpdScreeningResult == OpdScreeningResult.ScreenedIn, person.OpdScreeningResult == OpdScreeningResult.ScreenedIn ? "Screened in" : "Screened out"),
                BoroughRule => person.Borough is null
                    ? new RuleResult(rule, label, RuleOutcome.Unknown, "Borough not recorded")
                    : Result(rule, label, service.Boroughs.Contains(person.Borough), Boroughs.All.LabelFor(person.Borough) ?? person.Borough),
                _ => personSetting is null
                    ? new RuleResult(rule, label, RuleOutcome.Unknown, "Not stated on the referral")
                    : Result(rule, label, personSetting == service.Setting, personSetting == ServiceSetting.Custody ? "In custody" : "In the community"),
            });
        }

        return results;
    }

    /// <summary>The rules a service sets, each in words ("Is aged 18 or over"): who the service is for. Empty means anyone.</summary>
    public static IReadOnlyList<(string Rule, string Label)> Rules(Service service)
    {
        var rules = new List<(string, string)>();
        if (service.MinimumAge is not null || service.MaximumAge is not null)
        {
            var range = (service.MinimumAge, service.MaximumAge) switch
            {
                ({ } min, { } max) => $"aged {min} to {max}",
                ({ } min, null) => $"aged {min} or over",
                (null, { } max) => $"aged {max} or under",
                _ => "",
            };
            rules.Add((AgeRule, $"Is {range}"));
        }

        if (service.GenderIdentities.Count > 0)
        {
            rules.Add((GenderRule, "Gender identity is " + string.Join(" or ", service.GenderIdentities.Select(g => GenderIdentities.All.LabelFor(g) ?? g).Select(l => l.ToLowerInvariant()))));
        }

        if (service.RequiresOpdScreenedIn)
        {
            rules.Add((OpdRule, "Screened in to the OPD pathway"));
        }

        if (service.Boroughs.Count > 0)
        {
            rules.Add((BoroughRule, service.Boroughs.Count <= 3
                ? "Lives in " + string.Join(", ", service.Boroughs.Select(b => Boroughs.All.LabelFor(b) ?? b))
                : $"Lives in one of the {service.Boroughs.Count} boroughs served"));
        }

        if (service.Setting != ServiceSetting.Either)
        {
            rules.Add((SettingRule, service.Setting == ServiceSetting.Custody ? "Is in custody" : "Is in the community"));
        }

        return rules;
    }

    /// <summary>Whole years on <paramref name="today"/>. Someone born on 29 February has their birthday on 1 March in other years, as in UK law.</summary>
    public static int Age(DateOnly dateOfBirth, DateOnly today)
    {
        var age = today.Year - dateOfBirth.Year;
        var birthday = dateOfBirth.AddYears(age);
        if (birthday.Day != dateOfBirth.Day)
        {
            birthday = birthday.AddDays(1);
        }

        return birthday > today ? age - 1 : age;
    }

    private static RuleResult Result(string rule, string label, bool met, string explanation) =>
        new(rule, label, met ? RuleOutcome.Met : RuleOutcome.NotMet, explanation);
}
