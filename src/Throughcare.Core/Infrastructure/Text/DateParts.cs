using System.Globalization;

namespace Throughcare.Core.Infrastructure.Text;

/// <summary>Day, month and year as typed, so that an impossible date can be echoed back rather than lost in binding.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts
        {
            Day = d.Day.ToString(CultureInfo.InvariantCulture),
            Month = d.Month.ToString(CultureInfo.InvariantCulture),
            Year = d.Year.ToString(CultureInfo.InvariantCulture),
        }
        : new DateParts();

    public bool TryGetDate(out DateOnly date)
    {
        date = default;
        if (!TryParse(Year, out var year) || year is < 1 or > 9999
            || !TryParse(Month, out var month) || month is < 1 or > 12
            || !TryParse(Day, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    // Digits only: int.TryParse alone would accept trailing NULs, and the length cap rules out overflow.
    private static bool TryParse(string? text, out int value)
    {
        var digits = text?.Trim() ?? string.Empty;
        value = 0;
        return digits.Length is > 0 and <= 4 && digits.All(char.IsAsciiDigit)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
