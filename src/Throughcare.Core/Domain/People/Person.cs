using System.ComponentModel.DataAnnotations;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.People;

public enum RoshLevel { Low, Medium, High, VeryHigh }

public enum OpdScreeningResult { ScreenedIn, ScreenedOut, NotScreened }

/// <summary>A person supported by the partnership. Their details are one value, so that edits can be compared field by field.</summary>
public sealed class Person
{
    public Guid Id { get; set; }
    public PersonDetails Details { get; set; } = new();
    public List<PersonAlias> Aliases { get; set; } = [];
    public List<PersonCareRole> CareRoles { get; set; } = [];

    /// <summary>Search keys derived from the names on every write.</summary>
    public string NormalisedName { get; set; } = "";
    public string GivenNameKey { get; set; } = "";
    public string FamilyNameKey { get; set; } = "";

    public Guid? MergedIntoPersonId { get; set; }
    public DateTime? MergedAt { get; set; }
    public Guid CreatedByOrganisationId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public Guid? SubmissionId { get; set; }

    public string FullName => $"{Details.GivenName} {Details.FamilyName}";
}

/// <summary>What staff record about a person. Display names are the labels used on pages and in the change history.</summary>
public sealed record PersonDetails
{
    [Display(Name = "First name")] public string GivenName { get; init; } = "";
    [Display(Name = "Last name")] public string FamilyName { get; init; } = "";
    [Display(Name = "Middle names")] public string? MiddleNames { get; init; }
    [Display(Name = "Date of birth")] public DateOnly? DateOfBirth { get; init; }
    [Display(Name = "Gender identity")] public string? GenderIdentity { get; init; }
    [Display(Name = "CRN")] public string? Crn { get; init; }
    [Display(Name = "PNC number")] public string? PncNumber { get; init; }
    [Display(Name = "Prison number")] public string? PrisonNumber { get; init; }
    [Display(Name = "NHS number")] public string? NhsNumber { get; init; }
    [Display(Name = "Phone")] public string? Phone { get; init; }
    [Display(Name = "Email")] public string? Email { get; init; }
    [Display(Name = "Address")] public string? Address { get; init; }
    [Display(Name = "Postcode")] public string? Postcode { get; init; }
    [Display(Name = "Borough")] public string? Borough { get; init; }
    [Display(Name = "Ethnicity")] public string? Ethnicity { get; init; }
    [Display(Name = "Preferred language")] public string? PreferredLanguage { get; init; }
    [Display(Name = "Needs an interpreter")] public bool? InterpreterNeeded { get; init; }
    [Display(Name = "Religion or belief")] public string? Religion { get; init; }
    [Display(Name = "Sexual orientation")] public string? SexualOrientation { get; init; }
    [Display(Name = "Disability")] public string? Disability { get; init; }
    [Display(Name = "RoSH level")] public RoshLevel? RoshLevel { get; init; }
    [Display(Name = "MAPPA category")] public int? MappaCategory { get; init; }
    [Display(Name = "MAPPA level")] public int? MappaLevel { get; init; }
    [Display(Name = "Prolific and priority offender")] public bool IsPpo { get; init; }
    [Display(Name = "OPD screening result")] public OpdScreeningResult? OpdScreeningResult { get; init; }
    [Display(Name = "OPD screening date")] public DateOnly? OpdScreenedOn { get; init; }
}

public sealed class PersonAlias
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public string NormalisedName { get; set; } = "";
    public string GivenNameKey { get; set; } = "";
    public string FamilyNameKey { get; set; } = "";
}

[StoredLength(30)]
public enum CareRoleKind { CreatedRecord, HoldsRecord, Referral, Custody, ReleaseBorough }

/// <summary>
/// An organisation's role in a person's care: what lets its staff see the person at all. Each role has one basis (the
/// record the organisation created, or one referral to one of its services) and ends with it: at once when the
/// referral is declined or withdrawn, after the follow-up period when the referral's episode closes. An ended role is
/// kept, so the history of who held a role and when stays.
/// </summary>
public sealed class PersonCareRole
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public CareRoleKind Kind { get; set; }

    /// <summary>The referral that gave the role, for roles of kind Referral.</summary>
    public Guid? ReferralId { get; set; }

    /// <summary>The custody period that gave the role, for roles of kind Custody: a prison that holds or has held the person.</summary>
    public Guid? CustodyPeriodId { get; set; }

    public DateTime StartedAt { get; set; }

    /// <summary>When the role ends; it may lie ahead (the follow-up period after an episode closes).</summary>
    public DateTime? EndedAt { get; set; }

    public string? EndReason { get; set; }

    public bool IsActiveAt(DateTime now) => EndedAt is null || EndedAt > now;
}
