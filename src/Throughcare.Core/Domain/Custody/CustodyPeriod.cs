using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Custody;

/// <summary>The kind of sentence a custody period serves, as prison and probation systems name them.</summary>
[StoredLength(40)]
public enum SentenceType { Remand, Determinate, ExtendedDeterminate, IndeterminatePublicProtection, Life, Recall }

/// <summary>The dates a sentence is planned around; each keeps its history, because release dates move often.</summary>
[StoredLength(40)]
public enum KeyDate
{
    ConditionalRelease,
    ParoleEligibility,
    TariffExpiry,
    HomeDetentionCurfewEligibility,
    ExpectedRelease,
    LicenceExpiry,
    SentenceExpiry,
    TopUpSupervisionEnd,
}

/// <summary>Why a person moved between prisons.</summary>
[StoredLength(40)]
public enum MoveReason { ProgressiveMove, Transfer, ReturnToClosedConditions, Other }

/// <summary>How a person left custody.</summary>
[StoredLength(40)]
public enum ReleaseKind { AutomaticOnLicence, Parole, EndOfSentence, Court, HomeDetentionCurfew, Deported }

/// <summary>Where a person lives on release: planned while in custody, recorded when they leave.</summary>
[StoredLength(40)]
public enum ReleaseAccommodation { Settled, Temporary, ApprovedPremises, NoFixedAbode }

/// <summary>Whether a person engaged with the services they were referred to after release.</summary>
[StoredLength(20)]
public enum Engagement { Engaged, Partly, NotEngaged }

/// <summary>Education, training or employment after release.</summary>
[StoredLength(20)]
public enum EteStatus { Employment, Education, Training, None }

/// <summary>
/// A person's time in custody for one sentence or remand: the prison that received them, the sentence and its key
/// dates, the moves between prisons (the current prison is derived from them, never typed twice), and the release. A
/// recall opens a new period linked to the one whose licence it follows. The period's journey of milestones is dated
/// from it (<see cref="Journeys.JourneyPlanner"/>).
/// </summary>
public sealed class CustodyPeriod
{
    public const int ReasonMaxLength = 500;

    public Guid Id { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>The prison that received them (an organisation of kind prison).</summary>
    public Guid ReceptionPrisonId { get; set; }
    public DateOnly ReceptionOn { get; set; }
    public DateOnly? SentenceOn { get; set; }
    public SentenceType SentenceType { get; set; }

    /// <summary>The length of a determinate or extended sentence, in months; none for remand and indeterminate sentences.</summary>
    public int? SentenceLengthMonths { get; set; }

    public DateOnly? ConditionalReleaseOn { get; set; }
    public DateOnly? ParoleEligibilityOn { get; set; }
    public DateOnly? TariffExpiryOn { get; set; }
    public DateOnly? HomeDetentionCurfewEligibilityOn { get; set; }
    public DateOnly? ExpectedReleaseOn { get; set; }

    /// <summary>Whether the expected release date is confirmed (rather than estimated), as the release list shows it.</summary>
    public bool ExpectedReleaseConfirmed { get; set; }
    public DateOnly? LicenceExpiryOn { get; set; }
    public DateOnly? SentenceExpiryOn { get; set; }
    public DateOnly? TopUpSupervisionEndOn { get; set; }

    /// <summary>The borough the person will be (or was) released to, a <see cref="ReferenceData.Boroughs"/> code.</summary>
    public string? ReleaseBorough { get; set; }

    /// <summary>The accommodation on release: planned while in custody, as found on the day of release after it; none while nothing is found.</summary>
    public ReleaseAccommodation? Accommodation { get; set; }

    public DateOnly? ReleasedOn { get; set; }
    public ReleaseKind? ReleaseKind { get; set; }

    /// <summary>Case outcome indicators after release, recorded until the end of contact: accommodation at three months.</summary>
    public ReleaseAccommodation? AccommodationAtThreeMonths { get; set; }

    /// <summary>Whether they engaged with the services they were referred to.</summary>
    public Engagement? Engagement { get; set; }

    /// <summary>Education, training or employment since release.</summary>
    public EteStatus? Ete { get; set; }

    public DateTime? OutcomesRecordedAt { get; set; }
    public Guid? OutcomesRecordedByUserId { get; set; }

    /// <summary>The period whose licence this recall follows.</summary>
    public Guid? RecalledFromPeriodId { get; set; }

    /// <summary>The journey template version in force when the period was opened: later edits of the template never rewrite it.</summary>
    public Guid JourneyTemplateId { get; set; }

    public DateTime CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public Guid? SubmissionId { get; set; }

    public List<CustodyMove> Moves { get; set; } = [];
    public List<KeyDateChange> KeyDateChanges { get; set; } = [];

    public bool IsReleased => ReleasedOn is not null;

    /// <summary>Indeterminate sentences (IPP and life) end in custody only by a Parole Board's decision.</summary>
    public bool IsIndeterminate => SentenceType is SentenceType.IndeterminatePublicProtection or SentenceType.Life;

    /// <summary>The prison the person is in now (or left from): the reception prison, then each move in date order.</summary>
    public Guid CurrentPrisonId => Moves.OrderBy(m => m.MovedOn).ThenBy(m => m.RecordedAt).LastOrDefault()?.ToPrisonId ?? ReceptionPrisonId;

    public DateOnly? Get(KeyDate date) => date switch
    {
        KeyDate.ConditionalRelease => ConditionalReleaseOn,
        KeyDate.ParoleEligibility => ParoleEligibilityOn,
        KeyDate.TariffExpiry => TariffExpiryOn,
        KeyDate.HomeDetentionCurfewEligibility => HomeDetentionCurfewEligibilityOn,
        KeyDate.ExpectedRelease => ExpectedReleaseOn,
        KeyDate.LicenceExpiry => LicenceExpiryOn,
        KeyDate.SentenceExpiry => SentenceExpiryOn,
        KeyDate.TopUpSupervisionEnd => TopUpSupervisionEndOn,
        _ => throw new ArgumentOutOfRangeException(nameof(date)),
    };

    public void Set(KeyDate date, DateOnly? value)
    {
        switch (date)
        {
            case KeyDate.ConditionalRelease: ConditionalReleaseOn = value; break;
            case KeyDate.ParoleEligibility: ParoleEligibilityOn = value; break;
            case KeyDate.TariffExpiry: TariffExpiryOn = value; break;
            case KeyDate.HomeDetentionCurfewEligibility: HomeDetentionCurfewEligibilityOn = value; break;
            case KeyDate.ExpectedRelease: ExpectedReleaseOn = value; break;
            case KeyDate.LicenceExpiry: LicenceExpiryOn = value; break;
            case KeyDate.SentenceExpiry: SentenceExpiryOn = value; break;
            case KeyDate.TopUpSupervisionEnd: TopUpSupervisionEndOn = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(date));
        }
    }
}

/// <summary>A move between prisons; the current prison is the latest move's destination.</summary>
public sealed class CustodyMove
{
    public Guid Id { get; set; }
    public Guid CustodyPeriodId { get; set; }
    public Guid FromPrisonId { get; set; }
    public Guid ToPrisonId { get; set; }
    public DateOnly MovedOn { get; set; }
    public MoveReason Reason { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
}

/// <summary>One change of one key date: who changed it, when, from what, to what and why.</summary>
public sealed class KeyDateChange
{
    public Guid Id { get; set; }
    public Guid CustodyPeriodId { get; set; }
    public KeyDate KeyDate { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Reason { get; set; }
    public DateTime ChangedAt { get; set; }
    public Guid ChangedByUserId { get; set; }
}

/// <summary>The words the pages, lists and exports use for custody's codes.</summary>
public static class CustodyLabels
{
    public static string Sentence(SentenceType type) => type switch
    {
        SentenceType.Remand => "Remand",
        SentenceType.Determinate => "Determinate",
        SentenceType.ExtendedDeterminate => "Extended determinate",
        SentenceType.IndeterminatePublicProtection => "Indeterminate for public protection (IPP)",
        SentenceType.Life => "Life",
        SentenceType.Recall => "Recall",
        _ => type.ToString(),
    };

    public static string Date(KeyDate date) => date switch
    {
        KeyDate.ConditionalRelease => "Conditional release",
        KeyDate.ParoleEligibility => "Parole eligibility",
        KeyDate.TariffExpiry => "Tariff expiry",
        KeyDate.HomeDetentionCurfewEligibility => "Home detention curfew eligibility",
        KeyDate.ExpectedRelease => "Expected release",
        KeyDate.LicenceExpiry => "Licence expiry",
        KeyDate.SentenceExpiry => "Sentence expiry",
        KeyDate.TopUpSupervisionEnd => "Top-up supervision end",
        _ => date.ToString(),
    };

    public static string Move(MoveReason reason) => reason switch
    {
        MoveReason.ProgressiveMove => "Progressive move",
        MoveReason.Transfer => "Transfer",
        MoveReason.ReturnToClosedConditions => "Return to closed conditions",
        MoveReason.Other => "Other",
        _ => reason.ToString(),
    };

    public static string Engagement(Engagement? engagement) => engagement switch
    {
        null => "Not recorded",
        Custody.Engagement.Engaged => "Engaged",
        Custody.Engagement.Partly => "Partly engaged",
        Custody.Engagement.NotEngaged => "Not engaged",
        _ => engagement.ToString()!,
    };

    public static string Ete(EteStatus? status) => status switch
    {
        null => "Not recorded",
        EteStatus.Employment => "In employment",
        EteStatus.Education => "In education",
        EteStatus.Training => "In training",
        EteStatus.None => "None",
        _ => status.ToString()!,
    };

    public static string Release(ReleaseKind kind) => kind switch
    {
        ReleaseKind.AutomaticOnLicence => "Automatic release on licence",
        ReleaseKind.Parole => "Parole",
        ReleaseKind.EndOfSentence => "End of sentence",
        ReleaseKind.Court => "Released by the court",
        ReleaseKind.HomeDetentionCurfew => "Home detention curfew",
        ReleaseKind.Deported => "Deported",
        _ => kind.ToString(),
    };

    public static string Accommodation(ReleaseAccommodation? accommodation) => accommodation switch
    {
        null => "None found",
        ReleaseAccommodation.Settled => "Settled",
        ReleaseAccommodation.Temporary => "Temporary",
        ReleaseAccommodation.ApprovedPremises => "Approved premises",
        ReleaseAccommodation.NoFixedAbode => "No fixed abode",
        _ => accommodation.ToString()!,
    };

    /// <summary>Whether the person has somewhere to go on release: the housing milestones' condition.</summary>
    public static bool HasAccommodation(ReleaseAccommodation? accommodation) => accommodation is not null and not ReleaseAccommodation.NoFixedAbode;
}
