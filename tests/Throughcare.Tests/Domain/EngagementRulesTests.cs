using Throughcare.Web.Domain.Episodes;

namespace Throughcare.Tests.Domain;

public sealed class EngagementRulesTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc);

    private static EngagementSignal Assess(DateTime now, params (int Day, Attendance Attendance)[] contacts) =>
        EngagementRules.Assess(contacts.Select(c => (Start.AddDays(c.Day), c.Attendance)), Start, now, missedInARowThreshold: 3, weeksWithoutContactThreshold: 4);

    [Fact]
    public void ThreeDidNotAttendsInARow_IsAtRisk()
    {
        var signal = Assess(Start.AddDays(10), (1, Attendance.Attended), (3, Attendance.DidNotAttend), (5, Attendance.DidNotAttend), (7, Attendance.DidNotAttend));

        signal.AtRisk.ShouldBeTrue();
        signal.MissedInARow.ShouldBe(3);
        signal.Reason.ShouldBe("3 did-not-attends in a row");
    }

    [Fact]
    public void AnAttendedContactBreaksTheRun()
    {
        var signal = Assess(Start.AddDays(10), (1, Attendance.DidNotAttend), (3, Attendance.DidNotAttend), (5, Attendance.Late), (7, Attendance.DidNotAttend));

        signal.AtRisk.ShouldBeFalse();
        signal.MissedInARow.ShouldBe(1);
        signal.LastAttendedAt.ShouldBe(Start.AddDays(5));
    }

    [Fact]
    public void CancellationsDoNotBreakOrExtendTheRun()
    {
        var signal = Assess(Start.AddDays(10), (1, Attendance.DidNotAttend), (2, Attendance.CancelledByService), (3, Attendance.DidNotAttend), (4, Attendance.CancelledByPerson), (5, Attendance.DidNotAttend));

        signal.MissedInARow.ShouldBe(3);
        signal.AtRisk.ShouldBeTrue();
    }

    [Fact]
    public void FourWeeksWithoutAnAttendedContact_IsAtRisk_AndJustUnderIsNot()
    {
        Assess(Start.AddDays(2 + 27), (2, Attendance.Attended)).AtRisk.ShouldBeFalse();

        var signal = Assess(Start.AddDays(2 + 28), (2, Attendance.Attended));

        signal.AtRisk.ShouldBeTrue();
        signal.Reason.ShouldBe("No attended contact for 4 weeks");
    }

    [Fact]
    public void NoContactSinceTheStart_CountsFromTheStart()
    {
        Assess(Start.AddDays(20)).AtRisk.ShouldBeFalse();
        Assess(Start.AddDays(35)).Reason.ShouldBe("No attended contact in the 5 weeks since the episode opened");
    }

    [Fact]
    public void FutureContacts_AreIgnored()
    {
        var signal = Assess(Start.AddDays(10), (1, Attendance.DidNotAttend), (2, Attendance.DidNotAttend), (3, Attendance.DidNotAttend), (20, Attendance.Attended));

        signal.AtRisk.ShouldBeTrue();
    }
}
