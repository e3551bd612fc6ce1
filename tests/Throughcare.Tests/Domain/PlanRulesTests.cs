using Throughcare.Core.Domain.Episodes;

namespace Throughcare.Tests.Domain;

public sealed class PlanRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData(NeedLevel.High, NeedLevel.Medium, NeedChange.Down, "High → Medium, down")]
    [InlineData(NeedLevel.None, NeedLevel.Low, NeedChange.Up, "None → Low, up")]
    [InlineData(NeedLevel.Medium, NeedLevel.Medium, NeedChange.Same, "Medium, no change")]
    public void Change_SaysHowNeedMovedInWords(NeedLevel first, NeedLevel latest, NeedChange change, string words)
    {
        var result = PlanService.Change(first, latest);

        result.Change.ShouldBe(change);
        result.Words.ShouldBe(words);
    }

    [Theory]
    [InlineData(ActionStatus.NotStarted, -1, true)]
    [InlineData(ActionStatus.InProgress, -30, true)]
    [InlineData(ActionStatus.InProgress, 0, false)]
    [InlineData(ActionStatus.NotStarted, 5, false)]
    [InlineData(ActionStatus.Done, -1, false)]
    [InlineData(ActionStatus.NoLongerNeeded, -1, false)]
    public void IsOverdue_OnlyForOpenActionsPastTheirDueDate(ActionStatus status, int dueInDays, bool overdue)
    {
        var action = new GoalAction { Description = "x", Status = status, DueOn = Today.AddDays(dueInDays) };

        action.IsOverdue(Today).ShouldBe(overdue);
    }

    [Fact]
    public void IsOverdue_IsFalseWithoutADueDate() =>
        new GoalAction { Description = "x", Status = ActionStatus.NotStarted }.IsOverdue(Today).ShouldBeFalse();
}
