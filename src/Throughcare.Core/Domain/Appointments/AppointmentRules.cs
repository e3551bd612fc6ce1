using System.Globalization;
using FluentValidation;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Appointments;

/// <summary>When an appointment is, as entered: a UK date, a 24-hour UK time ("14:30") and a length as text.</summary>
public class AppointmentTimeInput
{
    public DateParts Date { get; set; } = new();
    public string? Time { get; set; }
    public string? DurationMinutes { get; set; }

    /// <summary>The UTC instant it starts, when date and time are real in the UK.</summary>
    public DateTime? StartsAt() => ContactInput.At(Date, Time);

    public int? Minutes() => int.TryParse(DurationMinutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) ? minutes : null;
}

/// <summary>An appointment as booked on the page or through the API: the one shape both validate.</summary>
public sealed class AppointmentInput : AppointmentTimeInput
{
    public AppointmentPlace? Place { get; set; }
    public string? PlaceDetail { get; set; }
    public Guid? StrandId { get; set; }
    public Guid? WorkerUserId { get; set; }
    public Guid? SecondWorkerUserId { get; set; }
    public string? Interpreter { get; set; }

    /// <summary>Null for a single appointment.</summary>
    public RepeatRule? Repeat { get; set; }
    public DateParts LastDate { get; set; } = new();

    /// <summary>Dates of the series to skip, separated by commas, like "24/12/2026, 31/12/2026".</summary>
    public string? SkipDates { get; set; }

    /// <summary>Each date the person was offered an appointment on, skipped dates aside; null while the dates are not valid.</summary>
    public IReadOnlyList<DateOnly>? Dates()
    {
        if (!Date.TryGetDate(out var first))
        {
            return null;
        }

        if (Repeat is null)
        {
            return [first];
        }

        if (!LastDate.TryGetDate(out var last) || last <= first || ParseSkipDates() is not { } skipped)
        {
            return null;
        }

        return RuleDates(first, last, Repeat.Value).Where(d => !skipped.Contains(d)).ToList();
    }

    /// <summary>Every date the rule gives from the first to the last, inclusive.</summary>
    public static IEnumerable<DateOnly> RuleDates(DateOnly first, DateOnly last, RepeatRule rule)
    {
        var step = rule == RepeatRule.Weekly ? 7 : 14;
        for (var date = first; date <= last; date = date.AddDays(step))
        {
            yield return date;
        }
    }

    /// <summary>The dates to skip, or null when one of them is not a date.</summary>
    public IReadOnlyList<DateOnly>? ParseSkipDates()
    {
        var dates = new List<DateOnly>();
        foreach (var part in (SkipDates ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!DateOnly.TryParseExact(part, ["d/M/yyyy", "d M yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return null;
            }

            dates.Add(date);
        }

        return dates;
    }
}

/// <summary>A new time for a booked appointment, and why it moves.</summary>
public sealed class RescheduleInput : AppointmentTimeInput
{
    public string? Reason { get; set; }
}

/// <summary>Who called an appointment off, and why.</summary>
public sealed class CancelInput
{
    public CancelledBy? CancelledBy { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A strand an appointment can be booked on, and a worker who can hold it.</summary>
public sealed record AppointmentChoice(Guid Id, string Name);

/// <summary>
/// What an appointment is checked against: the episode's state, its running strands (outside an episode, the strands of
/// the organisation's services), the workers who may work episodes, and the time now. The one validator of booking,
/// rescheduling and cancelling, for the pages and the API, on an episode or outside one.
/// </summary>
public sealed record AppointmentRules(EpisodeState State, IReadOnlyList<AppointmentChoice> Strands, IReadOnlyList<AppointmentChoice> Workers, DateTime Now, bool OutsideEpisode = false)
{
    public const int MaximumOccurrences = 52;

    /// <summary>How far ahead an appointment can be booked.</summary>
    public const int MaximumYearsAhead = 2;

    public DateOnly Today => Display.LondonDate(Now);

    public FluentValidation.Results.ValidationResult Validate(AppointmentInput input) => BookValidator().Validate(input);

    public FluentValidation.Results.ValidationResult Validate(RescheduleInput input) => RescheduleValidator().Validate(input);

    public static FluentValidation.Results.ValidationResult Validate(CancelInput input) => CancelValidator.Validate(input);

    public bool IsWorker(Guid? id) => Workers.Any(w => w.Id == id);

    private InlineValidator<AppointmentInput> BookValidator()
    {
        var v = new InlineValidator<AppointmentInput>();
        Timing(v);
        v.RuleFor(x => x.Place).NotNull().WithMessage("Select where the appointment is").IsInEnum().WithMessage("Select where the appointment is");
        v.RuleFor(x => x.PlaceDetail).SafeText("Place details", Appointment.PlaceDetailMaxLength);
        v.RuleFor(x => x.StrandId).NotNull().WithMessage("Select the strand of support")
            .Must(id => Strands.Any(s => s.Id == id))
            .WithMessage(OutsideEpisode ? "Select one of your organisation's strands of support" : "Select one of the episode's running strands of support");
        v.RuleFor(x => x.WorkerUserId).NotNull().WithMessage("Select the worker")
            .Must(IsWorker).WithMessage("Select a worker of the service");
        v.RuleFor(x => x.SecondWorkerUserId).Must(IsWorker).WithMessage("Select a worker of the service as the second worker")
            .NotEqual(x => x.WorkerUserId).WithMessage("The second worker must be someone other than the worker")
            .When(x => x.SecondWorkerUserId is not null);
        v.RuleFor(x => x.Interpreter).SafeText("Interpreter", Appointment.InterpreterMaxLength);
        v.RuleFor(x => x.Repeat).IsInEnum().WithMessage("Select whether the appointment repeats");
        v.RuleFor(x => x.LastDate).Satisfies(x => new DateRule("Last date", "Enter the last date of the series", Today, Today.AddYears(MaximumYearsAhead),
                "Last date must be today or in the future", $"Last date must be within {MaximumYearsAhead} years from today"))
            .When(x => x.Repeat is not null);
        v.RuleFor(x => x.LastDate).Must((x, last) => last.TryGetDate(out var l) && x.Date.TryGetDate(out var f) && l > f)
            .WithMessage("Last date must be after the date of the first appointment")
            .When(x => x.Repeat is not null && x.LastDate.TryGetDate(out _) && x.Date.TryGetDate(out _));
        v.RuleFor(x => x.SkipDates).MaximumLength(1000).WithMessage("Dates to skip must be 1000 characters or fewer")
            .Must(s => new AppointmentInput { SkipDates = s }.ParseSkipDates() is not null).WithMessage("Enter the dates to skip like 24/12/2026, separated by commas")
            .Must(s => string.IsNullOrWhiteSpace(s)).WithMessage("Dates can only be skipped in a repeating series").When(x => x.Repeat is null, ApplyConditionTo.CurrentValidator);
        v.RuleFor(x => x.SkipDates).Must((x, _) => x.ParseSkipDates()!.All(SeriesDates(x).Contains))
            .WithMessage(x => $"{Display.Date(x.ParseSkipDates()!.First(d => !SeriesDates(x).Contains(d)))} is not one of the dates in the series")
            .Must((x, _) => x.Dates()!.Count > 0).WithMessage("A series must keep at least one date")
            .When(x => x.Repeat is not null && x.Dates() is not null);
        v.RuleFor(x => x.LastDate).Must((x, _) => SeriesDates(x).Count <= MaximumOccurrences)
            .WithMessage($"A series can have at most {MaximumOccurrences} appointments: choose an earlier last date")
            .When(x => x.Repeat is not null && x.Dates() is not null);
        v.RuleFor(x => x.Time).Must((x, _) => x.Dates()!.All(d => ContactInput.At(DateParts.From(d), x.Time) is not null))
            .WithMessage(x => $"{x.Time?.Trim()} is not a real time in the UK on {Display.Date(x.Dates()!.First(d => ContactInput.At(DateParts.From(d), x.Time) is null))}: skip that date or choose another time")
            .When(x => x.Repeat is not null && x.Dates() is not null && x.StartsAt() is not null);
        return v;
    }

    private static List<DateOnly> SeriesDates(AppointmentInput x) =>
        x.Date.TryGetDate(out var first) && x.LastDate.TryGetDate(out var last) && x.Repeat is { } rule ? AppointmentInput.RuleDates(first, last, rule).ToList() : [];

    private InlineValidator<RescheduleInput> RescheduleValidator()
    {
        var v = new InlineValidator<RescheduleInput>();
        Timing(v);
        v.RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter why the appointment is moving").SafeText("Reason", Appointment.ReasonMaxLength, multiline: true);
        return v;
    }

    private static readonly InlineValidator<CancelInput> CancelValidator = new()
    {
        v => v.RuleFor(x => x.CancelledBy).NotNull().WithMessage("Select who cancelled the appointment").IsInEnum().WithMessage("Select who cancelled the appointment"),
        v => v.RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter why the appointment was cancelled").SafeText("Reason", Appointment.ReasonMaxLength, multiline: true),
    };

    /// <summary>The date, time and length rules booking and rescheduling share: a real UK time, not in the past.</summary>
    private void Timing<T>(InlineValidator<T> v)
        where T : AppointmentTimeInput
    {
        v.RuleFor(x => x).Must(_ => State != EpisodeState.Closed).WithMessage("Appointments cannot be booked on a closed episode").OverridePropertyName("Date");
        v.RuleFor(x => x.Date).Satisfies(_ => new DateRule("Date of the appointment", "Enter the date of the appointment", Today, Today.AddYears(MaximumYearsAhead),
            "Date of the appointment must be today or in the future", $"Date of the appointment must be within {MaximumYearsAhead} years from today"));
        v.RuleFor(x => x.Time).NotEmpty().WithMessage("Enter the time of the appointment")
            .Must(t => ContactInput.ParseTime(t) is not null).WithMessage("Enter the time of the appointment as 24-hour time, like 14:30");
        v.RuleFor(x => x.Time).Must((x, _) => x.StartsAt() is not null).WithMessage("The time of the appointment must be a real time in the UK on that date")
            .When(x => x.Date.TryGetDate(out _) && ContactInput.ParseTime(x.Time) is not null);
        v.RuleFor(x => x.Time).Must((x, _) => x.StartsAt() > Now).WithMessage("The time of the appointment must be in the future")
            .When(x => x.StartsAt() is not null && Display.LondonDate(x.StartsAt()!.Value) == Today);
        v.RuleFor(x => x.DurationMinutes).SessionLength("Enter the length of the appointment in minutes");
    }
}
