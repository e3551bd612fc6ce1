using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Referrals;

[StoredLength(30)]
public enum ReferralState { Draft, Submitted, AwaitingInformation, Screening, Accepted, Declined, Withdrawn }

/// <summary>Why a referral was declined or withdrawn.</summary>
[StoredLength(30)]
public enum ReferralCloseReason { NotEligible, NeedsMetElsewhere, DeclinedByPerson, MovedAway, InCustodyElsewhere, Other }

/// <summary>Where the referral came from.</summary>
[StoredLength(30)]
public enum ReferralSource { Probation, Court, Police, Prison, HubSelfReferral, HubDropIn, Other }

/// <summary>The lawful basis for sharing the referral with the receiving service.</summary>
[StoredLength(30)]
public enum SharingBasis { Consent, PublicTask, VitalInterests, LegalObligation }

/// <summary>A request for a person to receive a service, from a partner organisation, through to a decision.</summary>
public sealed class Referral
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid ServiceId { get; set; }
    public Service? Service { get; set; }
    public Guid ReferringOrganisationId { get; set; }
    public Guid CreatedByUserId { get; set; }

    public ReferralSource? Source { get; set; }
    public string? Reason { get; set; }
    public string? HelpWanted { get; set; }
    public string? AccessibilityNeeds { get; set; }
    public string? RisksToWorkers { get; set; }
    public ServiceSetting? PersonSetting { get; set; }
    public string? PreferredWorkerGender { get; set; }
    public SharingBasis? SharingBasis { get; set; }
    public DateOnly? ConsentGivenOn { get; set; }
    public string? SharingNote { get; set; }

    public ReferralState State { get; set; } = ReferralState.Draft;
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public ReferralCloseReason? CloseReason { get; set; }
    public string? CloseReasonText { get; set; }
    public DateTime? AllocatedAt { get; set; }

    /// <summary>The receiving team's own notes: never shown to the referring organisation.</summary>
    public string? ScreeningNotes { get; set; }

    public List<ReferralDocument> Documents { get; set; } = [];
    public List<ReferralTransition> Transitions { get; set; } = [];
    public List<ScreeningOverride> Overrides { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();
    public Guid? SubmissionId { get; set; }

    /// <summary>Whole days from submission to decision, or to today while undecided.</summary>
    public int? DaysToDecision(DateTime now) => SubmittedAt is { } s ? (int)((DecidedAt ?? now) - s).TotalDays : null;

    public int? DaysToAllocation(DateTime now) => SubmittedAt is { } s && State == ReferralState.Accepted ? (int)((AllocatedAt ?? now) - s).TotalDays : null;
}

public sealed class ReferralDocument
{
    public Guid Id { get; set; }
    public Guid ReferralId { get; set; }
    public required string DocumentType { get; set; }
    public required string FileName { get; set; }
    public required string StoredName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTime UploadedAt { get; set; }
    public Guid UploadedByUserId { get; set; }
}

/// <summary>One change of a referral's state: who, when, why. The state is never overwritten without one.</summary>
public sealed class ReferralTransition
{
    public Guid Id { get; set; }
    public Guid ReferralId { get; set; }
    public ReferralState From { get; set; }
    public ReferralState To { get; set; }
    public DateTime At { get; set; }
    public Guid? ByUserId { get; set; }
    public ReferralCloseReason? Reason { get; set; }
    public string? Note { get; set; }
}

/// <summary>A manager's decision to treat an eligibility rule as met, with the reason.</summary>
public sealed class ScreeningOverride
{
    public Guid Id { get; set; }
    public Guid ReferralId { get; set; }
    public required string Rule { get; set; }
    public required string Reason { get; set; }
    public DateTime At { get; set; }
    public Guid ByUserId { get; set; }
}

/// <summary>The referral life cycle's allowed transitions, in one place.</summary>
public static class ReferralStates
{
    private static readonly Dictionary<ReferralState, ReferralState[]> Allowed = new()
    {
        [ReferralState.Draft] = [ReferralState.Submitted, ReferralState.Withdrawn],
        [ReferralState.Submitted] = [ReferralState.Screening, ReferralState.AwaitingInformation, ReferralState.Withdrawn],
        [ReferralState.AwaitingInformation] = [ReferralState.Submitted, ReferralState.Withdrawn],
        [ReferralState.Screening] = [ReferralState.Accepted, ReferralState.Declined, ReferralState.AwaitingInformation, ReferralState.Withdrawn],
        [ReferralState.Accepted] = [],
        [ReferralState.Declined] = [],
        [ReferralState.Withdrawn] = [],
    };

    public static bool CanMove(ReferralState from, ReferralState to) => Allowed[from].Contains(to);

    public static IReadOnlyList<ReferralState> Next(ReferralState from) => Allowed[from];

    public static bool IsOpen(ReferralState state) => Allowed[state].Length > 0;

    /// <summary>The referrer may change the answers and documents of a draft, or of a referral sent back for information.</summary>
    public static bool IsEditable(ReferralState state) => state is ReferralState.Draft or ReferralState.AwaitingInformation;

    public static string Label(ReferralState state) => state switch
    {
        ReferralState.AwaitingInformation => "Awaiting information",
        _ => state.ToString(),
    };

    public static string Label(ReferralCloseReason reason) => reason switch
    {
        ReferralCloseReason.NotEligible => "Not eligible",
        ReferralCloseReason.NeedsMetElsewhere => "Needs met elsewhere",
        ReferralCloseReason.DeclinedByPerson => "Declined by the person",
        ReferralCloseReason.MovedAway => "Moved away",
        ReferralCloseReason.InCustodyElsewhere => "In custody elsewhere",
        _ => "Other",
    };
}
