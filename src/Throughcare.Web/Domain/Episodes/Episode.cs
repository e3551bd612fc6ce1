namespace Throughcare.Web.Domain.Episodes;

public enum EpisodeState { Engaging, Active, Disengaged, Closing, Closed }

/// <summary>One person with one service, opened when a referral's allocation is confirmed.</summary>
public sealed class Episode
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid ReferralId { get; set; }
    public EpisodeState State { get; set; } = EpisodeState.Engaging;
    public DateOnly StartedOn { get; set; }
    public DateOnly PlannedEndOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<EpisodeStrand> Strands { get; set; } = [];
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
}
