using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Organisations;

public sealed record OrganisationDetails(
    [property: Display(Name = "Name")] string Name,
    [property: Display(Name = OrganisationDetails.KindField)] OrganisationKind Kind,
    [property: Display(Name = "Two-factor required")] bool RequireTwoFactor,
    [property: Display(Name = OrganisationDetails.BoroughField)] string? Borough = null)
{
    public const string KindField = "Kind of organisation";
    public const string BoroughField = "Borough it serves";
}

/// <summary>An organisation's details as saved now, with the version an edit form carries: what a conflict shows.</summary>
public sealed record SavedOrganisation(OrganisationDetails Details, Guid Version);

/// <summary>
/// Changes to the partnership's organisations: partnership administrators create them and change any; an organisation's
/// own administrators change theirs (<see cref="AdministrationScope"/>). A refused change is audited as denied.
/// </summary>
public sealed class OrganisationService(ThroughcareDbContext db, AuditLog audit, TimeProvider time, AdministrationScope scope)
{
    public const string NameTaken = "An organisation with this name already exists";
    public const string TeamNameTaken = "This organisation already has a team with this name";

    public async Task<WriteResult> CreateAsync(OrganisationDetails details, Guid submissionId, CancellationToken cancellationToken)
    {
        if (!scope.IsPartnershipAdministrator)
        {
            await scope.DenyAsync(AuditRecordTypes.Organisation, null, cancellationToken);
            return new WriteResult.NotFound();
        }

        if (await db.Organisations.Where(o => o.SubmissionId == submissionId).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken) is { } already)
        {
            return new WriteResult.Done(already);
        }

        if (await NameIsTakenAsync(details.Name, null, cancellationToken))
        {
            return new WriteResult.Refused(NameTaken);
        }

        var organisation = new Organisation
        {
            Id = Guid.NewGuid(),
            Name = details.Name,
            Kind = details.Kind,
            RequireTwoFactor = details.RequireTwoFactor,
            Borough = details.Borough,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            SubmissionId = submissionId,
        };
        db.Organisations.Add(organisation);
        scope.Touched(audit.Record(new OrganisationCreated(organisation.Id, FieldChanges.Compare(new OrganisationDetails("", default, false), details))), organisation.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new WriteResult.Done(organisation.Id);
        }
        catch (DbUpdateException)
        {
            // The same form sent twice at once: the other request added the organisation, so answer with it.
            db.ChangeTracker.Clear();
            var raced = await db.Organisations.Where(o => o.SubmissionId == submissionId).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken);
            return raced is { } id ? new WriteResult.Done(id) : new WriteResult.Refused(NameTaken);
        }
    }

    /// <summary>Saves the details if the organisation is still at the version the form showed; a conflict carries a <see cref="SavedOrganisation"/>.</summary>
    public async Task<WriteResult> UpdateAsync(Guid organisationId, Guid version, OrganisationDetails details, CancellationToken cancellationToken)
    {
        var organisation = scope.MayEdit(organisationId) ? await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken) : null;
        if (organisation is null)
        {
            await scope.DenyAsync(AuditRecordTypes.Organisation, organisationId.ToString(), cancellationToken);
            return new WriteResult.NotFound();
        }

        var current = DetailsOf(organisation);
        if (organisation.Version != version)
        {
            return new WriteResult.Conflict(new SavedOrganisation(current, organisation.Version));
        }

        if (await NameIsTakenAsync(details.Name, organisationId, cancellationToken))
        {
            return new WriteResult.Refused(NameTaken);
        }

        organisation.Name = details.Name;
        organisation.Kind = details.Kind;
        organisation.RequireTwoFactor = details.RequireTwoFactor;
        organisation.Borough = details.Borough;
        organisation.Version = Guid.NewGuid();
        scope.Touched(audit.Record(new OrganisationUpdated(organisationId, FieldChanges.Compare(current, details))), organisationId);
        return await db.SaveOrConflictAsync(new WriteResult.Done(organisationId), cancellationToken, async () =>
        {
            var latest = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, cancellationToken);
            return new SavedOrganisation(DetailsOf(latest), latest.Version);
        });
    }

    /// <summary>Adds a team; Done carries the organisation's id, whose page lists its teams.</summary>
    public async Task<WriteResult> AddTeamAsync(Guid organisationId, string name, CancellationToken cancellationToken)
    {
        if (!scope.MayEdit(organisationId) || !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            await scope.DenyAsync(AuditRecordTypes.Organisation, organisationId.ToString(), cancellationToken);
            return new WriteResult.NotFound();
        }

        if (await db.Teams.AnyAsync(t => t.OrganisationId == organisationId && t.Name == name, cancellationToken))
        {
            return new WriteResult.Refused(TeamNameTaken);
        }

        var team = new Team { Id = Guid.NewGuid(), OrganisationId = organisationId, Name = name, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Teams.Add(team);
        scope.Touched(audit.Record(new TeamAdded(team.Id, organisationId, name)), organisationId);
        await db.SaveChangesAsync(cancellationToken);
        return new WriteResult.Done(organisationId);
    }

    private static OrganisationDetails DetailsOf(Organisation organisation) => new(organisation.Name, organisation.Kind, organisation.RequireTwoFactor, organisation.Borough);

    private Task<bool> NameIsTakenAsync(string name, Guid? except, CancellationToken cancellationToken) =>
        db.Organisations.AnyAsync(o => o.Name == name && o.Id != except, cancellationToken);
}
