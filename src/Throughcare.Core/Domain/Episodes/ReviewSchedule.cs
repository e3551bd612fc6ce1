namespace Throughcare.Core.Domain.Episodes;

/// <summary>
/// Review points fall due at each interval from the episode's start (3, 6, 9… months). Each review held covers the
/// earliest point not yet covered, so the next point due is the (reviews held + 1)th.
/// </summary>
public static class ReviewSchedule
{
    public static DateOnly NextDue(DateOnly startedOn, int intervalMonths, int reviewsHeld) =>
        startedOn.AddMonths(Math.Max(1, intervalMonths) * (reviewsHeld + 1));

    /// <summary>Due within the coming fortnight, or already past.</summary>
    public static bool IsDueSoon(DateOnly nextDue, DateOnly today) => nextDue <= today.AddDays(14);

    public static bool IsOverdue(DateOnly nextDue, DateOnly today) => nextDue < today;
}
