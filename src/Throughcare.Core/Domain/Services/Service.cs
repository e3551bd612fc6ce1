using Throughcare.Core.Domain.Organisations;

namespace Throughcare.Core.Domain.Services;

/// <summary>Where the person is when referred: services are for people in custody, in the community, or either.</summary>
public enum ServiceSetting { Community, Custody, Either }

/// <summary>
/// Something an organisation runs that people are referred to: a community wellbeing pathway, a prison unit, a
/// liaison and diversion team, a hub. Its administrator sets who it is for, what a referral must carry, the
/// strands of support it offers, the longest episode and each worker's caseload.
/// </summary>
public sealed class Service
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }

    /// <summary>Gender identity codes served; empty means anyone.</summary>
    public List<string> GenderIdentities { get; set; } = [];
    public bool RequiresOpdScreenedIn { get; set; }

    /// <summary>Borough codes served; empty means anywhere.</summary>
    public List<string> Boroughs { get; set; } = [];
    public ServiceSetting Setting { get; set; } = ServiceSetting.Either;

    public int MaximumEpisodeMonths { get; set; } = 18;
    public int CaseloadCapacity { get; set; } = 12;

    /// <summary>How often an episode is reviewed; review points fall due at each interval from the start.</summary>
    public int ReviewIntervalMonths { get; set; } = 3;

    /// <summary>An episode is flagged at risk after this many did-not-attends in a row…</summary>
    public int AtRiskMissedInARow { get; set; } = 3;

    /// <summary>…or after this many weeks without an attended contact.</summary>
    public int AtRiskWeeksWithoutContact { get; set; } = 4;

    /// <summary>Re-engagement attempts, on different dates and by more than one mode, before closing for disengagement.</summary>
    public int MinimumReengagementAttempts { get; set; } = 3;
    public bool AcceptingReferrals { get; set; } = true;

    public List<ServiceDocumentRequirement> Documents { get; set; } = [];
    public List<ServiceStrand> Strands { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public Guid? SubmissionId { get; set; }
}

/// <summary>A document type a referral to this service must (or may) carry.</summary>
public sealed class ServiceDocumentRequirement
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public required string DocumentType { get; set; }
    public bool Required { get; set; }
}

/// <summary>One kind of support the service offers, given by a worker who holds the strand's job role.</summary>
public sealed class ServiceStrand
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public required string Name { get; set; }
    public required string WorkerRole { get; set; }

    /// <summary>Which controlled list of interventions its contacts draw on (see Interventions).</summary>
    public string InterventionList { get; set; } = ReferenceData.Interventions.Emotional;
}
