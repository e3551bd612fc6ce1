using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.Services;

namespace Throughcare.Tests.Domain;

public sealed class EligibilityTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static Service AnyoneService() => new() { Name = "Open service", MinimumAge = null, Setting = ServiceSetting.Either };

    private static PersonDetails Person(Func<PersonDetails, PersonDetails>? configure = null)
    {
        var person = new PersonDetails { GivenName = "Test", FamilyName = "Person" };
        return configure?.Invoke(person) ?? person;
    }

    private static RuleResult Single(Service service, PersonDetails person, ServiceSetting? setting = null) =>
        Eligibility.Evaluate(service, person, setting, Today).ShouldHaveSingleItem();

    [Fact]
    public void Evaluate_ServiceWithNoRules_HasNothingToCheck()
    {
        Eligibility.Evaluate(AnyoneService(), Person(), null, Today).ShouldBeEmpty();
        Eligibility.Rules(AnyoneService()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2008-11-22", RuleOutcome.Met, "Aged 18")]
    [InlineData("2008-11-23", RuleOutcome.NotMet, "Aged 17")]
    [InlineData("1961-11-23", RuleOutcome.Met, "Aged 64")]
    [InlineData("1961-11-22", RuleOutcome.Met, "Aged 65")]
    [InlineData("1960-11-22", RuleOutcome.NotMet, "Aged 66")]
    public void Evaluate_AgeRange_MetFromTheEighteenthBirthdayToTheDayBeforeTheSixtySixth(string dateOfBirth, RuleOutcome outcome, string explanation)
    {
        var service = AnyoneService();
        (service.MinimumAge, service.MaximumAge) = (18, 65);

        var result = Single(service, Person(p => p with { DateOfBirth = DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture) }));

        (result.Rule, result.Label, result.Outcome, result.Explanation).ShouldBe((Eligibility.AgeRule, "Is aged 18 to 65", outcome, explanation));
    }

    [Fact]
    public void Evaluate_Age_BornOnTheTwentyNinthOfFebruary_IsOlderOnTheFirstOfMarch()
    {
        var service = AnyoneService();
        service.MinimumAge = 18;
        var person = Person(p => p with { DateOfBirth = new DateOnly(2008, 2, 29) });

        Eligibility.Evaluate(service, person, null, new DateOnly(2026, 2, 28)).Single().Outcome.ShouldBe(RuleOutcome.NotMet);
        Eligibility.Evaluate(service, person, null, new DateOnly(2026, 3, 1)).Single().Outcome.ShouldBe(RuleOutcome.Met);
    }

    [Fact]
    public void Evaluate_Age_WithoutDateOfBirth_IsUnknown()
    {
        var service = AnyoneService();
        service.MaximumAge = 25;

        var result = Single(service, Person());

        (result.Label, result.Outcome, result.Explanation).ShouldBe(("Is aged 25 or under", RuleOutcome.Unknown, "Date of birth not recorded"));
    }

    [Theory]
    [InlineData("man", RuleOutcome.Met)]
    [InlineData("woman", RuleOutcome.NotMet)]
    [InlineData("non-binary", RuleOutcome.NotMet)]
    [InlineData("prefer-not-to-say", RuleOutcome.Unknown)]
    [InlineData(null, RuleOutcome.Unknown)]
    public void Evaluate_GenderIdentity(string? genderIdentity, RuleOutcome outcome)
    {
        var service = AnyoneService();
        service.GenderIdentities = ["man"];

        var result = Single(service, Person(p => p with { GenderIdentity = genderIdentity }));

        (result.Rule, result.Label, result.Outcome).ShouldBe((Eligibility.GenderRule, "Gender identity is man", outcome));
    }

    [Theory]
    [InlineData(OpdScreeningResult.ScreenedIn, RuleOutcome.Met)]
    [InlineData(OpdScreeningResult.ScreenedOut, RuleOutcome.NotMet)]
    [InlineData(OpdScreeningResult.NotScreened, RuleOutcome.Unknown)]
    [InlineData(null, RuleOutcome.Unknown)]
    public void Evaluate_OpdScreening(OpdScreeningResult? screening, RuleOutcome outcome)
    {
        var service = AnyoneService();
        service.RequiresOpdScreenedIn = true;

        var result = Single(service, Person(p => p with { OpdScreeningResult = screening }));

        (result.Rule, result.Label, result.Outcome).ShouldBe((Eligibility.OpdRule, "Screened in to the OPD pathway", outcome));
    }

    [Theory]
    [InlineData("hackney", RuleOutcome.Met, "Hackney")]
    [InlineData("croydon", RuleOutcome.NotMet, "Croydon")]
    [InlineData(null, RuleOutcome.Unknown, "Borough not recorded")]
    public void Evaluate_Borough(string? borough, RuleOutcome outcome, string explanation)
    {
        var service = AnyoneService();
        service.Boroughs = ["hackney", "lambeth"];

        var result = Single(service, Person(p => p with { Borough = borough }));

        (result.Rule, result.Label, result.Outcome, result.Explanation).ShouldBe((Eligibility.BoroughRule, "Lives in Hackney, Lambeth", outcome, explanation));
    }

    [Fact]
    public void Rules_ManyBoroughs_AreCountedRatherThanListed()
    {
        var service = AnyoneService();
        service.Boroughs = ["hackney", "lambeth", "southwark", "lewisham"];

        Eligibility.Rules(service).ShouldBe([(Eligibility.BoroughRule, "Lives in one of the 4 boroughs served")]);
    }

    [Theory]
    [InlineData(ServiceSetting.Community, ServiceSetting.Community, RuleOutcome.Met)]
    [InlineData(ServiceSetting.Community, ServiceSetting.Custody, RuleOutcome.NotMet)]
    [InlineData(ServiceSetting.Community, null, RuleOutcome.Unknown)]
    [InlineData(ServiceSetting.Custody, ServiceSetting.Custody, RuleOutcome.Met)]
    [InlineData(ServiceSetting.Custody, ServiceSetting.Community, RuleOutcome.NotMet)]
    public void Evaluate_CustodyOrCommunity(ServiceSetting serviceSetting, ServiceSetting? personSetting, RuleOutcome outcome)
    {
        var service = AnyoneService();
        service.Setting = serviceSetting;

        var result = Single(service, Person(), personSetting);

        (result.Rule, result.Outcome).ShouldBe((Eligibility.SettingRule, outcome));
        result.Label.ShouldBe(serviceSetting == ServiceSetting.Custody ? "Is in custody" : "Is in the community");
    }

    [Fact]
    public void Evaluate_EitherSetting_HasNoSettingRule() =>
        Eligibility.Evaluate(AnyoneService(), Person(), ServiceSetting.Custody, Today).ShouldBeEmpty();

    [Fact]
    public void Evaluate_WellbeingPathway_ChecksEveryRuleInOrder()
    {
        var service = new Service { Name = "Community Wellbeing Pathway", MinimumAge = 18, GenderIdentities = ["man"], RequiresOpdScreenedIn = true, Setting = ServiceSetting.Community };
        var person = Person(p => p with { DateOfBirth = new DateOnly(1988, 4, 12), GenderIdentity = "man", OpdScreeningResult = OpdScreeningResult.ScreenedIn });

        var results = Eligibility.Evaluate(service, person, ServiceSetting.Community, Today);

        results.Select(r => (r.Rule, r.Outcome)).ShouldBe(
        [
            (Eligibility.AgeRule, RuleOutcome.Met),
            (Eligibility.GenderRule, RuleOutcome.Met),
            (Eligibility.OpdRule, RuleOutcome.Met),
            (Eligibility.SettingRule, RuleOutcome.Met),
        ]);
        results.Select(r => r.Label).ShouldBe(Eligibility.Rules(service).Select(r => r.Label));
    }
}
