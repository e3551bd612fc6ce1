using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Services;

namespace Throughcare.Tests.Domain;

public sealed class EngagementRulesTests
{
    /// <summary>The start of the day the episode started: midnight in the UK, which in January is midnight UTC.</summary>
    private static readonly DateTime Start = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Service Thresholds = new() { Name = "Service", AtRiskMissedInARow = 3, AtRiskWeeksWithoutContact = 4 };

    private static EngagementSignal Assess(DateTime now, params (int Day, Attendance Attendance)[] contacts) =>
        EngagementRules.Assess(EpisodeState.Active, DateOnly.FromDateTime(Start), contacts.Select(c => (Start.AddDays(c.Day), c.Attendance)), now, Thresholds);

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

    [Fact]
    public void AClosedEpisode_IsNeverAtRisk()
    {
        var signal = EngagementRules.Assess(EpisodeState.Closed, DateOnly.FromDateTime(Start), [(Start.AddDays(1), Attendance.DidNotAttend), (Start.AddDays(2), Attendance.DidNotAttend), (Start.AddDays(3), Attendance.DidNotAttend)], Start.AddDays(60), Thresholds);

        signal.AtRisk.ShouldBeFalse();
        signal.Reason.ShouldBeNull();
    }

    /// <summary>In summer the UK day starts at 23:00 UTC the day before: four weeks from the start are counted from then.</summary>
    [Fact]
    public void WeeksWithoutContact_CountFromMidnightInTheUk_InSummerToo()
    {
        var startedOn = new DateOnly(2026, 6, 1);
        var ukMidnight = new DateTime(2026, 5, 31, 23, 0, 0, DateTimeKind.Utc);

        EngagementRules.Assess(EpisodeState.Active, startedOn, [], ukMidnight.AddDays(28).AddMinutes(-1), Thresholds).AtRisk.ShouldBeFalse();
        EngagementRules.Assess(EpisodeState.Active, startedOn, [], ukMidnight.AddDays(28), Thresholds).Reason.ShouldBe("No attended contact in the 4 weeks since the episode opened");
    }

    private static Appointment Appointment(int day, AppointmentState state = AppointmentState.Booked, double hours = 10) =>
        new() { StartsAt = Start.AddDays(day).AddHours(hours), State = state };

    [Fact]
    public void AppointmentsLeftOverdue_CountAsMissed_WithTheContacts()
    {
        var now = Start.AddDays(10);
        var appointments = new[] { Appointment(6), Appointment(8) };

        var signal = EngagementRules.Assess(EpisodeState.Active, DateOnly.FromDateTime(Start), [(Start.AddDays(1), Attendance.Attended), (Start.AddDays(4), Attendance.DidNotAttend)], appointments, now, Thresholds);

        signal.AtRisk.ShouldBeTrue();
        signal.MissedInARow.ShouldBe(3);
        Assess(now, (1, Attendance.Attended), (4, Attendance.DidNotAttend)).AtRisk.ShouldBeFalse();
    }

    [Fact]
    public void AppointmentsNotYetOverdue_CancelledOrClosed_DoNotCountAsMissed()
    {
        var now = Start.AddDays(10);
        var appointments = new[]
        {
            Appointment(9, hours: 12),
            Appointment(5, AppointmentState.Cancelled),
            Appointment(6, AppointmentState.Closed),
            Appointment(12),
        };

        EngagementRules.Missed(appointments, now).ShouldBeEmpty();
        EngagementRules.Missed([Appointment(8, hours: 23)], now).ShouldBe([(Start.AddDays(8).AddHours(23), Attendance.DidNotAttend)]);
    }
}
