using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Journeys;

/// <summary>The event a milestone's date is counted from.</summary>
[StoredLength(40)]
public enum MilestoneAnchor
{
    Sentence,
    Reception,
    ConditionalRelease,
    ParoleEligibility,
    HomeDetentionCurfewEligibility,
    ExpectedRelease,
    Release,
    EpisodeStart,

    /// <summary>The completion of another milestone of the same journey.</summary>
    Milestone,
}

/// <summary>How a milestone's offset is counted: every day, or working days (England and Wales bank holidays and weekends skipped).</summary>
[StoredLength(20)]
public enum OffsetUnit { CalendarDays, WorkingDays }

/// <summary>Who is expected to complete a milestone.</summary>
[StoredLength(40)]
public enum MilestoneOwnerKind { AllocatedWorker, OrganisationKind, Role }

/// <summary>Where a person's milestone stands. Overdue is computed from the due date, never stored (<see cref="MilestoneStatus"/>).</summary>
[StoredLength(20)]
public enum MilestoneState { Open, Done, NotApplicable }

/// <summary>
/// One version of a journey: its milestones, each dated from an anchor. A template is edited by publishing a new
/// version; a custody period keeps the version in force when it was opened, so an edit never rewrites history.
/// </summary>
public sealed class JourneyTemplate
{
    public const int NameMaxLength = 120;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public int Version { get; set; }
    public DateTime PublishedAt { get; set; }
    public Guid? PublishedByUserId { get; set; }
    public List<MilestoneDefinition> Milestones { get; set; } = [];
}

/// <summary>
/// A milestone of a template: what is to be done, dated from its anchor with an offset (negative for before it), the
/// conditions under which it applies, who owns it, and how many days ahead its owner is reminded.
/// </summary>
public sealed class MilestoneDefinition
{
    public const int CodeMaxLength = 60;
    public const int TitleMaxLength = 200;
    public const int OwnerMaxLength = 60;

    public Guid Id { get; set; }
    public Guid TemplateId { get; set; }

    /// <summary>Stable across versions of the template, so a milestone can anchor another by it.</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }
    public int Order { get; set; }
    public MilestoneAnchor Anchor { get; set; }

    /// <summary>The code of the milestone whose completion anchors this one, for <see cref="MilestoneAnchor.Milestone"/>.</summary>
    public string? AnchorMilestoneCode { get; set; }
    public int Offset { get; set; }
    public OffsetUnit Unit { get; set; }

    /// <summary>Applies only to sentences longer than this many months (indeterminate sentences count as longer).</summary>
    public int? OnlyIfSentenceOverMonths { get; set; }
    public bool OnlyIfIndeterminate { get; set; }

    /// <summary>Applies only while no accommodation on release is recorded.</summary>
    public bool OnlyIfNoAccommodation { get; set; }

    /// <summary>Applies only to people released to this borough.</summary>
    public string? OnlyIfBorough { get; set; }

    /// <summary>Applies only to people with an open episode in this service.</summary>
    public Guid? OnlyIfServiceId { get; set; }

    public MilestoneOwnerKind OwnerKind { get; set; }

    /// <summary>The organisation kind or staff role that owns it; none for the allocated worker.</summary>
    public string? Owner { get; set; }

    /// <summary>How many days before it is due its owner is e-mailed, once; none for no reminder.</summary>
    public int? ReminderDaysBefore { get; set; }
}

/// <summary>
/// One milestone of one person's custody period, from the template version the period keeps. Its due date follows its
/// anchor (recomputed whenever an anchor moves, in the same transaction); once done it keeps its record.
/// </summary>
public sealed class Milestone
{
    public const int EvidenceMaxLength = 1000;
    public const int ReasonMaxLength = 500;

    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid CustodyPeriodId { get; set; }
    public Guid DefinitionId { get; set; }

    /// <summary>When it is due; none while its anchor has no date yet.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>Whether the template's conditions hold for the person now: a milestone that does not apply is not due.</summary>
    public bool Applies { get; set; }

    public MilestoneState State { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? Evidence { get; set; }
    public string? NotApplicableReason { get; set; }
    public DateTime? RecordedAt { get; set; }
    public Guid? RecordedByUserId { get; set; }

    /// <summary>The due date its owner was reminded of: a reminder goes once per due date.</summary>
    public DateOnly? RemindedFor { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}
