using FluentValidation;
using FluentValidation.Results;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Custody;

/// <summary>The key dates as typed, each optional.</summary>
public sealed class KeyDatesInput
{
    public DateParts ConditionalRelease { get; set; } = new();
    public DateParts ParoleEligibility { get; set; } = new();
    public DateParts TariffExpiry { get; set; } = new();
    public DateParts HomeDetentionCurfewEligibility { get; set; } = new();
    public DateParts ExpectedRelease { get; set; } = new();
    public DateParts LicenceExpiry { get; set; } = new();
    public DateParts SentenceExpiry { get; set; } = new();
    public DateParts TopUpSupervisionEnd { get; set; } = new();

    public DateParts Get(KeyDate date) => date switch
    {
        KeyDate.ConditionalRelease => ConditionalRelease,
        KeyDate.ParoleEligibility => ParoleEligibility,
        KeyDate.TariffExpiry => TariffExpiry,
        KeyDate.HomeDetentionCurfewEligibility => HomeDetentionCurfewEligibility,
        KeyDate.ExpectedRelease => ExpectedRelease,
        KeyDate.LicenceExpiry => LicenceExpiry,
        KeyDate.SentenceExpiry => SentenceExpiry,
        KeyDate.TopUpSupervisionEnd => TopUpSupervisionEnd,
        _ => throw new ArgumentOutOfRangeException(nameof(date)),
    };

    /// <summary>The date typed for each key date, once valid; none where left empty.</summary>
    public DateOnly? Value(KeyDate date) => Get(date).TryGetDate(out var value) ? value : null;

    public static KeyDatesInput From(CustodyPeriod period)
    {
        var input = new KeyDatesInput();
        foreach (var date in Enum.GetValues<KeyDate>())
        {
            var parts = DateParts.From(period.Get(date));
            var target = input.Get(date);
            (target.Day, target.Month, target.Year) = (parts.Day, parts.Month, parts.Year);
        }

        return input;
    }
}

/// <summary>The key dates and release plan, as both recording a period and changing its dates take them.</summary>
public interface IReleasePlanInput
{
    KeyDatesInput Dates { get; }
    bool ExpectedReleaseConfirmed { get; }
    string? ReleaseBorough { get; }
    ReleaseAccommodation? Accommodation { get; }
}

/// <summary>A custody period as recorded: the prison and reception, the sentence, and what is known of its dates and release plan.</summary>
public sealed class CustodyInput : IReleasePlanInput
{
    public Guid? PrisonId { get; set; }
    public DateParts ReceptionOn { get; set; } = new();
    public SentenceType? SentenceType { get; set; }
    public DateParts SentenceOn { get; set; } = new();
    public string? SentenceLengthMonths { get; set; }
    public KeyDatesInput Dates { get; set; } = new();
    public bool ExpectedReleaseConfirmed { get; set; }
    public string? ReleaseBorough { get; set; }
    public ReleaseAccommodation? Accommodation { get; set; }
}

/// <summary>A change of key dates and the release plan; a date that moves needs a reason.</summary>
public sealed class CustodyDatesInput : IReleasePlanInput
{
    public KeyDatesInput Dates { get; set; } = new();
    public bool ExpectedReleaseConfirmed { get; set; }
    public string? ReleaseBorough { get; set; }
    public ReleaseAccommodation? Accommodation { get; set; }
    public string? Reason { get; set; }
}

public sealed class MoveInput
{
    public Guid? ToPrisonId { get; set; }
    public DateParts MovedOn { get; set; } = new();
    public MoveReason? Reason { get; set; }
    public string? Note { get; set; }
}

public sealed class ReleaseInput
{
    public DateParts ReleasedOn { get; set; } = new();
    public ReleaseKind? Kind { get; set; }
    public ReleaseAccommodation? Accommodation { get; set; }
    public string? ReleaseBorough { get; set; }
}

/// <summary>The case outcome indicators recorded after release.</summary>
public sealed class OutcomesInput
{
    public ReleaseAccommodation? AccommodationAtThreeMonths { get; set; }
    public Engagement? Engagement { get; set; }
    public EteStatus? Ete { get; set; }
}

public sealed class RecallInput
{
    public Guid? PrisonId { get; set; }
    public DateParts RecalledOn { get; set; } = new();
}

/// <summary>
/// What custody input is checked against, and the checks: the same for the pages and the API. Dates are checked the
/// GOV.UK way (missing, not real, too early, too late); every error names its field.
/// </summary>
/// <param name="Prisons">The prisons a person can be received into or moved to.</param>
public sealed record CustodyRules(IReadOnlySet<Guid> Prisons, DateOnly Today)
{
    public const string ReasonRequired = "Enter why the dates changed";
    public const int MaximumSentenceMonths = 1200;

    private static readonly DateOnly Earliest = new(1950, 1, 1);

    private DateOnly Latest => Today.AddYears(100);

    public ValidationResult Validate(CustodyInput input)
    {
        var validator = new InlineValidator<CustodyInput>
        {
            v => v.RuleFor(x => x.PrisonId).Must(id => id is { } p && Prisons.Contains(p)).WithMessage("Select the prison that received them"),
            v => v.RuleFor(x => x.ReceptionOn).Satisfies(_ => Past("Reception date", "Enter the reception date")),
            v => v.RuleFor(x => x.SentenceType).NotNull().WithMessage("Select the type of sentence").IsInEnum().WithMessage("Select the type of sentence"),
            v => v.RuleFor(x => x.SentenceOn).Satisfies(x => Past("Sentence date", x.SentenceType is Custody.SentenceType.Remand or null ? null : "Enter the sentence date")),
            v => v.RuleFor(x => x.SentenceLengthMonths).Must((x, months) => LengthError(x.SentenceType, months) is null).WithMessage(x => LengthError(x.SentenceType, x.SentenceLengthMonths)),
            v => v.RuleFor(x => x.ReleaseBorough).Must(BeABorough).WithMessage("Select a borough from the list"),
            v => v.RuleFor(x => x.Accommodation).IsInEnum().WithMessage("Select the accommodation on release"),
        };
        var result = validator.Validate(input);
        AddKeyDates(result, input.Dates, "Dates", input.ReceptionOn.TryGetDate(out var reception) ? reception : null);
        return result;
    }

    public ValidationResult Validate(CustodyDatesInput input, CustodyPeriod period)
    {
        var validator = new InlineValidator<CustodyDatesInput>
        {
            v => v.RuleFor(x => x.ReleaseBorough).Must(BeABorough).WithMessage("Select a borough from the list"),
            v => v.RuleFor(x => x.Accommodation).IsInEnum().WithMessage("Select the accommodation on release"),
            v => v.RuleFor(x => x.Reason).SafeText("Reason", CustodyPeriod.ReasonMaxLength, multiline: true),
        };
        var result = validator.Validate(input);
        AddKeyDates(result, input.Dates, "Dates", period.ReceptionOn);
        if (result.IsValid && string.IsNullOrWhiteSpace(input.Reason) && Enum.GetValues<KeyDate>().Any(d => period.Get(d) is not null && input.Dates.Value(d) != period.Get(d)))
        {
            result.Errors.Add(new ValidationFailure(nameof(CustodyDatesInput.Reason), ReasonRequired));
        }

        return result;
    }

    public ValidationResult Validate(MoveInput input, CustodyPeriod period)
    {
        var from = period.Moves.Select(m => m.MovedOn).Append(period.ReceptionOn).Max();
        var validator = new InlineValidator<MoveInput>
        {
            v => v.RuleFor(x => x.ToPrisonId).Must(id => id is { } p && Prisons.Contains(p)).WithMessage("Select the prison they moved to")
                .Must(id => id != period.CurrentPrisonId).WithMessage("Select a prison other than the one they are in"),
            v => v.RuleFor(x => x.MovedOn).Satisfies(_ => new DateRule("Date of the move", "Enter the date of the move", from, Today,
                $"Date of the move must be on or after {Display.Date(from)}, when they arrived where they are", "Date of the move must be today or in the past")),
            v => v.RuleFor(x => x.Reason).NotNull().WithMessage("Select why they moved").IsInEnum().WithMessage("Select why they moved"),
            v => v.RuleFor(x => x.Note).NotEmpty().When(x => x.Reason == MoveReason.Other).WithMessage("Enter why they moved"),
            v => v.RuleFor(x => x.Note).SafeText("Note", CustodyPeriod.ReasonMaxLength, multiline: true),
        };
        return validator.Validate(input);
    }

    public ValidationResult Validate(ReleaseInput input, CustodyPeriod period)
    {
        var from = period.Moves.Select(m => m.MovedOn).Append(period.ReceptionOn).Max();
        var validator = new InlineValidator<ReleaseInput>
        {
            v => v.RuleFor(x => x.ReleasedOn).Satisfies(_ => new DateRule("Release date", "Enter the release date", from, Today,
                $"Release date must be on or after {Display.Date(from)}", "Release date must be today or in the past")),
            v => v.RuleFor(x => x.Kind).NotNull().WithMessage("Select how they were released").IsInEnum().WithMessage("Select how they were released"),
            v => v.RuleFor(x => x.Accommodation).NotNull().WithMessage("Select the accommodation on release").IsInEnum().WithMessage("Select the accommodation on release"),
            v => v.RuleFor(x => x.ReleaseBorough).NotEmpty().WithMessage("Select the borough they were released to").Must(BeABorough).WithMessage("Select a borough from the list"),
        };
        return validator.Validate(input);
    }

    public ValidationResult Validate(RecallInput input, CustodyPeriod period)
    {
        var released = period.ReleasedOn ?? Today;
        var validator = new InlineValidator<RecallInput>
        {
            v => v.RuleFor(x => x.PrisonId).Must(id => id is { } p && Prisons.Contains(p)).WithMessage("Select the prison they were recalled to"),
            v => v.RuleFor(x => x.RecalledOn).Satisfies(_ => new DateRule("Recall date", "Enter the date they returned to custody", released, Today,
                $"Recall date must be on or after the release on {Display.Date(released)}", "Recall date must be today or in the past")),
        };
        return validator.Validate(input);
    }

    public static ValidationResult Validate(OutcomesInput input)
    {
        var validator = new InlineValidator<OutcomesInput>
        {
            v => v.RuleFor(x => x.AccommodationAtThreeMonths).IsInEnum().WithMessage("Select the accommodation at three months"),
            v => v.RuleFor(x => x.Engagement).IsInEnum().WithMessage("Select whether they engaged with the services they were referred to"),
            v => v.RuleFor(x => x.Ete).IsInEnum().WithMessage("Select their education, training or employment"),
        };
        var result = validator.Validate(input);
        if (result.IsValid && input.AccommodationAtThreeMonths is null && input.Engagement is null && input.Ete is null)
        {
            result.Errors.Add(new ValidationFailure(nameof(OutcomesInput.AccommodationAtThreeMonths), "Select at least one outcome to record"));
        }

        return result;
    }

    /// <summary>The sentence length's error for the sentence type, or null: required for determinate sentences, empty for the rest.</summary>
    public static string? LengthError(SentenceType? type, string? months)
    {
        var given = !string.IsNullOrWhiteSpace(months);
        if (type is not (Custody.SentenceType.Determinate or Custody.SentenceType.ExtendedDeterminate))
        {
            return given ? "Leave the sentence length empty: it is for determinate sentences" : null;
        }

        return !given ? "Enter the sentence length in months"
            : ParseMonths(months) is null ? $"Sentence length must be a whole number of months from 1 to {MaximumSentenceMonths}, like 18"
            : null;
    }

    public static int? ParseMonths(string? months) =>
        int.TryParse(months?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
        && value is >= 1 and <= MaximumSentenceMonths ? value : null;

    public static bool BeABorough(string? code) => string.IsNullOrEmpty(code) || Boroughs.All.Find(code) is not null;

    private DateRule Past(string label, string? required) =>
        new(label, required, Earliest, Today, $"{label} must be after 1 January 1950", $"{label} must be today or in the past");

    private void AddKeyDates(ValidationResult result, KeyDatesInput dates, string prefix, DateOnly? reception)
    {
        foreach (var date in Enum.GetValues<KeyDate>())
        {
            var label = CustodyLabels.Date(date);
            var rule = new DateRule(label + " date", null, reception ?? Earliest, Latest,
                reception is { } r ? $"{label} date must be on or after the reception date, {Display.Date(r)}" : $"{label} date must be after 1 January 1950",
                $"{label} date must be within 100 years");
            if (rule.Check(dates.Get(date)) is { } error)
            {
                result.Errors.Add(new ValidationFailure($"{prefix}.{date}", error));
            }
        }
    }
}
