namespace Throughcare.Core.Domain.Accounts;

/// <summary>The roles a member of staff can hold in their organisation. Stored as Identity role names.</summary>
public static class StaffRoles
{
    public const string Practitioner = "Practitioner";
    public const string Manager = "Manager";
    public const string Administrator = "Administrator";
    public const string Commissioner = "Commissioner";
    public const string DataProtectionOfficer = "DataProtectionOfficer";
    public const string Volunteer = "Volunteer";

    /// <summary>Administers the partnership itself: its organisations and their administrators, never anyone's records.</summary>
    public const string PartnershipAdministrator = "PartnershipAdministrator";

    /// <summary>The roles an organisation's administrator may grant to its staff.</summary>
    public static readonly IReadOnlyList<string> OrganisationRoles =
        [Practitioner, Manager, Administrator, Commissioner, DataProtectionOfficer, Volunteer];

    public static readonly IReadOnlyList<string> All = [.. OrganisationRoles, PartnershipAdministrator];

    public static string Label(string role) => role switch
    {
        DataProtectionOfficer => "Data protection officer",
        PartnershipAdministrator => "Partnership administrator",
        _ => role,
    };
}

/// <summary>Named capabilities; each is an authorization policy satisfied by the roles listed here, in one place.</summary>
public static class Capabilities
{
    public const string ViewPeople = "people.view";
    public const string EditPeople = "people.edit";
    public const string MergePeople = "people.merge";
    public const string Administer = "admin";
    public const string AdministerPartnership = "partnership.admin";
    public const string OpenAdministration = "admin.open";
    public const string SearchAudit = "audit.search";
    public const string ManageServices = "services.manage";
    public const string ViewServices = "services.view";
    public const string MakeReferrals = "referrals.make";
    public const string ScreenReferrals = "referrals.screen";
    public const string ViewEpisodes = "episodes.view";
    public const string WorkEpisodes = "episodes.work";
    public const string SignOffEpisodes = "episodes.signoff";
    public const string RecordCustody = "custody.record";

    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>
    {
        [ViewPeople] = [StaffRoles.Practitioner, StaffRoles.Manager, StaffRoles.Administrator, StaffRoles.DataProtectionOfficer],
        [EditPeople] = [StaffRoles.Practitioner, StaffRoles.Manager, StaffRoles.Administrator],
        [MergePeople] = [StaffRoles.Administrator],
        [Administer] = [StaffRoles.Administrator],

        // Creating organisations and their administrators; grants no access to anyone's records.
        [AdministerPartnership] = [StaffRoles.PartnershipAdministrator],

        // The administration pages open to both; which organisations each may administer is AdministrationScope's rule.
        [OpenAdministration] = [StaffRoles.Administrator, StaffRoles.PartnershipAdministrator],
        [SearchAudit] = [StaffRoles.DataProtectionOfficer],
        [ManageServices] = [StaffRoles.Administrator],
        [ViewServices] = [StaffRoles.Practitioner, StaffRoles.Manager, StaffRoles.Administrator],
        [MakeReferrals] = [StaffRoles.Practitioner, StaffRoles.Manager],
        [ScreenReferrals] = [StaffRoles.Manager],

        // The data protection officer may read an episode (restricted notes included) but never records in it.
        [ViewEpisodes] = [StaffRoles.Practitioner, StaffRoles.Manager, StaffRoles.DataProtectionOfficer],
        [WorkEpisodes] = [StaffRoles.Practitioner, StaffRoles.Manager],
        [SignOffEpisodes] = [StaffRoles.Manager],

        // Sentences, key dates, moves, releases and the journey's milestones: case work, so never the data protection officer's.
        [RecordCustody] = [StaffRoles.Practitioner, StaffRoles.Manager],
    };
}
