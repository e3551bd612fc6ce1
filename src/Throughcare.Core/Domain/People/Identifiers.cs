using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Throughcare.Core.Domain.People;

/// <summary>The outcome of checking an identifier: the normalised value, or a message to show next to the field.</summary>
public sealed record IdentifierResult
{
    private IdentifierResult(string? value, string? error) => (Value, Error) = (value, error);

    public string? Value { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    public static IdentifierResult Valid(string value) => new(value, null);

    public static IdentifierResult Invalid(string error) => new(null, error);
}

/// <summary>Checks and normalises the identifiers other agencies hold for a person.</summary>
public static partial class Identifiers
{
    private const string PncCheckLetters = "ZABCDEFGHJKLMNPQRTUVWXY";

    public static IdentifierResult ParseNhsNumber(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return IdentifierResult.Invalid("Enter an NHS number");
        }

        var digits = Strip(input, static c => char.IsWhiteSpace(c) || c == '-');
        if (!NhsPattern().IsMatch(digits))
        {
            return IdentifierResult.Invalid("Enter an NHS number in the correct format, like 485 777 3456");
        }

        return NhsCheckDigit(digits.AsSpan(0, 9)) == digits[9] - '0'
            ? IdentifierResult.Valid(digits)
            : IdentifierResult.Invalid("Enter a valid NHS number");
    }

    /// <summary>Modulus 11 over the first nine digits; null when the remainder makes any tenth digit invalid.</summary>
    public static int? NhsCheckDigit(ReadOnlySpan<char> firstNine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (firstNine[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }

    /// <summary>Shows a normalised NHS number the way it is printed on NHS letters: 943 476 5919.</summary>
    public static string FormatNhsNumber(string nhsNumber) =>
        nhsNumber.Length == 10 ? $"{nhsNumber[..3]} {nhsNumber[3..6]} {nhsNumber[6..]}" : nhsNumber;

    public static IdentifierResult ParseCrn(string? input) =>
        ParseSimple(input, CrnPattern(), "a CRN", "X123456");

    public static IdentifierResult ParsePrisonNumber(string? input) =>
        ParseSimple(input, PrisonNumberPattern(), "a prison number", "A1234BC");

    /// <summary>
    /// Accepts YYYY/NNNNNNNA or YY/NNNNNNNA with a serial of up to seven digits. A four-digit year is kept,
    /// a two-digit one too because its century cannot be known; the serial is always padded to seven digits.
    /// </summary>
    public static IdentifierResult ParsePncNumber(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return IdentifierResult.Invalid("Enter a PNC number");
        }

        var match = PncPattern().Match(input.Trim());
        if (!match.Success)
        {
            return IdentifierResult.Invalid("Enter a PNC number in the correct format, like 2012/0052834K");
        }

        var year = match.Groups["year"].Value;
        var serial = int.Parse(match.Groups["serial"].Value, CultureInfo.InvariantCulture);
        var letter = char.ToUpperInvariant(match.Groups["check"].Value[0]);
        var twoDigitYear = int.Parse(year[^2..], CultureInfo.InvariantCulture);
        return letter == PncCheckLetter(twoDigitYear, serial)
            ? IdentifierResult.Valid(string.Create(CultureInfo.InvariantCulture, $"{year}/{serial:D7}{letter}"))
            : IdentifierResult.Invalid("Enter a valid PNC number");
    }

    /// <summary>The check letter of a PNC number: the two-digit year then the seven-digit serial, as one number, mod 23.</summary>
    public static char PncCheckLetter(int twoDigitYear, int serial) =>
        PncCheckLetters[(int)(((long)twoDigitYear * 10_000_000 + serial) % 23)];

    /// <summary>Reduces a search term or a stored identifier to a form in which the two can be compared.</summary>
    public static string NormaliseForSearch(string? input) =>
        input is null ? string.Empty : Strip(input, static c => char.IsWhiteSpace(c) || c is '-' or '/').ToUpperInvariant();

    private static IdentifierResult ParseSimple(string? input, Regex pattern, string name, string example)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return IdentifierResult.Invalid($"Enter {name}");
        }

        var value = input.Trim().ToUpperInvariant();
        return pattern.IsMatch(value)
            ? IdentifierResult.Valid(value)
            : IdentifierResult.Invalid($"Enter {name} in the correct format, like {example}");
    }

    private static string Strip(string input, Func<char, bool> remove)
    {
        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (!remove(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex("^[0-9]{10}$")]
    private static partial Regex NhsPattern();

    [GeneratedRegex("^[A-Z][0-9]{6}$")]
    private static partial Regex CrnPattern();

    [GeneratedRegex("^[A-Z][0-9]{4}[A-Z]{2}$")]
    private static partial Regex PrisonNumberPattern();

    [GeneratedRegex("^(?<year>[0-9]{2}|[0-9]{4})/(?<serial>[0-9]{1,7})(?<check>[A-Za-z])$")]
    private static partial Regex PncPattern();
}
