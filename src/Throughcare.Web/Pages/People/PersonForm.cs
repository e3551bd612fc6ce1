using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.TagHelpers;

namespace Throughcare.Web.Pages.People;

/// <summary>The person form shared by the create and edit pages: every field is text as typed, validated here.</summary>
public sealed partial class PersonInput
{
    public string? GivenName { get; set; }
    public string? MiddleNames { get; set; }
    public string? FamilyName { get; set; }
    public DateParts DateOfBirth { get; set; } = new();
    public string? GenderIdentity { get; set; }
    public string? Crn { get; set; }
    public string? PncNumber { get; set; }
    public string? PrisonNumber { get; set; }
    public string? NhsNumber { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? Borough { get; set; }
    public string? Ethnicity { get; set; }
    public string? PreferredLanguage { get; set; }
    public string? InterpreterNeeded { get; set; }
    public string? Religion { get; set; }
    public string? SexualOrientation { get; set; }
    public string? Disability { get; set; }
    public string? RoshLevel { get; set; }
    public string? MappaCategory { get; set; }
    public string? MappaLevel { get; set; }
    public string? IsPpo { get; set; }
    public string? OpdScreeningResult { get; set; }
    public DateParts OpdScreenedOn { get; set; } = new();

    public static InlineValidator<PersonInput> CreateValidator(DateOnly today) => new()
    {
        v => v.RuleFor(x => x.GivenName).NotEmpty().WithMessage("Enter a first name").SafeText("First name", 100),
        v => v.RuleFor(x => x.FamilyName).NotEmpty().WithMessage("Enter a last name").SafeText("Last name", 100),
        v => v.RuleFor(x => x.MiddleNames).SafeText("Middle names", 200),
        v => v.RuleFor(x => x.DateOfBirth).Satisfies(_ => new DateRule("Date of birth", "Enter a date of birth",
            new DateOnly(1900, 1, 1), today.AddDays(-1), "Date of birth must be after 1 January 1900", "Date of birth must be in the past")),
        v => v.RuleFor(x => x.GenderIdentity).Must(GenderIdentities.All.Contains).When(x => x.GenderIdentity is not null).WithMessage("Select a gender identity"),
        v => v.RuleFor(x => x.Crn).Must(c => Identifiers.ParseCrn(c).IsValid).When(x => !string.IsNullOrWhiteSpace(x.Crn))
            .WithMessage(x => Identifiers.ParseCrn(x.Crn).Error),
        v => v.RuleFor(x => x.PncNumber).Must(c => Identifiers.ParsePncNumber(c).IsValid).When(x => !string.IsNullOrWhiteSpace(x.PncNumber))
            .WithMessage(x => Identifiers.ParsePncNumber(x.PncNumber).Error),
        v => v.RuleFor(x => x.PrisonNumber).Must(c => Identifiers.ParsePrisonNumber(c).IsValid).When(x => !string.IsNullOrWhiteSpace(x.PrisonNumber))
            .WithMessage(x => Identifiers.ParsePrisonNumber(x.PrisonNumber).Error),
        v => v.RuleFor(x => x.NhsNumber).Must(c => Identifiers.ParseNhsNumber(c).IsValid).When(x => !string.IsNullOrWhiteSpace(x.NhsNumber))
            .WithMessage(x => Identifiers.ParseNhsNumber(x.NhsNumber).Error),
        v => v.RuleFor(x => x.Phone).Must(p => PhonePattern().IsMatch(p!)).When(x => !string.IsNullOrWhiteSpace(x.Phone))
            .WithMessage("Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"),
        v => v.RuleFor(x => x.Email).SafeText("Email address", 254)
            .Must(e => EmailPattern().IsMatch(e!.Trim())).When(x => !string.IsNullOrWhiteSpace(x.Email))
            .WithMessage("Enter an email address in the correct format, like name@example.com"),
        v => v.RuleFor(x => x.Address).SafeText("Address", 500, multiline: true),
        v => v.RuleFor(x => x.Postcode).Must(p => PostcodePattern().IsMatch(p!.Trim())).When(x => !string.IsNullOrWhiteSpace(x.Postcode))
            .WithMessage("Enter a real postcode, like SE1 7TP"),
        v => v.RuleFor(x => x.Borough).Must(Boroughs.All.Contains).When(x => x.Borough is not null).WithMessage("Select a borough"),
        v => v.RuleFor(x => x.Ethnicity).Must(e => Ethnicities.Selectable.Any(s => s.Code == e)).When(x => x.Ethnicity is not null).WithMessage("Select an ethnic group"),
        v => v.RuleFor(x => x.PreferredLanguage).Must(Languages.All.Contains).When(x => x.PreferredLanguage is not null).WithMessage("Select a preferred language"),
        v => v.RuleFor(x => x.InterpreterNeeded).Must(IsYesNo).When(x => x.InterpreterNeeded is not null).WithMessage("Select whether an interpreter is needed"),
        v => v.RuleFor(x => x.Religion).Must(Religions.All.Contains).When(x => x.Religion is not null).WithMessage("Select a religion or belief"),
        v => v.RuleFor(x => x.SexualOrientation).Must(SexualOrientations.All.Contains).When(x => x.SexualOrientation is not null).WithMessage("Select a sexual orientation"),
        v => v.RuleFor(x => x.Disability).Must(Disabilities.All.Contains).When(x => x.Disability is not null).WithMessage("Select whether the person is disabled"),
        v => v.RuleFor(x => x.RoshLevel).Must(IsEnum<RoshLevel>).When(x => x.RoshLevel is not null).WithMessage("Select a RoSH level"),
        v => v.RuleFor(x => x.MappaCategory).Must(IsOneToThree).When(x => x.MappaCategory is not null).WithMessage("Select a MAPPA category"),
        v => v.RuleFor(x => x.MappaLevel).Must(IsOneToThree).When(x => x.MappaLevel is not null).WithMessage("Select a MAPPA level"),
        v => v.RuleFor(x => x.IsPpo).Must(IsYesNo).WithMessage("Select whether the person is a prolific and priority offender"),
        v => v.RuleFor(x => x.OpdScreeningResult).Must(IsEnum<OpdScreeningResult>).When(x => x.OpdScreeningResult is not null).WithMessage("Select an OPD screening result"),
        v => v.RuleFor(x => x.OpdScreenedOn).Satisfies(x => new DateRule("Date of OPD screening",
            x.OpdScreeningResult is nameof(Core.Domain.People.OpdScreeningResult.ScreenedIn) or nameof(Core.Domain.People.OpdScreeningResult.ScreenedOut)
                ? "Enter the date of the OPD screening"
                : null,
            new DateOnly(1990, 1, 1), today, "Date of OPD screening must be after 1 January 1990", "Date of OPD screening must be today or in the past")),
    };

    /// <summary>Turns validated input into the record, storing identifiers in their normal form.</summary>
    public PersonDetails ToDetails()
    {
        DateOfBirth.TryGetDate(out var dob);
        var screenedOn = OpdScreenedOn.TryGetDate(out var screened) ? screened : (DateOnly?)null;
        return new PersonDetails
        {
            GivenName = GivenName!.Trim(),
            MiddleNames = TextRules.Tidy(MiddleNames),
            FamilyName = FamilyName!.Trim(),
            DateOfBirth = dob,
            GenderIdentity = TextRules.Tidy(GenderIdentity),
            Crn = Identifiers.ParseCrn(Crn).Value,
            PncNumber = Identifiers.ParsePncNumber(PncNumber).Value,
            PrisonNumber = Identifiers.ParsePrisonNumber(PrisonNumber).Value,
            NhsNumber = Identifiers.ParseNhsNumber(NhsNumber).Value,
            Phone = TextRules.Tidy(Phone),
            Email = TextRules.Tidy(Email),
            Address = TextRules.Tidy(Address),
            Postcode = TextRules.Tidy(Postcode)?.ToUpperInvariant(),
            Borough = TextRules.Tidy(Borough),
            Ethnicity = TextRules.Tidy(Ethnicity),
            PreferredLanguage = TextRules.Tidy(PreferredLanguage),
            InterpreterNeeded = InterpreterNeeded switch { "yes" => true, "no" => false, _ => null },
            Religion = TextRules.Tidy(Religion),
            SexualOrientation = TextRules.Tidy(SexualOrientation),
            Disability = TextRules.Tidy(Disability),
            RoshLevel = Enum.TryParse<RoshLevel>(RoshLevel, out var rosh) ? rosh : null,
            MappaCategory = int.TryParse(MappaCategory, CultureInfo.InvariantCulture, out var category) ? category : null,
            MappaLevel = int.TryParse(MappaLevel, CultureInfo.InvariantCulture, out var level) ? level : null,
            IsPpo = IsPpo == "yes",
            OpdScreeningResult = Enum.TryParse<OpdScreeningResult>(OpdScreeningResult, out var opd) ? opd : null,
            OpdScreenedOn = screenedOn,
        };
    }

    public static PersonInput From(PersonDetails d) => new()
    {
        GivenName = d.GivenName,
        MiddleNames = d.MiddleNames,
        FamilyName = d.FamilyName,
        DateOfBirth = DateParts.From(d.DateOfBirth),
        GenderIdentity = d.GenderIdentity,
        Crn = d.Crn,
        PncNumber = d.PncNumber,
        PrisonNumber = d.PrisonNumber,
        NhsNumber = d.NhsNumber,
        Phone = d.Phone,
        Email = d.Email,
        Address = d.Address,
        Postcode = d.Postcode,
        Borough = d.Borough,
        Ethnicity = d.Ethnicity,
        PreferredLanguage = d.PreferredLanguage,
        InterpreterNeeded = d.InterpreterNeeded switch { true => "yes", false => "no", null => null },
        Religion = d.Religion,
        SexualOrientation = d.SexualOrientation,
        Disability = d.Disability,
        RoshLevel = d.RoshLevel?.ToString(),
        MappaCategory = d.MappaCategory?.ToString(CultureInfo.InvariantCulture),
        MappaLevel = d.MappaLevel?.ToString(CultureInfo.InvariantCulture),
        IsPpo = d.IsPpo ? "yes" : "no",
        OpdScreeningResult = d.OpdScreeningResult?.ToString(),
        OpdScreenedOn = DateParts.From(d.OpdScreenedOn),
    };

    private static bool IsYesNo(string? value) => value is "yes" or "no";

    private static bool IsOneToThree(string? value) => value is "1" or "2" or "3";

    // Names only: a number such as "7" must not pass as an enum value.
    private static bool IsEnum<T>(string? value)
        where T : struct, Enum => Enum.GetNames<T>().Contains(value);

    [GeneratedRegex(@"^\+?[0-9 ()\-]{7,20}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(GIR ?0AA|[A-Za-z]{1,2}[0-9][0-9A-Za-z]? ?[0-9][A-Za-z]{2})$")]
    private static partial Regex PostcodePattern();
}

/// <summary>Choices for the person form's selects and radios, with labels people read.</summary>
public static class PersonChoices
{
    public static IEnumerable<SelectListItem> Items<T>(IEnumerable<T> items)
        where T : IReferenceItem => items.Select(i => new SelectListItem(i.Label, i.Code));

    public static IEnumerable<SelectListItem> Ethnicity => Ethnicities.Selectable.Select(e =>
        new SelectListItem(e.ParentCode is null ? e.Label : $"{Ethnicities.All.LabelFor(Ethnicities.RollUpToGroup(e.Code))}: {e.Label}", e.Code));

    public static IEnumerable<SelectListItem> YesNo => [new("Yes", "yes"), new("No", "no")];

    public static IEnumerable<SelectListItem> Rosh => [new("Low", "Low"), new("Medium", "Medium"), new("High", "High"), new("Very high", "VeryHigh")];

    public static IEnumerable<SelectListItem> OneToThree => [new("1", "1"), new("2", "2"), new("3", "3")];

    public static IEnumerable<SelectListItem> Opd =>
        [new("Screened in", "ScreenedIn"), new("Screened out", "ScreenedOut"), new("Not screened", "NotScreened")];

    public static string? RoshLabel(RoshLevel? level) => level is { } known ? PersonLabels.Rosh(known) : null;

    public static string? OpdLabel(OpdScreeningResult? result) => result is { } known ? PersonLabels.Opd(known) : null;
}
