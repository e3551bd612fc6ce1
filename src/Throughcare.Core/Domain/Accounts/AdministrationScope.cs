using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.Accounts;

/// <summary>
/// Who may administer which organisation, in one place. An organisation's administrators run their own organisation
/// (its staff accounts, API tokens, instruments, services, details and teams) and nothing else. Partnership
/// administrators create organisations, change any organisation's details and teams and give an organisation without
/// an administrator its first one; they see no one's records, and each of their actions is listed for the organisation
/// it touched. The administration pages, their route filter and the account services all ask here; what is refused
/// answers 404 and is audited as denied.
/// </summary>
public sealed class AdministrationScope(ThroughcareDbContext db, CurrentUser user, AuditLog audit)
{
    /// <summary>The roles a partnership administrator may grant: the administrator role only where there is none yet.</summary>
    public static readonly IReadOnlyList<string> PartnershipGrants = [StaffRoles.Administrator, StaffRoles.PartnershipAdministrator];

    public bool IsPartnershipAdministrator => user.Roles.Contains(StaffRoles.PartnershipAdministrator);

    /// <summary>The organisation the user administers as one of its administrators, if any.</summary>
    public Guid? OwnOrganisationId => user.Roles.Contains(StaffRoles.Administrator) ? user.OrganisationId : null;

    /// <summary>Staff accounts, API tokens, instruments and services: the organisation's own administrators only.</summary>
    public bool MayRun(Guid organisationId) => OwnOrganisationId == organisationId;

    /// <summary>An organisation's details and teams: its own administrators, and partnership administrators for every organisation.</summary>
    public bool MayEdit(Guid organisationId) => IsPartnershipAdministrator || MayRun(organisationId);

    /// <summary>
    /// The roles the user may grant or take away in the organisation; others a member of its staff holds stay as they
    /// are. A partnership administrator grants the organisation's administrator role only while it has no active
    /// administrator, so that they cannot give themselves a way into an organisation that runs its own staff.
    /// </summary>
    public async Task<IReadOnlyList<string>> GrantableRolesAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var roles = MayRun(organisationId) ? StaffRoles.OrganisationRoles.ToList() : [];
        if (IsPartnershipAdministrator)
        {
            roles.Add(StaffRoles.PartnershipAdministrator);
            if (!await HasAdministratorAsync(organisationId, cancellationToken))
            {
                roles.Add(StaffRoles.Administrator);
            }
        }

        return [.. roles.Distinct()];
    }

    public Task<bool> HasAdministratorAsync(Guid organisationId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(
            u => u.OrganisationId == organisationId && u.DisabledAt == null && !u.IsIntegration
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == StaffRoles.Administrator)),
            cancellationToken);

    /// <summary>The organisations whose administration pages the user may open.</summary>
    public IQueryable<Organisation> Organisations
    {
        get
        {
            var own = OwnOrganisationId;
            return IsPartnershipAdministrator ? db.Organisations : db.Organisations.Where(o => o.Id == own);
        }
    }

    /// <summary>The staff accounts the user administers: their own organisation's, and none for a partnership administrator.</summary>
    public IQueryable<ApplicationUser> Staff
    {
        get
        {
            var own = OwnOrganisationId;
            return db.Users.Where(u => u.OrganisationId == own);
        }
    }

    public IQueryable<ApiToken> Tokens
    {
        get
        {
            var own = OwnOrganisationId;
            return from t in db.ApiTokens join u in db.Users on t.UserId equals u.Id where u.OrganisationId == own select t;
        }
    }

    /// <summary>Whether the record a route or a form names is one the user may administer.</summary>
    public async Task<bool> MayAdministerAsync(string recordType, Guid id, CancellationToken cancellationToken)
    {
        var own = OwnOrganisationId;
        return recordType switch
        {
            AuditRecordTypes.Organisation => MayEdit(id) && await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken),
            AuditRecordTypes.User => await Staff.AnyAsync(u => u.Id == id, cancellationToken),
            AuditRecordTypes.ApiToken => await Tokens.AnyAsync(t => t.Id == id, cancellationToken),
            AuditRecordTypes.Instrument => await db.Instruments.AnyAsync(i => i.Id == id && i.OrganisationId != null && i.OrganisationId == own, cancellationToken),
            AuditRecordTypes.Service => await db.Services.AnyAsync(s => s.Id == id && s.OrganisationId == own, cancellationToken),
            _ => false,
        };
    }

    /// <summary>Audits a refused attempt at once; the caller answers as if the record did not exist. Call it before any change.</summary>
    public async Task DenyAsync(string recordType, string? recordId, CancellationToken cancellationToken)
    {
        var row = audit.Record(new AdministrationRefused(recordType, Guid.TryParse(recordId, out var id) ? id : null), AuditOutcome.Denied);

        // The id as it was asked for, even when it names nothing.
        row.RecordId = recordId is { Length: > 100 } ? recordId[..100] : recordId;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Lists a partnership administrator's audited action for the organisation it touched; saved with the action.</summary>
    public void Touched(AuditEvent action, Guid organisationId)
    {
        if (IsPartnershipAdministrator)
        {
            db.PartnershipActions.Add(new PartnershipAction { Id = Guid.NewGuid(), AuditEventId = action.Id, OrganisationId = organisationId });
        }
    }

    /// <summary>A partnership administrator opening another organisation's pages is an action of theirs too.</summary>
    public async Task RecordViewAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        if (IsPartnershipAdministrator && !MayRun(organisationId))
        {
            Touched(audit.Record(new OrganisationOpened(organisationId)), organisationId);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
