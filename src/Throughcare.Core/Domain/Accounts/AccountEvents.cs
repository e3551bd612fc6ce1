using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.ReferenceData;

namespace Throughcare.Core.Domain.Accounts;

/// <summary>Audit actions of staff accounts that the shared list does not name.</summary>
public static class AccountActions
{
    public const string TwoFactorDisabled = "two-factor-disabled";
}

/// <summary>Why a sign-in was refused, as the audit trail keeps it; the person signing in is told the same in every case.</summary>
public enum SignInRefusal
{
    UnknownUser,
    Disabled,
    WrongPassword,
    LockedOut,
    WrongSecurityCode,
}

/// <summary>An administrator added a staff account; the changes are its name, email address, roles and profile, from nothing.</summary>
public sealed record StaffAccountCreated(Guid UserId, Guid OrganisationId, IReadOnlyList<FieldChange> Changes) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.User, UserId, null);

    public override string Action() => AuditActions.Create;

    public override IEnumerable<Guid> Mentions() => [OrganisationId];

    public override AuditDescription Describe(AuditLabels labels) => new("Staff account added", StaffAccountLabels.Labelled(Changes, labels));
}

/// <summary>An administrator changed a staff account's name, team, roles or profile (roles by name, codes as stored, the team by id).</summary>
public sealed record StaffAccountUpdated(Guid UserId, Guid OrganisationId, IReadOnlyList<FieldChange> Changes) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.User, UserId, null);

    public override IEnumerable<Guid> Mentions() =>
        [OrganisationId, .. Changes.Where(c => c.Field == StaffAccountLabels.Team).SelectMany(c => new[] { c.From, c.To }).Select(t => Guid.TryParse(t, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)];

    public override AuditDescription Describe(AuditLabels labels) => new("Staff account changed", StaffAccountLabels.Labelled(Changes, labels));
}

/// <summary>An administrator disabled a staff account: its sessions ended at once.</summary>
public sealed record StaffAccountDisabled(Guid UserId, Guid OrganisationId) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.User, UserId, null);

    public override string Action() => AuditActions.Disable;

    public override AuditDescription Describe(AuditLabels labels) => new("Staff account disabled");
}

public sealed record StaffAccountEnabled(Guid UserId, Guid OrganisationId) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.User, UserId, null);

    public override string Action() => AuditActions.Enable;

    public override AuditDescription Describe(AuditLabels labels) => new("Staff account enabled");
}

/// <summary>A member of staff changed their own password (never the password itself).</summary>
public sealed record PasswordChanged(Guid UserId) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.User, UserId, null);

    public override string Action() => AuditActions.ChangePassword;

    public override AuditDescription Describe(AuditLabels labels) => new("Password changed");
}

public sealed record TwoFactorTurnedOn(Guid UserId) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.User, UserId, null);

    public override string Action() => AuditActions.TwoFactorEnabled;

    public override AuditDescription Describe(AuditLabels labels) => new("Two-factor authentication turned on");
}

public sealed record TwoFactorTurnedOff(Guid UserId) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.User, UserId, null);

    public override string Action() => AccountActions.TwoFactorDisabled;

    public override AuditDescription Describe(AuditLabels labels) => new("Two-factor authentication turned off");
}

public sealed record SignedIn(Guid UserId, bool WithSecurityCode) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.User, UserId, null);

    public override string Action() => AuditActions.SignIn;

    public override AuditDescription Describe(AuditLabels labels) => new(WithSecurityCode ? "Signed in with a security code" : "Signed in");
}

/// <summary>A sign-in was refused; UserId is null when the email address named no account (the address itself is not kept).</summary>
public sealed record SignInRefused(Guid? UserId, SignInRefusal Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.User, UserId ?? Guid.Empty, null);

    public override string Action() => AuditActions.SignInFailed;

    public override AuditDescription Describe(AuditLabels labels) => new("Sign-in refused", [], Reason switch
    {
        SignInRefusal.UnknownUser => "No account has that email address",
        SignInRefusal.Disabled => "The account is disabled",
        SignInRefusal.LockedOut => "The account is locked after too many wrong attempts",
        SignInRefusal.WrongSecurityCode => "Wrong security code",
        _ => "Wrong password",
    });
}

public sealed record SignedOut(Guid UserId) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.User, UserId, null);

    public override string Action() => AuditActions.SignOut;

    public override AuditDescription Describe(AuditLabels labels) => new("Signed out");
}

/// <summary>An administrator issued an API token for their organisation's integration account; Name says what it is for.</summary>
public sealed record ApiTokenIssued(Guid TokenId, Guid OrganisationId, string Name) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.ApiToken, TokenId, null);

    public override string Action() => AuditActions.Create;

    public override AuditDescription Describe(AuditLabels labels) => new("API token issued", [new FieldChange("API token", null, Name)]);
}

public sealed record ApiTokenRevoked(Guid TokenId, Guid OrganisationId) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.ApiToken, TokenId, null);

    public override string Action() => AuditActions.Disable;

    public override AuditDescription Describe(AuditLabels labels) => new("API token revoked");
}

/// <summary>
/// An administration page or service refused a record the user may not administer (another organisation's, or none);
/// the row keeps the id as it was asked for.
/// </summary>
public sealed record AdministrationRefused(string RecordType, Guid? RecordId) : AuditedEvent
{
    public override AuditSubject Subject() => new(RecordType, RecordId ?? Guid.Empty, null);

    public override string Action() => AuditActions.AccessDenied;

    public override AuditDescription Describe(AuditLabels labels) => new("Administration refused");
}

/// <summary>
/// A data protection officer searched their organisation's part of the audit trail. The filters are kept as ids and
/// dates: a staff email address is kept as the account it names, if any, and a person's name as the people it matched,
/// never as typed. PersonId is the person reference searches named before they took a name.
/// </summary>
public sealed record AuditTrailSearched(
    Guid OrganisationId, bool ByStaff, Guid? StaffUserId, Guid? PersonId, Guid? StaffOrganisationId, DateOnly? From, DateOnly? To, int Page,
    bool ByPerson = false, IReadOnlyList<Guid>? People = null) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Audit, OrganisationId, null);

    public override string Action() => AuditActions.AuditSearch;

    public override IEnumerable<Guid> Mentions() => AuditTrailFilters.Mentions(StaffUserId, StaffOrganisationId, [.. new[] { PersonId }.OfType<Guid>(), .. People ?? []]);

    public override AuditDescription Describe(AuditLabels labels) =>
        new("Audit trail searched", AuditTrailFilters.Describe(labels, ByStaff, StaffUserId, ByPerson || PersonId is not null, [.. new[] { PersonId }.OfType<Guid>(), .. People ?? []], StaffOrganisationId, From, To));
}

/// <summary>A data protection officer downloaded every event a search of the audit trail matched, as a spreadsheet.</summary>
public sealed record AuditTrailExported(
    Guid OrganisationId, bool ByStaff, Guid? StaffUserId, bool ByPerson, IReadOnlyList<Guid> People, Guid? StaffOrganisationId, DateOnly? From, DateOnly? To, int Rows) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Audit, OrganisationId, null);

    public override string Action() => AuditActions.AuditExport;

    public override IEnumerable<Guid> Mentions() => AuditTrailFilters.Mentions(StaffUserId, StaffOrganisationId, People);

    public override AuditDescription Describe(AuditLabels labels) => new("Audit trail exported",
    [
        .. AuditTrailFilters.Describe(labels, ByStaff, StaffUserId, ByPerson, People, StaffOrganisationId, From, To),
        new FieldChange("Events exported", null, Rows.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ]);
}

/// <summary>How a search's filters read in the trail of searches and exports.</summary>
internal static class AuditTrailFilters
{
    public static IEnumerable<Guid> Mentions(Guid? staffUserId, Guid? staffOrganisationId, IEnumerable<Guid> people) =>
        [.. new[] { staffUserId, staffOrganisationId }.OfType<Guid>(), .. people];

    public static IReadOnlyList<FieldChange> Describe(
        AuditLabels labels, bool byStaff, Guid? staffUserId, bool byPerson, IReadOnlyList<Guid> people, Guid? staffOrganisationId, DateOnly? from, DateOnly? to)
    {
        var filters = new List<FieldChange>();
        if (byStaff)
        {
            filters.Add(new FieldChange("Staff", null, staffUserId is null ? "No such account" : labels.Name(staffUserId)));
        }

        if (byPerson)
        {
            filters.Add(new FieldChange("Person", null, people.Count == 0 ? "No one matched" : string.Join(", ", people.Select(p => labels.Name(p, "A person you cannot see")))));
        }

        if (staffOrganisationId is { } organisation)
        {
            filters.Add(new FieldChange("Organisation", null, labels.Name(organisation)));
        }

        if (from is { } start)
        {
            filters.Add(new FieldChange("From", null, Infrastructure.Text.Display.Date(start)));
        }

        if (to is { } end)
        {
            filters.Add(new FieldChange("To", null, Infrastructure.Text.Display.Date(end)));
        }

        return filters;
    }
}

/// <summary>A data protection officer read the list of what partnership administrators did to their organisation.</summary>
public sealed record PartnershipActionsListed(Guid OrganisationId, int Page) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Audit, OrganisationId, null);

    public override string Action() => AuditActions.AuditSearch;

    public override AuditDescription Describe(AuditLabels labels) => new("Partnership administrators' actions listed");
}

/// <summary>How a staff account's changes read: labels for roles, job roles, languages, gender identities and teams.</summary>
public static class StaffAccountLabels
{
    public const string Name = "Name";
    public const string Email = "Email";
    public const string Team = "Team";
    public const string Roles = "Roles";
    public const string JobRole = "Job role";
    public const string Languages = "Languages";
    public const string GenderIdentity = "Gender identity";

    public static IReadOnlyList<FieldChange> Labelled(IReadOnlyList<FieldChange> changes, AuditLabels labels) =>
        [.. changes.Select(c => c with { From = Label(c.Field, c.From, labels), To = Label(c.Field, c.To, labels) })];

    private static string? Label(string field, string? value, AuditLabels labels) => value is null ? null : field switch
    {
        Team => Guid.TryParse(value, out var team) ? labels.Name(team, "A team no longer listed") : value,
        Roles => string.Join(", ", value.Split(", ").Select(StaffRoles.Label)),
        JobRole => JobRoles.All.LabelFor(value) ?? value,
        Languages => string.Join(", ", value.Split(", ").Select(l => ReferenceData.Languages.All.LabelFor(l) ?? l)),
        GenderIdentity => GenderIdentities.All.LabelFor(value) ?? value,
        _ => value,
    };
}
