namespace Throughcare.Core.Domain.Episodes;

/// <summary>The episode life cycle: engaging → active ⇄ disengaged → closing → closed (see EpisodeStates).</summary>
public enum EpisodeState { Engaging, Active, Disengaged, Closing, Closed }

/// <summary>Why an episode ended.</summary>
public enum EpisodeCloseReason { Completed, MovedOnToAnotherService, Disengaged, ReturnedToCustody, MovedAway, Died, Other }

/// <summary>One person with one service, opened when a referral's allocation is confirmed.</summary>
public sealed class Episode
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid ReferralId { get; set; }

    /// <summary>The service's organisation: its staff are the episode's service team.</summary>
    public Guid ServiceOrganisationId { get; set; }

    /// <summary>The organisation that referred: it sees the episode's state and closure summary only.</summary>
    public Guid ReferringOrganisationId { get; set; }
    public EpisodeState State { get; set; } = EpisodeState.Engaging;
    public DateOnly StartedOn { get; set; }

    /// <summary>The start plus the service's longest episode; moved later only by a manager's extension with a reason.</summary>
    public DateOnly PlannedEndOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<EpisodeStrand> Strands { get; set; } = [];

    /// <summary>The person's own "three hardest things", in their words: separate from the referrer's reason.</summary>
    public string? HardestThing1 { get; set; }
    public string? HardestThing2 { get; set; }
    public string? HardestThing3 { get; set; }
    public DateTime? HardestThingsRecordedAt { get; set; }

    public EpisodeCloseReason? CloseReason { get; set; }
    public string? CloseReasonText { get; set; }
    public string? EndOfServiceSummary { get; set; }

    /// <summary>The practitioner who proposed the closure (state Closing) and the manager who signed it off.</summary>
    public Guid? ClosureProposedByUserId { get; set; }
    public DateTime? ClosureProposedAt { get; set; }
    public Guid? ClosureSignedOffByUserId { get; set; }
    public DateTime? ClosedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One strand of support in an episode, with its worker; reallocation ends one and starts another.</summary>
public sealed class EpisodeStrand
{
    public Guid Id { get; set; }
    public Guid EpisodeId { get; set; }
    public Guid ServiceStrandId { get; set; }
    public Guid WorkerUserId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public Guid AllocatedByUserId { get; set; }

    /// <summary>Why this worker: the ranking reasons shown to the manager, or the manager's own reason.</summary>
    public string? AllocationReason { get; set; }
    public string? EndReason { get; set; }
    public Guid? EndedByUserId { get; set; }
}

/// <summary>One change of an episode's state: who, when, why.</summary>
public sealed class EpisodeTransition
{
    public Guid Id { get; set; }
    public Guid EpisodeId { get; set; }
    public EpisodeState From { get; set; }
    public EpisodeState To { get; set; }
    public DateTime At { get; set; }
    public Guid? ByUserId { get; set; }
    public required string Reason { get; set; }
}

/// <summary>A manager's decision to run an episode beyond its planned end.</summary>
public sealed class EpisodeExtension
{
    public Guid Id { get; set; }
    public Guid EpisodeId { get; set; }
    public DateOnly FromDate { get; set; }
    public DateOnly ToDate { get; set; }
    public required string Reason { get; set; }
    public DateTime At { get; set; }
    public Guid ByUserId { get; set; }
}

/// <summary>
/// A review of the episode, held at the service's interval: the due points are computed from the start date and
/// the interval, and a review held covers the earliest point not yet covered.
/// </summary>
public sealed class EpisodeReview
{
    public Guid Id { get; set; }
    public Guid EpisodeId { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Summary { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
    public Guid? SubmissionId { get; set; }
}

/// <summary>
/// When an episode is disengaged the team reflects before anyone closes it: what they think is going on, what may
/// have been missed and what was tried.
/// </summary>
public sealed class ReflectiveReview
{
    public Guid Id { get; set; }
    public Guid EpisodeId { get; set; }
    public required string WhatIsGoingOn { get; set; }
    public required string WhatMayHaveBeenMissed { get; set; }
    public required string WhatWasTried { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
    public Guid? SubmissionId { get; set; }
}

/// <summary>A reminder sent for something due on an episode (a review point), so that each is sent once.</summary>
public sealed class EpisodeReminder
{
    public Guid Id { get; set; }
    public Guid EpisodeId { get; set; }
    public required string Kind { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime SentAt { get; set; }
}
