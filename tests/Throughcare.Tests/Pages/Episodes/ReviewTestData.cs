using System.Globalization;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>Valid review and extension forms.</summary>
public static class ReviewTestData
{
    public static Dictionary<string, string> ReviewForm(DateOnly heldOn, string summary) => new()
    {
        ["SubmissionId"] = Guid.NewGuid().ToString(),
        ["Input.HeldOn.Day"] = heldOn.Day.ToString(CultureInfo.InvariantCulture),
        ["Input.HeldOn.Month"] = heldOn.Month.ToString(CultureInfo.InvariantCulture),
        ["Input.HeldOn.Year"] = heldOn.Year.ToString(CultureInfo.InvariantCulture),
        ["Input.Summary"] = summary,
    };

    public static Dictionary<string, string> ExtendForm(Guid version, DateOnly newEnd, string reason) => new()
    {
        ["Version"] = version.ToString(),
        ["Input.NewPlannedEnd.Day"] = newEnd.Day.ToString(CultureInfo.InvariantCulture),
        ["Input.NewPlannedEnd.Month"] = newEnd.Month.ToString(CultureInfo.InvariantCulture),
        ["Input.NewPlannedEnd.Year"] = newEnd.Year.ToString(CultureInfo.InvariantCulture),
        ["Input.Reason"] = reason,
    };
}
