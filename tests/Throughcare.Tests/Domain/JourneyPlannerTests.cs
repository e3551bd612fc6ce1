using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Journeys;

namespace Throughcare.Tests.Domain;

/// <summary>
/// The journey's dates against hand-worked examples: every expected date below was counted on a calendar, not
/// computed, and the comment beside it says how. Bank holidays are those of England and Wales as GOV.UK lists them.
/// </summary>
public sealed class JourneyPlannerTests
{
    private static readonly JourneyFacts NoFacts = new(null, new HashSet<Guid>(), new Dictionary<string, DateOnly>());

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static CustodyPeriod Period(
        SentenceType type = SentenceType.Determinate, int? months = 24, DateOnly? expectedRelease = null, DateOnly? released = null,
        ReleaseAccommodation? accommodation = null, string? borough = null) => new()
        {
            ReceptionOn = D(2027, 12, 22),
            SentenceOn = D(2027, 12, 20),
            SentenceType = type,
            SentenceLengthMonths = months,
            ExpectedReleaseOn = expectedRelease,
            ReleasedOn = released,
            Accommodation = accommodation,
            ReleaseBorough = borough,
        };

    private static MilestoneDefinition Definition(
        MilestoneAnchor anchor = MilestoneAnchor.Reception, int offset = 0, OffsetUnit unit = OffsetUnit.CalendarDays, string? after = null) => new()
        {
            Code = "test",
            Title = "Test milestone",
            Anchor = anchor,
            Offset = offset,
            Unit = unit,
            AnchorMilestoneCode = after,
        };

    private static JourneyFacts Facts(DateOnly? episodeStart = null, IEnumerable<Guid>? services = null, Dictionary<string, DateOnly>? done = null) =>
        new(episodeStart, (services ?? []).ToHashSet(), done ?? new Dictionary<string, DateOnly>());

    // ----- The bank holidays themselves -----

    [Fact]
    public void BankHolidays_2026_AreEnglandAndWales_WithBoxingDaySubstitute()
    {
        // GOV.UK, England and Wales 2026: New Year's Day Thu 1 Jan; Good Friday 3 Apr and Easter Monday 6 Apr (Easter
        // Sunday is 5 Apr); early May Mon 4 May; spring Mon 25 May; summer Mon 31 Aug; Christmas Fri 25 Dec; Boxing Day
        // falls on Sat 26 Dec, so its substitute is Mon 28 Dec. No Scottish (2 Jan, St Andrew's) or Northern Irish days.
        WorkingDays.BankHolidays(2026).Order().ShouldBe(
        [
            D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4), D(2026, 5, 25), D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28),
        ]);
    }

    [Fact]
    public void BankHolidays_2027_AreEnglandAndWales_WithBothChristmasSubstitutes()
    {
        // 2027: New Year's Day Fri 1 Jan; Easter Sunday 28 Mar, so Good Friday 26 Mar and Easter Monday 29 Mar; early
        // May Mon 3 May; spring Mon 31 May; summer Mon 30 Aug; Christmas Day Sat 25 Dec and Boxing Day Sun 26 Dec, so
        // their substitutes are Mon 27 Dec and Tue 28 Dec.
        WorkingDays.BankHolidays(2027).Order().ShouldBe(
        [
            D(2027, 1, 1), D(2027, 3, 26), D(2027, 3, 29), D(2027, 5, 3), D(2027, 5, 31), D(2027, 8, 30), D(2027, 12, 27), D(2027, 12, 28),
        ]);
    }

    [Fact]
    public void BankHolidays_2028_IncludeTheNewYearSubstitute()
    {
        // 2028: New Year's Day is Sat 1 Jan, so its substitute is Mon 3 Jan; Easter Sunday 16 Apr, so Good Friday 14 Apr
        // and Easter Monday 17 Apr; early May Mon 1 May; spring Mon 29 May; summer Mon 28 Aug; Christmas Mon 25 Dec and
        // Boxing Day Tue 26 Dec, on their own days.
        WorkingDays.BankHolidays(2028).Order().ShouldBe(
        [
            D(2028, 1, 3), D(2028, 4, 14), D(2028, 4, 17), D(2028, 5, 1), D(2028, 5, 29), D(2028, 8, 28), D(2028, 12, 25), D(2028, 12, 26),
        ]);
    }

    // ----- Working days across Christmas -----

    [Fact]
    public void FiveWorkingDaysAfterWednesday22December2027_IsFriday31December()
    {
        // Thu 23 (1), Fri 24 (2), Sat 25 and Sun 26 weekend, Mon 27 and Tue 28 substitute bank holidays,
        // Wed 29 (3), Thu 30 (4), Fri 31 (5).
        WorkingDays.Add(D(2027, 12, 22), 5).ShouldBe(D(2027, 12, 31));
        JourneyPlanner.Offset(D(2027, 12, 22), 5, OffsetUnit.WorkingDays).ShouldBe(D(2027, 12, 31));
    }

    [Fact]
    public void SixWorkingDaysAfterWednesday22December2027_CrossesIntoTheNewYearSubstitute_IsTuesday4January2028()
    {
        // As above to Fri 31 Dec (5); then Sat 1 and Sun 2 Jan weekend, Mon 3 Jan the New Year's Day substitute
        // (1 Jan 2028 is a Saturday), Tue 4 Jan (6). The holidays of the next year count when the count crosses into it.
        WorkingDays.Add(D(2027, 12, 22), 6).ShouldBe(D(2028, 1, 4));
    }

    [Fact]
    public void FiveWorkingDaysAfterWednesday23December2026_IsMonday4January2027()
    {
        // Thu 24 Dec (1), Fri 25 Christmas Day, Sat 26 and Sun 27 weekend, Mon 28 the Boxing Day substitute,
        // Tue 29 (2), Wed 30 (3), Thu 31 (4), Fri 1 Jan 2027 New Year's Day, Sat 2 and Sun 3 weekend, Mon 4 Jan (5).
        WorkingDays.Add(D(2026, 12, 23), 5).ShouldBe(D(2027, 1, 4));
    }

    // ----- Working days across Easter -----

    [Fact]
    public void ThreeWorkingDaysAfterThursday25March2027_IsThursday1April()
    {
        // Easter Sunday is 28 Mar 2027. Fri 26 Good Friday, Sat 27 and Sun 28 weekend, Mon 29 Easter Monday,
        // Tue 30 (1), Wed 31 (2), Thu 1 Apr (3).
        WorkingDays.Add(D(2027, 3, 25), 3).ShouldBe(D(2027, 4, 1));
    }

    // ----- Substitute and Monday bank holidays on their own -----

    [Fact]
    public void OneWorkingDayAfterFriday31December2027_SkipsTheNewYearSubstitute_IsTuesday4January2028()
    {
        // 1 Jan 2028 is a Saturday, so Mon 3 Jan is the substitute bank holiday: Sat 1, Sun 2, Mon 3 skipped; Tue 4 (1).
        WorkingDays.Add(D(2027, 12, 31), 1).ShouldBe(D(2028, 1, 4));
    }

    [Fact]
    public void OneWorkingDayAfterFriday30April2027_SkipsTheEarlyMayBankHoliday_IsTuesday4May()
    {
        // Sat 1 and Sun 2 May weekend, Mon 3 May the early May bank holiday, Tue 4 May (1).
        WorkingDays.Add(D(2027, 4, 30), 1).ShouldBe(D(2027, 5, 4));
    }

    [Fact]
    public void OneWorkingDayAfterFriday28August2026_SkipsTheSummerBankHoliday_IsTuesday1September()
    {
        // Sat 29 and Sun 30 Aug weekend, Mon 31 Aug the summer bank holiday, Tue 1 Sep (1).
        WorkingDays.Add(D(2026, 8, 28), 1).ShouldBe(D(2026, 9, 1));
    }

    // ----- Negative offsets -----

    [Fact]
    public void ThreeWorkingDaysBeforeTuesday30March2027_SkipsEasterBackwards_IsTuesday23March()
    {
        // Tue 30 Mar is the day after Easter Monday. Back: Mon 29 Easter Monday, Sun 28 and Sat 27 weekend,
        // Fri 26 Good Friday, Thu 25 (1), Wed 24 (2), Tue 23 (3).
        WorkingDays.Add(D(2027, 3, 30), -3).ShouldBe(D(2027, 3, 23));
        JourneyPlanner.Offset(D(2027, 3, 30), -3, OffsetUnit.WorkingDays).ShouldBe(D(2027, 3, 23));
    }

    [Fact]
    public void TwoWorkingDaysBeforeWednesday29December2027_SkipsChristmasBackwards_IsThursday23December()
    {
        // Back: Tue 28 and Mon 27 substitute bank holidays, Sun 26 and Sat 25 weekend, Fri 24 (1), Thu 23 (2).
        WorkingDays.Add(D(2027, 12, 29), -2).ShouldBe(D(2027, 12, 23));
    }

    [Fact]
    public void OneWorkingDayBeforeMonday3January2028_IsFriday31December2027()
    {
        // Back from the New Year substitute: Sun 2 and Sat 1 Jan weekend, Fri 31 Dec 2027 (1).
        WorkingDays.Add(D(2028, 1, 3), -1).ShouldBe(D(2027, 12, 31));
    }

    [Fact]
    public void TwentyEightCalendarDaysBeforeThursday9March2028_CrossesLeapDay_IsThursday10February()
    {
        // 2028 is a leap year. Back from 9 Mar: 1 Mar is 8 days before, 29 Feb 9 days, then 19 more to 10 Feb (28).
        // Four whole weeks, so a Thursday again.
        JourneyPlanner.Offset(D(2028, 3, 9), -28, OffsetUnit.CalendarDays).ShouldBe(D(2028, 2, 10));
    }

    [Fact]
    public void CalendarDays_CountWeekendsAndBankHolidays()
    {
        // Calendar days take no notice of Christmas: 22 Dec 2027 + 5 is Mon 27 Dec, itself a bank holiday.
        JourneyPlanner.Offset(D(2027, 12, 22), 5, OffsetUnit.CalendarDays).ShouldBe(D(2027, 12, 27));
    }

    // ----- Zero offset -----

    [Fact]
    public void ZeroOffset_LeavesTheDateAsItIs_EvenOnAWeekendOrBankHoliday()
    {
        // Sat 25 Dec 2027 is not a working day, but zero working days from it is still that day.
        WorkingDays.Add(D(2027, 12, 25), 0).ShouldBe(D(2027, 12, 25));
        JourneyPlanner.Offset(D(2027, 12, 27), 0, OffsetUnit.WorkingDays).ShouldBe(D(2027, 12, 27));
        JourneyPlanner.Offset(D(2027, 12, 22), 0, OffsetUnit.CalendarDays).ShouldBe(D(2027, 12, 22));
    }

    // ----- IsWorkingDay -----

    [Fact]
    public void IsWorkingDay_WeekendBankHolidayAndOrdinaryDay()
    {
        WorkingDays.IsWorkingDay(D(2027, 12, 25)).ShouldBeFalse(); // Saturday (and Christmas Day)
        WorkingDays.IsWorkingDay(D(2027, 12, 26)).ShouldBeFalse(); // Sunday
        WorkingDays.IsWorkingDay(D(2027, 12, 27)).ShouldBeFalse(); // Monday, Christmas Day substitute
        WorkingDays.IsWorkingDay(D(2027, 12, 28)).ShouldBeFalse(); // Tuesday, Boxing Day substitute
        WorkingDays.IsWorkingDay(D(2027, 3, 26)).ShouldBeFalse(); // Good Friday
        WorkingDays.IsWorkingDay(D(2027, 3, 29)).ShouldBeFalse(); // Easter Monday
        WorkingDays.IsWorkingDay(D(2028, 1, 3)).ShouldBeFalse(); // Monday, New Year's Day substitute
        WorkingDays.IsWorkingDay(D(2027, 12, 29)).ShouldBeTrue(); // an ordinary Wednesday
        WorkingDays.IsWorkingDay(D(2028, 1, 4)).ShouldBeTrue(); // the Tuesday after the substitute
        WorkingDays.IsWorkingDay(D(2027, 3, 25)).ShouldBeTrue(); // Maundy Thursday is not a holiday
    }

    // ----- Conditions -----

    [Theory]
    [InlineData(SentenceType.Determinate, 18, true)]
    [InlineData(SentenceType.Determinate, 13, true)]
    [InlineData(SentenceType.Determinate, 12, false)]
    [InlineData(SentenceType.Determinate, 6, false)]
    [InlineData(SentenceType.ExtendedDeterminate, 48, true)]
    [InlineData(SentenceType.IndeterminatePublicProtection, null, true)]
    [InlineData(SentenceType.Life, null, true)]
    [InlineData(SentenceType.Remand, null, false)]
    public void SentenceOverTwelveMonths_AppliesOnlyToLongerSentences_AndIndeterminateOnes(SentenceType type, int? months, bool applies)
    {
        var definition = Definition();
        definition.OnlyIfSentenceOverMonths = 12;

        var planned = JourneyPlanner.Plan(definition, Period(type, months), NoFacts);

        planned.Applies.ShouldBe(applies);
        planned.NotNeededBecause.ShouldBe(applies ? null : "Only for sentences over 12 months");
    }

    [Theory]
    [InlineData(SentenceType.IndeterminatePublicProtection, true)]
    [InlineData(SentenceType.Life, true)]
    [InlineData(SentenceType.Determinate, false)]
    [InlineData(SentenceType.ExtendedDeterminate, false)]
    [InlineData(SentenceType.Remand, false)]
    [InlineData(SentenceType.Recall, false)]
    public void IndeterminateOnly(SentenceType type, bool applies)
    {
        var definition = Definition();
        definition.OnlyIfIndeterminate = true;

        JourneyPlanner.NotNeeded(definition, Period(type, null), NoFacts).ShouldBe(applies ? null : "Only for indeterminate sentences");
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(ReleaseAccommodation.NoFixedAbode, true)]
    [InlineData(ReleaseAccommodation.Settled, false)]
    [InlineData(ReleaseAccommodation.Temporary, false)]
    [InlineData(ReleaseAccommodation.ApprovedPremises, false)]
    public void NoAccommodation_AppliesWhileNoneIsRecorded_AndNoFixedAbodeCountsAsNone(ReleaseAccommodation? accommodation, bool applies)
    {
        var definition = Definition();
        definition.OnlyIfNoAccommodation = true;

        JourneyPlanner.NotNeeded(definition, Period(accommodation: accommodation), NoFacts)
            .ShouldBe(applies ? null : "Accommodation on release is recorded");
    }

    [Fact]
    public void Borough_AppliesOnlyToPeopleReleasedThere()
    {
        var definition = Definition();
        definition.OnlyIfBorough = "hackney";

        JourneyPlanner.NotNeeded(definition, Period(borough: "hackney"), NoFacts).ShouldBeNull();
        JourneyPlanner.NotNeeded(definition, Period(borough: "camden"), NoFacts).ShouldBe("Only for people released to Hackney");
        JourneyPlanner.NotNeeded(definition, Period(borough: null), NoFacts).ShouldBe("Only for people released to Hackney");
    }

    [Fact]
    public void Service_AppliesOnlyWithAnOpenEpisodeInIt()
    {
        var service = Guid.NewGuid();
        var definition = Definition();
        definition.OnlyIfServiceId = service;

        JourneyPlanner.NotNeeded(definition, Period(), Facts(services: [Guid.NewGuid(), service])).ShouldBeNull();
        JourneyPlanner.NotNeeded(definition, Period(), Facts(services: [Guid.NewGuid()])).ShouldBe("Only for people in a particular service");
        JourneyPlanner.NotNeeded(definition, Period(), NoFacts).ShouldBe("Only for people in a particular service");
    }

    [Fact]
    public void AMilestoneThatDoesNotApply_IsStillDated()
    {
        // Applying and dating are separate: a milestone whose condition fails keeps the date it would have.
        var definition = Definition(MilestoneAnchor.Reception, 5, OffsetUnit.WorkingDays);
        definition.OnlyIfIndeterminate = true;

        var planned = JourneyPlanner.Plan(definition, Period(), NoFacts);

        planned.Applies.ShouldBeFalse();
        planned.DueOn.ShouldBe(D(2027, 12, 31)); // reception Wed 22 Dec 2027 + 5 working days, as worked above
    }

    // ----- Chained milestones -----

    [Fact]
    public void ChainedMilestone_WaitsForTheOther_ThenIsDatedFromItsDoneDate()
    {
        var definition = Definition(MilestoneAnchor.Milestone, 5, OffsetUnit.WorkingDays, after: ShippedJourney.DischargeConference);

        var waiting = JourneyPlanner.Plan(definition, Period(), NoFacts);
        waiting.DueOn.ShouldBeNull();
        waiting.WaitingFor.ShouldBe("another milestone to be done");
        waiting.Applies.ShouldBeTrue();

        // Another milestone being done does not date it.
        JourneyPlanner.Plan(definition, Period(), Facts(done: new() { [ShippedJourney.FirstNight] = D(2028, 12, 22) })).DueOn.ShouldBeNull();

        // The conference done on Fri 22 Dec 2028: Sat 23 and Sun 24 weekend, Mon 25 Christmas Day, Tue 26 Boxing Day,
        // Wed 27 (1), Thu 28 (2), Fri 29 (3), Sat 30 and Sun 31 weekend, Mon 1 Jan 2029 New Year's Day, Tue 2 (4), Wed 3 (5).
        var dated = JourneyPlanner.Plan(definition, Period(), Facts(done: new() { [ShippedJourney.DischargeConference] = D(2028, 12, 22) }));
        dated.DueOn.ShouldBe(D(2029, 1, 3));
        dated.WaitingFor.ShouldBeNull();
    }

    [Fact]
    public void ShippedDischargePlan_FollowsTheDischargeConference()
    {
        var period = Period(expectedRelease: D(2028, 12, 11));

        var before = JourneyPlanner.Plan(ShippedJourney.Milestones, period, NoFacts).Single(p => p.Definition.Code == ShippedJourney.DischargePlan);
        before.DueOn.ShouldBeNull();
        before.WaitingFor.ShouldBe("another milestone to be done");

        // Conference done Mon 20 Nov 2028; five working days: Tue 21, Wed 22, Thu 23, Fri 24, then Mon 27 Nov (5).
        var facts = Facts(done: new() { [ShippedJourney.DischargeConference] = D(2028, 11, 20) });
        JourneyPlanner.Plan(ShippedJourney.Milestones, period, facts).Single(p => p.Definition.Code == ShippedJourney.DischargePlan)
            .DueOn.ShouldBe(D(2028, 11, 27));
    }

    // ----- Anchors -----

    [Fact]
    public void ExpectedRelease_UsesTheActualReleaseDateOnceReleased()
    {
        var definition = Definition(MilestoneAnchor.ExpectedRelease, -28);

        // Expected Mon 11 Dec 2028 - 28 days: back 11 to Thu 30 Nov, 17 more to Mon 13 Nov.
        JourneyPlanner.Plan(definition, Period(expectedRelease: D(2028, 12, 11)), NoFacts).DueOn.ShouldBe(D(2028, 11, 13));

        // Released early, on Fri 1 Dec 2028: - 28 days is Fri 3 Nov (1 Dec back 1 to 30 Nov, 27 more to 3 Nov).
        JourneyPlanner.Plan(definition, Period(expectedRelease: D(2028, 12, 11), released: D(2028, 12, 1)), NoFacts)
            .DueOn.ShouldBe(D(2028, 11, 3));

        var unknown = JourneyPlanner.Plan(definition, Period(), NoFacts);
        unknown.DueOn.ShouldBeNull();
        unknown.WaitingFor.ShouldBe("the expected release date");
    }

    [Fact]
    public void Release_HasNoDateBeforeRelease()
    {
        var definition = Definition(MilestoneAnchor.Release, 1);

        var before = JourneyPlanner.Plan(definition, Period(expectedRelease: D(2028, 12, 11)), NoFacts);
        before.DueOn.ShouldBeNull();
        before.WaitingFor.ShouldBe("the release");

        // Released Fri 22 Dec 2028: one calendar day later is Sat 23 Dec (calendar days ignore the weekend).
        var after = JourneyPlanner.Plan(definition, Period(expectedRelease: D(2028, 12, 11), released: D(2028, 12, 22)), NoFacts);
        after.DueOn.ShouldBe(D(2028, 12, 23));
        after.WaitingFor.ShouldBeNull();
    }

    [Fact]
    public void EpisodeStart_UsesTheFactsEpisodeStart()
    {
        var definition = Definition(MilestoneAnchor.EpisodeStart, 3, OffsetUnit.WorkingDays);

        var none = JourneyPlanner.Plan(definition, Period(), NoFacts);
        none.DueOn.ShouldBeNull();
        none.WaitingFor.ShouldBe("an episode of care to start");

        // Episode started Thu 25 Mar 2027: three working days past Easter is Thu 1 Apr, as worked above.
        JourneyPlanner.Plan(definition, Period(), Facts(episodeStart: D(2027, 3, 25))).DueOn.ShouldBe(D(2027, 4, 1));
    }

    [Fact]
    public void KeyDateAnchors_ReadTheirOwnDates()
    {
        var period = Period();
        period.ConditionalReleaseOn = D(2028, 12, 11);
        period.ParoleEligibilityOn = D(2029, 6, 4);
        period.HomeDetentionCurfewEligibilityOn = D(2028, 9, 1);

        JourneyPlanner.Plan(Definition(MilestoneAnchor.Sentence), period, NoFacts).DueOn.ShouldBe(D(2027, 12, 20));
        JourneyPlanner.Plan(Definition(MilestoneAnchor.Reception), period, NoFacts).DueOn.ShouldBe(D(2027, 12, 22));
        JourneyPlanner.Plan(Definition(MilestoneAnchor.ConditionalRelease), period, NoFacts).DueOn.ShouldBe(D(2028, 12, 11));
        JourneyPlanner.Plan(Definition(MilestoneAnchor.ParoleEligibility), period, NoFacts).DueOn.ShouldBe(D(2029, 6, 4));
        JourneyPlanner.Plan(Definition(MilestoneAnchor.HomeDetentionCurfewEligibility), period, NoFacts).DueOn.ShouldBe(D(2028, 9, 1));
    }

    // ----- Recomputation when the expected release moves -----

    [Fact]
    public void ShippedJourney_ReleaseAnchoredDatesFollowTheExpectedRelease_AndTheOthersStay()
    {
        // A determinate 24-month sentence: sentenced Mon 20 Dec 2027, received Wed 22 Dec 2027.
        var period = Period(SentenceType.Determinate, 24);

        // Expected release Mon 11 Dec 2028.
        period.ExpectedReleaseOn = D(2028, 12, 11);
        var first = Dates(period);
        // - 91 days (13 weeks, a Monday): back 11 to 30 Nov, 30 to 31 Oct, 31 to 30 Sep, 19 to Mon 11 Sep.
        first["outside-agency-referrals"].ShouldBe(D(2028, 9, 11));
        // - 28 days: back 11 to 30 Nov, 17 more to Mon 13 Nov.
        first[ShippedJourney.EmergencyHousing].ShouldBe(D(2028, 11, 13));
        // - 21 days: back 11 to 30 Nov, 10 more to Mon 20 Nov.
        first[ShippedJourney.DischargeConference].ShouldBe(D(2028, 11, 20));

        // Moved later by 14 days, to Mon 25 Dec 2028.
        period.ExpectedReleaseOn = D(2028, 12, 25);
        var later = Dates(period);
        // - 91: back 25 to 30 Nov, 30 to 31 Oct, 31 to 30 Sep, 5 to Mon 25 Sep.
        later["outside-agency-referrals"].ShouldBe(D(2028, 9, 25));
        // - 28: back 25 to 30 Nov, 3 more to Mon 27 Nov.
        later[ShippedJourney.EmergencyHousing].ShouldBe(D(2028, 11, 27));
        // - 21: Mon 4 Dec, three weeks before.
        later[ShippedJourney.DischargeConference].ShouldBe(D(2028, 12, 4));

        // Moved earlier, to 7 days before the first date: Mon 4 Dec 2028.
        period.ExpectedReleaseOn = D(2028, 12, 4);
        var earlier = Dates(period);
        // - 91: back 4 to 30 Nov, 30 to 31 Oct, 31 to 30 Sep, 26 to Mon 4 Sep.
        earlier["outside-agency-referrals"].ShouldBe(D(2028, 9, 4));
        // - 28: back 4 to 30 Nov, 24 more to Mon 6 Nov.
        earlier[ShippedJourney.EmergencyHousing].ShouldBe(D(2028, 11, 6));
        // - 21: back 4 to 30 Nov, 17 more to Mon 13 Nov.
        earlier[ShippedJourney.DischargeConference].ShouldBe(D(2028, 11, 13));

        // The reception- and sentence-anchored milestones are the same each time.
        foreach (var dates in new[] { first, later, earlier })
        {
            // Reception Wed 22 Dec 2027, calendar day 0.
            dates[ShippedJourney.FirstNight].ShouldBe(D(2027, 12, 22));
            // + 5 working days: Fri 31 Dec 2027, as worked above.
            dates["wing-induction"].ShouldBe(D(2027, 12, 31));
            // + 10: on from Fri 31 Dec (5), past Mon 3 Jan (the substitute): Tue 4 (6), Wed 5 (7), Thu 6 (8), Fri 7 (9), Mon 10 Jan 2028 (10).
            dates["initial-needs-assessment"].ShouldBe(D(2028, 1, 10));
            // + 15: Tue 11 (11), Wed 12 (12), Thu 13 (13), Fri 14 (14), Mon 17 Jan 2028 (15).
            dates["pathway-referrals"].ShouldBe(D(2028, 1, 17));
            // + 28 calendar days: on 9 to 31 Dec, 19 more to Wed 19 Jan 2028.
            dates["housing-assessment"].ShouldBe(D(2028, 1, 19));
            // Sentence Mon 20 Dec 2027 + 15 calendar days: on 11 to 31 Dec, 4 more to Tue 4 Jan 2028.
            dates["oasys"].ShouldBe(D(2028, 1, 4));
            dates["supervision-plan"].ShouldBe(D(2028, 1, 4));
            // + 21: three weeks, Mon 10 Jan 2028.
            dates["offender-supervisor-assessment"].ShouldBe(D(2028, 1, 10));
            dates["initial-conference"].ShouldBe(D(2028, 1, 10));
            // Not yet released, no parole eligibility date, the conference not done: all waiting.
            dates[ShippedJourney.DischargePlan].ShouldBeNull();
            dates[ShippedJourney.ReleaseAppointment].ShouldBeNull();
            dates["outcomes-three-months"].ShouldBeNull();
            dates["parole-dossier"].ShouldBeNull();
        }
    }

    [Fact]
    public void ShippedJourney_ConditionsForADeterminate24MonthSentenceWithoutAccommodation()
    {
        var planned = JourneyPlanner.Plan(ShippedJourney.Milestones, Period(SentenceType.Determinate, 24, D(2028, 12, 11)), NoFacts);

        planned.Select(p => p.Definition.Order).ShouldBe(Enumerable.Range(1, 16));
        planned.Where(p => !p.Applies).Select(p => p.Definition.Code).ShouldBe(["parole-dossier"]);
    }

    private static Dictionary<string, DateOnly?> Dates(CustodyPeriod period) =>
        JourneyPlanner.Plan(ShippedJourney.Milestones, period, NoFacts).ToDictionary(p => p.Definition.Code, p => p.DueOn);

    // ----- Status -----

    private static readonly DateOnly Today = D(2028, 11, 15); // a Wednesday

    private static Milestone Milestone(DateOnly? dueOn, MilestoneState state = MilestoneState.Open, bool applies = true) =>
        new() { DueOn = dueOn, State = state, Applies = applies };

    [Fact]
    public void Standing_EachCase()
    {
        MilestoneStatus.Of(Milestone(Today.AddDays(-30), MilestoneState.Done), Today).ShouldBe(MilestoneStanding.Done);
        MilestoneStatus.Of(Milestone(Today.AddDays(-30), MilestoneState.NotApplicable), Today).ShouldBe(MilestoneStanding.NotApplicable);
        MilestoneStatus.Of(Milestone(Today.AddDays(-30), applies: false), Today).ShouldBe(MilestoneStanding.NotNeeded);
        MilestoneStatus.Of(Milestone(null), Today).ShouldBe(MilestoneStanding.Waiting);
        MilestoneStatus.Of(Milestone(D(2028, 11, 14)), Today).ShouldBe(MilestoneStanding.Overdue); // yesterday
        MilestoneStatus.Of(Milestone(D(2028, 11, 15)), Today).ShouldBe(MilestoneStanding.DueThisWeek); // today
        MilestoneStatus.Of(Milestone(D(2028, 11, 21)), Today).ShouldBe(MilestoneStanding.DueThisWeek); // the 7th day, Tue 21 Nov
        MilestoneStatus.Of(Milestone(D(2028, 11, 22)), Today).ShouldBe(MilestoneStanding.Due); // a week today, Wed 22 Nov
    }

    [Fact]
    public void DoneOrNotApplicable_IsNeverOverdue_AndNotNeededIsNeverOverdue()
    {
        var past = D(2028, 1, 1);

        MilestoneStatus.IsOverdue(Milestone(past, MilestoneState.Done), Today).ShouldBeFalse();
        MilestoneStatus.IsOverdue(Milestone(past, MilestoneState.NotApplicable), Today).ShouldBeFalse();
        MilestoneStatus.IsOverdue(Milestone(past, applies: false), Today).ShouldBeFalse();
        MilestoneStatus.IsOverdue(Milestone(null), Today).ShouldBeFalse();
    }

    [Fact]
    public void IsOverdue_FalseOnTheDueDate_TrueTheDayAfter()
    {
        var milestone = Milestone(D(2028, 11, 13));

        MilestoneStatus.IsOverdue(milestone, D(2028, 11, 12)).ShouldBeFalse();
        MilestoneStatus.IsOverdue(milestone, D(2028, 11, 13)).ShouldBeFalse();
        MilestoneStatus.IsOverdue(milestone, D(2028, 11, 14)).ShouldBeTrue();
    }

    [Fact]
    public void QueryRules_AgreeWithTheInMemoryRules()
    {
        var overdue = MilestoneStatus.Overdue(Today).Compile();
        var dueThisWeek = MilestoneStatus.DueThisWeek(Today).Compile();
        Milestone[] cases =
        [
            Milestone(null), Milestone(D(2028, 11, 14)), Milestone(D(2028, 11, 15)), Milestone(D(2028, 11, 21)), Milestone(D(2028, 11, 22)),
            Milestone(D(2028, 11, 14), MilestoneState.Done), Milestone(D(2028, 11, 14), MilestoneState.NotApplicable), Milestone(D(2028, 11, 14), applies: false),
        ];

        foreach (var m in cases)
        {
            overdue(m).ShouldBe(MilestoneStatus.IsOverdue(m, Today));
            dueThisWeek(m).ShouldBe(MilestoneStatus.IsDueThisWeek(m, Today));
        }
    }
}
