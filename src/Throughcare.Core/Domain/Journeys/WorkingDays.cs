using System.Collections.Concurrent;
using PublicHoliday;

namespace Throughcare.Core.Domain.Journeys;

/// <summary>
/// Working days in England and Wales: Monday to Friday, less the bank holidays (with their substitute days) as the
/// PublicHoliday library keeps them, never a hand-typed list.
/// </summary>
public static class WorkingDays
{
    private static readonly UKBankHoliday Calendar = new();
    private static readonly ConcurrentDictionary<int, IReadOnlySet<DateOnly>> ByYear = new();

    /// <summary>The bank holidays of England and Wales in a year.</summary>
    public static IReadOnlySet<DateOnly> BankHolidays(int year) =>
        ByYear.GetOrAdd(year, y => Calendar.PublicHolidays(y).Select(DateOnly.FromDateTime).ToHashSet());

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday && !BankHolidays(date.Year).Contains(date);

    /// <summary>The date this many working days after (or, when negative, before) the given one; zero leaves it as it is.</summary>
    public static DateOnly Add(DateOnly from, int days)
    {
        var step = Math.Sign(days);
        var date = from;
        for (var left = Math.Abs(days); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }
}
