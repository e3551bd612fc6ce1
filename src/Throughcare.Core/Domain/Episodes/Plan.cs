using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Episodes;

public enum AssessmentOccasion { Start, Review, End }

[StoredLength(10)]
public enum NeedLevel { None, Low, Medium, High }

/// <summary>A needs assessment across the seven resettlement pathways, at the start or at a review.</summary>
public sealed class NeedsAssessment
{
    public Guid Id { get; set; }
    public Guid EpisodeId { get; set; }
    public AssessmentOccasion Occasion { get; set; }
    public DateOnly AssessedOn { get; set; }
    public List<NeedRating> Ratings { get; set; } = [];
    public string? Note { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
    public Guid? SubmissionId { get; set; }
}

/// <summary>The level of need on one pathway in one assessment.</summary>
public sealed class NeedRating
{
    public Guid Id { get; set; }
    public Guid AssessmentId { get; set; }
    public required string Pathway { get; set; }
    public NeedLevel Level { get; set; }
}

public enum GoalOutcome { Achieved, PartlyAchieved, NotAchieved }

/// <summary>Something the person is working towards, with the actions that get them there.</summary>
public sealed class Goal
{
    public Guid Id { get; set; }
    public Guid EpisodeId { get; set; }
    public required string Description { get; set; }

    /// <summary>The resettlement pathway the goal belongs to, if any.</summary>
    public string? Pathway { get; set; }
    public GoalOutcome? Outcome { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    public List<GoalAction> Actions { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
    public Guid? SubmissionId { get; set; }
}

public enum ActionOwner { Worker, Person, OtherOrganisation }

public enum ActionStatus { NotStarted, InProgress, Done, NoLongerNeeded }

/// <summary>A step towards a goal, owned by the worker, the person or another organisation. Overdue is computed, never stored.</summary>
public sealed class GoalAction
{
    public Guid Id { get; set; }
    public Guid GoalId { get; set; }
    public Guid EpisodeId { get; set; }
    public required string Description { get; set; }
    public ActionOwner Owner { get; set; }

    /// <summary>The other organisation's name when the owner is another organisation.</summary>
    public string? OwnerName { get; set; }
    public DateOnly? DueOn { get; set; }
    public ActionStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime? CompletedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public Guid? SubmissionId { get; set; }

    public bool IsOpen => Status is ActionStatus.NotStarted or ActionStatus.InProgress;

    public bool IsOverdue(DateOnly today) => IsOpen && DueOn is { } due && due < today;
}
