using FluentValidation;

namespace Throughcare.Core.Infrastructure.Text;

/// <summary>Validation shared by every free-text field: a length limit and no invisible control characters.</summary>
public static class TextRules
{
    public static IRuleBuilderOptions<T, string?> SafeText<T>(this IRuleBuilder<T, string?> rule, string label, int maxLength, bool multiline = false) =>
        rule.MaximumLength(maxLength).WithMessage($"{label} must be {maxLength} characters or fewer")
            .Must(value => IsSafe(value, multiline)).WithMessage($"{label} must not contain hidden control characters");

    public static bool IsSafe(string? value, bool multiline) =>
        value is null || value.All(c => !IsForbidden(c, multiline));

    // C0/C1 controls (including NUL, which PostgreSQL cannot store) and the bidirectional overrides used to disguise text.
    private static bool IsForbidden(char c, bool multiline) =>
        (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    public static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
