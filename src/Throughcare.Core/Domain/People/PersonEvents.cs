using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Referrals;

namespace Throughcare.Core.Domain.People;

/// <summary>A person's own record was created; the changes are every field given, from nothing.</summary>
public sealed record PersonCreated(Guid PersonId, IReadOnlyList<FieldChange> Changes) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Person, PersonId, PersonId);

    public override string Action() => AuditActions.Create;

    public override AuditDescription Describe(AuditLabels labels) =>
        new(labels.IsThisRecord(PersonId) ? "Record created" : "Merged record created", PersonFieldDisplay.Labelled(Changes));
}

/// <summary>Staff corrected or added to a person's details (rectification keeps every earlier value here).</summary>
public sealed record PersonUpdated(Guid PersonId, IReadOnlyList<FieldChange> Changes) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Person, PersonId, PersonId);

    public override AuditDescription Describe(AuditLabels labels) => new("Details changed", PersonFieldDisplay.Labelled(Changes));
}

public sealed record PersonAliasAdded(Guid PersonId, Guid AliasId, string Name) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Person, PersonId, PersonId);

    public override AuditDescription Describe(AuditLabels labels) => new("Alias added", [new FieldChange("Alias", null, Name)]);
}

/// <summary>Another record of the same person was merged into this one; identifiers it lacked were carried over.</summary>
public sealed record PersonMerged(Guid PersonId, Guid MergedPersonId, string MergedName, IReadOnlyList<FieldChange> Changes, string Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Person, PersonId, PersonId);

    public override string Action() => AuditActions.Merge;

    public override AuditDescription Describe(AuditLabels labels) =>
        new("Another record merged into this one", [.. PersonFieldDisplay.Labelled(Changes), new FieldChange("Merged record", null, MergedName)], Reason);
}

/// <summary>This record was merged into another, which is kept.</summary>
public sealed record PersonMergedInto(Guid PersonId, Guid KeptPersonId, string KeptName, string Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Person, PersonId, PersonId);

    public override string Action() => AuditActions.MergedInto;

    public override AuditDescription Describe(AuditLabels labels) =>
        new(labels.IsThisRecord(PersonId) ? "Record merged into another" : "Record merged into this one", [new FieldChange("Merged into", null, KeptName)], Reason);
}

/// <summary>
/// An organisation gained a role in the person's care through a referral to one of its services. Read with the
/// referral: an organisation party to neither end of it does not learn of it.
/// </summary>
[ReadRequires(ReferralRight.See)]
public sealed record CareRoleStarted(Guid PersonId, Guid RoleId, Guid OrganisationId, Guid ReferralId) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.CareRole, RoleId, PersonId, ReferralId);

    public override string Action() => AuditActions.Create;

    public override IEnumerable<Guid> Mentions() => [OrganisationId];

    public override AuditDescription Describe(AuditLabels labels) => new($"{labels.Name(OrganisationId)} took on a role in their care");
}

/// <summary>A role in the person's care ended, or will end at EndsAt (after the follow-up period of a closed episode).</summary>
[ReadRequires(ReferralRight.See)]
public sealed record CareRoleEnded(Guid PersonId, Guid RoleId, Guid OrganisationId, Guid ReferralId, DateTime EndsAt, string Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.CareRole, RoleId, PersonId, ReferralId);

    public override IEnumerable<Guid> Mentions() => [OrganisationId];

    public override AuditDescription Describe(AuditLabels labels) =>
        new($"{labels.Name(OrganisationId)}'s role in their care ends", [new FieldChange("Ends", null, Infrastructure.Text.Display.DateTime(EndsAt))], Reason);
}

/// <summary>
/// A prison gained a role in the person's care by holding them in custody, or a local authority by being the borough
/// they will be released to.
/// </summary>
public sealed record CustodyCareRoleStarted(Guid PersonId, Guid RoleId, Guid OrganisationId, Guid CustodyPeriodId, CareRoleKind Kind = CareRoleKind.Custody) : AuditedEvent
{
    // Custody follows the person's own rule: seeing the person is enough to read it.
    public override AuditSubject Subject() => new(AuditRecordTypes.CareRole, RoleId, PersonId);

    public override string Action() => AuditActions.Create;

    public override IEnumerable<Guid> Mentions() => [OrganisationId];

    public override AuditDescription Describe(AuditLabels labels) => new(Kind == CareRoleKind.ReleaseBorough
        ? $"{labels.Name(OrganisationId)} took on a role in their care, as the borough they will be released to"
        : $"{labels.Name(OrganisationId)} took on a role in their care, holding them in custody");
}

/// <summary>A local authority's role ended because the person will no longer be released to its borough.</summary>
public sealed record CustodyCareRoleEnded(Guid PersonId, Guid RoleId, Guid OrganisationId, Guid CustodyPeriodId, string Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.CareRole, RoleId, PersonId);

    public override IEnumerable<Guid> Mentions() => [OrganisationId];

    public override AuditDescription Describe(AuditLabels labels) => new($"{labels.Name(OrganisationId)}'s role in their care ended", [], Reason);
}
