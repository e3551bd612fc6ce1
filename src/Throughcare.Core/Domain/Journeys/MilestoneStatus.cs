using System.Linq.Expressions;

namespace Throughcare.Core.Domain.Journeys;

/// <summary>How a milestone reads on the journey and in the lists.</summary>
public enum MilestoneStanding { Done, NotApplicable, NotNeeded, Waiting, Overdue, DueThisWeek, Due }

/// <summary>
/// Where a milestone stands today, and when it is overdue or due this week: the one statement of each, for the
/// person's journey, the team's and borough's lists, the reminders and the API. Overdue is computed, never stored.
/// </summary>
public static class MilestoneStatus
{
    /// <summary>"This week" is the seven days from today.</summary>
    public const int WeekDays = 7;

    public static bool IsOverdue(Milestone m, DateOnly today) => IsOpenAndDue(m) && m.DueOn < today;

    public static bool IsDueThisWeek(Milestone m, DateOnly today) => IsOpenAndDue(m) && m.DueOn >= today && m.DueOn < today.AddDays(WeekDays);

    /// <summary>The same rule as <see cref="IsOverdue"/>, for a query.</summary>
    public static Expression<Func<Milestone, bool>> Overdue(DateOnly today) =>
        m => m.State == MilestoneState.Open && m.Applies && m.DueOn != null && m.DueOn < today;

    /// <summary>The same rule as <see cref="IsDueThisWeek"/>, for a query.</summary>
    public static Expression<Func<Milestone, bool>> DueThisWeek(DateOnly today)
    {
        var end = today.AddDays(WeekDays);
        return m => m.State == MilestoneState.Open && m.Applies && m.DueOn != null && m.DueOn >= today && m.DueOn < end;
    }

    public static MilestoneStanding Of(Milestone m, DateOnly today) => m switch
    {
        { State: MilestoneState.Done } => MilestoneStanding.Done,
        { State: MilestoneState.NotApplicable } => MilestoneStanding.NotApplicable,
        { Applies: false } => MilestoneStanding.NotNeeded,
        { DueOn: null } => MilestoneStanding.Waiting,
        _ when IsOverdue(m, today) => MilestoneStanding.Overdue,
        _ when IsDueThisWeek(m, today) => MilestoneStanding.DueThisWeek,
        _ => MilestoneStanding.Due,
    };

    public static string Label(MilestoneStanding standing) => standing switch
    {
        MilestoneStanding.Done => "Done",
        MilestoneStanding.NotApplicable => "Not applicable",
        MilestoneStanding.NotNeeded => "Not needed",
        MilestoneStanding.Waiting => "Waiting",
        MilestoneStanding.Overdue => "Overdue",
        MilestoneStanding.DueThisWeek => "Due this week",
        MilestoneStanding.Due => "Due",
        _ => standing.ToString(),
    };

    /// <summary>The GOV.UK tag colour for the standing.</summary>
    public static string Colour(MilestoneStanding standing) => standing switch
    {
        MilestoneStanding.Done => "green",
        MilestoneStanding.Overdue => "red",
        MilestoneStanding.DueThisWeek => "yellow",
        MilestoneStanding.Due => "blue",
        _ => "grey",
    };

    private static bool IsOpenAndDue(Milestone m) => m.State == MilestoneState.Open && m.Applies && m.DueOn is not null;
}
