using FluentValidation;

namespace Throughcare.Core.Infrastructure.Text;

/// <summary>The GOV.UK date-input checks, in order: missing, not a real date, too early, too late.</summary>
public sealed record DateRule(string Label, string? RequiredMessage, DateOnly Earliest, DateOnly Latest, string TooEarly, string TooLate)
{
    public string? Check(DateParts parts)
    {
        if (parts.IsEmpty)
        {
            return RequiredMessage;
        }

        if (!parts.TryGetDate(out var date))
        {
            return $"{Label} must be a real date";
        }

        return date < Earliest ? TooEarly : date > Latest ? TooLate : null;
    }
}

public static class DateRuleExtensions
{
    public static IRuleBuilderOptions<T, DateParts> Satisfies<T>(this IRuleBuilder<T, DateParts> rule, Func<T, DateRule> ruleFor) =>
        rule.Must((instance, parts, context) =>
        {
            var error = ruleFor(instance).Check(parts);
            context.MessageFormatter.AppendArgument("DateError", error);
            return error is null;
        }).WithMessage("{DateError}");
}
