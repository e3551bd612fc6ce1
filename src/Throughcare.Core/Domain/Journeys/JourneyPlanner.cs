using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.ReferenceData;

namespace Throughcare.Core.Domain.Journeys;

/// <summary>What a milestone's date and conditions are worked out from, besides the custody period itself.</summary>
/// <param name="EpisodeStartOn">When the person's current episode of care began, if one is open.</param>
/// <param name="OpenServiceIds">The services the person has an open episode in.</param>
/// <param name="DoneOn">When each milestone of this journey was done, by its code.</param>
public sealed record JourneyFacts(DateOnly? EpisodeStartOn, IReadOnlySet<Guid> OpenServiceIds, IReadOnlyDictionary<string, DateOnly> DoneOn);

/// <summary>A milestone as the template dates it for one person: whether it applies (and why not), and when it is due (or what it waits for).</summary>
public sealed record PlannedMilestone(MilestoneDefinition Definition, string? NotNeededBecause, DateOnly? DueOn, string? WaitingFor)
{
    public bool Applies => NotNeededBecause is null;
}

/// <summary>
/// The one place a journey's milestones are dated: each from its anchor (a key date, the release, the start of an
/// episode, or another milestone's completion), by its offset in calendar or working days, when its conditions hold.
/// </summary>
public static class JourneyPlanner
{
    public static IReadOnlyList<PlannedMilestone> Plan(IEnumerable<MilestoneDefinition> definitions, CustodyPeriod period, JourneyFacts facts) =>
        definitions.OrderBy(d => d.Order).Select(d => Plan(d, period, facts)).ToList();

    public static PlannedMilestone Plan(MilestoneDefinition definition, CustodyPeriod period, JourneyFacts facts)
    {
        var anchor = AnchorDate(definition, period, facts);
        return new PlannedMilestone(
            definition,
            NotNeeded(definition, period, facts),
            anchor is { } date ? Offset(date, definition.Offset, definition.Unit) : null,
            anchor is null ? AnchorLabel(definition) : null);
    }

    public static DateOnly Offset(DateOnly anchor, int offset, OffsetUnit unit) =>
        unit == OffsetUnit.WorkingDays ? WorkingDays.Add(anchor, offset) : anchor.AddDays(offset);

    public static DateOnly? AnchorDate(MilestoneDefinition definition, CustodyPeriod period, JourneyFacts facts) => definition.Anchor switch
    {
        MilestoneAnchor.Sentence => period.SentenceOn,
        MilestoneAnchor.Reception => period.ReceptionOn,
        MilestoneAnchor.ConditionalRelease => period.ConditionalReleaseOn,
        MilestoneAnchor.ParoleEligibility => period.ParoleEligibilityOn,
        MilestoneAnchor.HomeDetentionCurfewEligibility => period.HomeDetentionCurfewEligibilityOn,
        MilestoneAnchor.ExpectedRelease => period.ReleasedOn ?? period.ExpectedReleaseOn,
        MilestoneAnchor.Release => period.ReleasedOn,
        MilestoneAnchor.EpisodeStart => facts.EpisodeStartOn,
        MilestoneAnchor.Milestone => definition.AnchorMilestoneCode is { } code && facts.DoneOn.TryGetValue(code, out var done) ? done : null,
        _ => null,
    };

    /// <summary>The first of the milestone's conditions that does not hold, in words; null when it applies.</summary>
    public static string? NotNeeded(MilestoneDefinition definition, CustodyPeriod period, JourneyFacts facts)
    {
        if (definition.OnlyIfSentenceOverMonths is { } months && !period.IsIndeterminate && !(period.SentenceLengthMonths > months))
        {
            return $"Only for sentences over {months} months";
        }

        if (definition.OnlyIfIndeterminate && !period.IsIndeterminate)
        {
            return "Only for indeterminate sentences";
        }

        if (definition.OnlyIfNoAccommodation && CustodyLabels.HasAccommodation(period.Accommodation))
        {
            return "Accommodation on release is recorded";
        }

        if (definition.OnlyIfBorough is { } borough && period.ReleaseBorough != borough)
        {
            return $"Only for people released to {Boroughs.All.LabelFor(borough) ?? borough}";
        }

        if (definition.OnlyIfServiceId is { } service && !facts.OpenServiceIds.Contains(service))
        {
            return "Only for people in a particular service";
        }

        return null;
    }

    /// <summary>What a milestone without a date waits for, in words.</summary>
    public static string AnchorLabel(MilestoneDefinition definition) => definition.Anchor switch
    {
        MilestoneAnchor.Sentence => "the sentence date",
        MilestoneAnchor.Reception => "the reception date",
        MilestoneAnchor.ConditionalRelease => "the conditional release date",
        MilestoneAnchor.ParoleEligibility => "the parole eligibility date",
        MilestoneAnchor.HomeDetentionCurfewEligibility => "the home detention curfew eligibility date",
        MilestoneAnchor.ExpectedRelease => "the expected release date",
        MilestoneAnchor.Release => "the release",
        MilestoneAnchor.EpisodeStart => "an episode of care to start",
        MilestoneAnchor.Milestone => "another milestone to be done",
        _ => "its anchor",
    };
}
