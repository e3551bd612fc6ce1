using System.Globalization;

namespace Throughcare.Core.Infrastructure.Text;

/// <summary>How dates and times read on pages: GOV.UK style, in UK time.</summary>
public static class Display
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Today's date in the UK.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, London));

    /// <summary>A UK wall-clock date and time, as entered on a form, in UTC.</summary>
    public static System.DateTime FromLondon(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), London);

    /// <summary>A UTC instant as UK wall-clock time.</summary>
    public static System.DateTime ToLondon(System.DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    /// <summary>A UTC instant as the UK date it fell on.</summary>
    public static DateOnly LondonDate(System.DateTime utc) => DateOnly.FromDateTime(ToLondon(utc));

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", EnGb) ?? "";

    public static string DateTime(DateTime utc)
    {
        var local = ToLondon(utc);
        return local.ToString("d MMMM yyyy 'at' h:mmtt", EnGb).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);
    }

    /// <summary>
    /// A UTC instant as a <c>&lt;time datetime&gt;</c> value: HTML allows at most three digits of a second's fraction,
    /// so the round-trip format ("O", seven digits, and no zone for a value read back from SQLite) is not one.
    /// </summary>
    public static string MachineDateTime(DateTime utc) =>
        System.DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
