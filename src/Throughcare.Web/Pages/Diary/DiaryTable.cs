using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Web.Pages.Diary;

/// <summary>One day's table of a diary (or a list of appointments across days, with their dates), from its owner's side.</summary>
public sealed record DiaryTable(string Heading, IReadOnlyList<DiaryEntry> Entries, IReadOnlyDictionary<Guid, string> Staff, Guid OwnerId, bool WithDate = false)
{
    /// <summary>Who else takes part: the other worker (the second worker, or the worker when the owner is the second) and the interpreter.</summary>
    public string With(DiaryEntry entry)
    {
        var other = entry.WorkerUserId == OwnerId ? entry.SecondWorkerUserId : entry.WorkerUserId;
        var parts = new List<string>();
        if (other is { } id)
        {
            parts.Add(Staff.GetValueOrDefault(id, "Another worker"));
        }

        if (!string.IsNullOrWhiteSpace(entry.Interpreter))
        {
            parts.Add($"Interpreter: {entry.Interpreter}");
        }

        return parts.Count == 0 ? "No one else" : string.Join("; ", parts);
    }

    public static string Caption(DateOnly day, DateOnly today) =>
        day.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) + (day == today ? " (today)" : "");
}

/// <summary>The diary's day and week links and its previous, today and next links, each to the same diary over another period.</summary>
public sealed record DiaryNavigation(DiaryPeriod Period, DateOnly Today, Func<DiaryPeriod, string> Href)
{
    public static string Describe(DiaryPeriod period) => period.View == DiaryView.Week
        ? $"Week from {Display.Date(period.First)} to {Display.Date(period.Last)}"
        : period.First.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
