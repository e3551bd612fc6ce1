using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Infrastructure.Database;

namespace Throughcare.Web.Domain.Organisations;

public sealed record OrganisationDetails(string Name, OrganisationKind Kind, bool RequireTwoFactor);

public abstract record OrganisationOutcome
{
    public sealed record Saved(Guid OrganisationId) : OrganisationOutcome;

    public sealed record NameTaken : OrganisationOutcome;

    public sealed record Conflict(OrganisationDetails Current, Guid CurrentVersion) : OrganisationOutcome;

    public sealed record NotFound : OrganisationOutcome;
}

/// <summary>
/// Changes to the partnership's organisations: partnership administrators create them and change any; an organisation's
/// own administrators change theirs (<see cref="AdministrationScope"/>). A refused change is audited as denied.
/// </summary>
public sealed class OrganisationService(ThroughcareDbContext db, AuditLog audit, TimeProvider time, AdministrationScope scope)
{
    public async Task<OrganisationOutcome> CreateAsync(OrganisationDetails details, Guid submissionId, CancellationToken cancellationToken)
    {
        if (!scope.IsPartnershipAdministrator)
        {
            await scope.DenyAsync(AuditRecordTypes.Organisation, null, cancellationToken);
            return new OrganisationOutcome.NotFound();
        }

        if (await db.Organisations.Where(o => o.SubmissionId == submissionId).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken) is { } already)
        {
            return new OrganisationOutcome.Saved(already);
        }

        if (await NameTakenAsync(details.Name, null, cancellationToken))
        {
            return new OrganisationOutcome.NameTaken();
        }

        var organisation = new Organisation
        {
            Id = Guid.NewGuid(),
            Name = details.Name,
            Kind = details.Kind,
            RequireTwoFactor = details.RequireTwoFactor,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            SubmissionId = submissionId,
        };
        db.Organisations.Add(organisation);
        var created = audit.Add(AuditRecordTypes.Organisation, organisation.Id.ToString(), AuditActions.Create, details: new
        {
            changes = FieldChanges.Compare(new OrganisationDetails("", default, false), details),
        });
        scope.Touched(created, organisation.Id);
        return await SaveAsync(organisation.Id, submissionId, cancellationToken);
    }

    public async Task<OrganisationOutcome> UpdateAsync(Guid organisationId, Guid version, OrganisationDetails details, CancellationToken cancellationToken)
    {
        var organisation = scope.MayEdit(organisationId) ? await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken) : null;
        if (organisation is null)
        {
            await scope.DenyAsync(AuditRecordTypes.Organisation, organisationId.ToString(), cancellationToken);
            return new OrganisationOutcome.NotFound();
        }

        var current = new OrganisationDetails(organisation.Name, organisation.Kind, organisation.RequireTwoFactor);
        if (organisation.Version != version)
        {
            return new OrganisationOutcome.Conflict(current, organisation.Version);
        }

        if (await NameTakenAsync(details.Name, organisationId, cancellationToken))
        {
            return new OrganisationOutcome.NameTaken();
        }

        organisation.Name = details.Name;
        organisation.Kind = details.Kind;
        organisation.RequireTwoFactor = details.RequireTwoFactor;
        organisation.Version = Guid.NewGuid();
        scope.Touched(audit.Add(AuditRecordTypes.Organisation, organisationId.ToString(), AuditActions.Update, details: new { changes = FieldChanges.Compare(current, details) }), organisationId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new OrganisationOutcome.Saved(organisationId);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var latest = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, cancellationToken);
            return new OrganisationOutcome.Conflict(new OrganisationDetails(latest.Name, latest.Kind, latest.RequireTwoFactor), latest.Version);
        }
    }

    public async Task<OrganisationOutcome> AddTeamAsync(Guid organisationId, string name, CancellationToken cancellationToken)
    {
        if (!scope.MayEdit(organisationId) || !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            await scope.DenyAsync(AuditRecordTypes.Organisation, organisationId.ToString(), cancellationToken);
            return new OrganisationOutcome.NotFound();
        }

        if (await db.Teams.AnyAsync(t => t.OrganisationId == organisationId && t.Name == name, cancellationToken))
        {
            return new OrganisationOutcome.NameTaken();
        }

        var team = new Team { Id = Guid.NewGuid(), OrganisationId = organisationId, Name = name, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Teams.Add(team);
        var added = audit.Add(AuditRecordTypes.Team, team.Id.ToString(), AuditActions.Create, details: new
        {
            changes = new[] { new FieldChange("Team", null, name) },
            organisation = organisationId,
        });
        scope.Touched(added, organisationId);
        await db.SaveChangesAsync(cancellationToken);
        return new OrganisationOutcome.Saved(organisationId);
    }

    private Task<bool> NameTakenAsync(string name, Guid? except, CancellationToken cancellationToken) =>
        db.Organisations.AnyAsync(o => o.Name == name && o.Id != except, cancellationToken);

    private async Task<OrganisationOutcome> SaveAsync(Guid organisationId, Guid submissionId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new OrganisationOutcome.Saved(organisationId);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var raced = await db.Organisations.Where(o => o.SubmissionId == submissionId).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken);
            return raced is { } id ? new OrganisationOutcome.Saved(id) : new OrganisationOutcome.NameTaken();
        }
    }
}
