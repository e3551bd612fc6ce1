using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.People;

public sealed class CareRoleOptions
{
    /// <summary>How long a service keeps its role in a person's care after their episode closes, for follow-up.</summary>
    public int FollowUpDays { get; set; } = 90;
}

/// <summary>
/// Starts and ends organisations' roles in people's care, the one thing that lets an organisation see a person
/// (<see cref="PersonAccess.HoldsCareRole"/>). Each change is added to the caller's unit of work with its audit row,
/// so it commits with the change that caused it.
/// </summary>
public sealed class CareRoles(ThroughcareDbContext db, AuditLog audit, Microsoft.Extensions.Options.IOptions<CareRoleOptions> options)
{
    /// <summary>A referral sent to another organisation's service gives that organisation a role, once per referral.</summary>
    public async Task GrantForReferralAsync(Guid personId, Guid organisationId, Guid referralId, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.PersonCareRoles.AnyAsync(r => r.ReferralId == referralId && r.OrganisationId == organisationId, cancellationToken))
        {
            return;
        }

        var role = db.PersonCareRoles.Add(new PersonCareRole
        {
            Id = Guid.NewGuid(),
            PersonId = personId,
            OrganisationId = organisationId,
            Kind = CareRoleKind.Referral,
            ReferralId = referralId,
            StartedAt = now,
        }).Entity;
        audit.Record(new CareRoleStarted(personId, role.Id, organisationId, referralId));
    }

    /// <summary>
    /// A prison that receives a person, or to which they move, gains a role in their care for that custody period, once;
    /// it keeps the role after the person leaves, as a prison sees the people it holds or has held.
    /// </summary>
    public async Task GrantForCustodyAsync(Guid personId, Guid prisonId, Guid custodyPeriodId, DateTime now, CancellationToken cancellationToken)
    {
        if (db.PersonCareRoles.Local.Any(r => r.CustodyPeriodId == custodyPeriodId && r.OrganisationId == prisonId)
            || await db.PersonCareRoles.AnyAsync(r => r.CustodyPeriodId == custodyPeriodId && r.OrganisationId == prisonId, cancellationToken))
        {
            return;
        }

        var role = db.PersonCareRoles.Add(new PersonCareRole
        {
            Id = Guid.NewGuid(),
            PersonId = personId,
            OrganisationId = prisonId,
            Kind = CareRoleKind.Custody,
            CustodyPeriodId = custodyPeriodId,
            StartedAt = now,
        }).Entity;
        audit.Record(new CustodyCareRoleStarted(personId, role.Id, prisonId, custodyPeriodId));
    }

    /// <summary>
    /// The local authorities that serve the borough a person will be released to gain a role in their care for that
    /// custody period, and keep it after the release (for the archive list); when the borough changes, the roles of
    /// those that no longer serve it end.
    /// </summary>
    public async Task FollowReleaseBoroughAsync(Guid personId, Guid custodyPeriodId, string? borough, DateTime now, CancellationToken cancellationToken)
    {
        var authorities = borough is null
            ? []
            : await db.Organisations.Where(o => o.Kind == Organisations.OrganisationKind.LocalAuthority && o.Borough == borough).Select(o => o.Id).ToListAsync(cancellationToken);
        var held = db.PersonCareRoles.Local.Where(r => r.CustodyPeriodId == custodyPeriodId && r.Kind == CareRoleKind.ReleaseBorough)
            .UnionBy(await db.PersonCareRoles.Where(r => r.CustodyPeriodId == custodyPeriodId && r.Kind == CareRoleKind.ReleaseBorough).ToListAsync(cancellationToken), r => r.Id)
            .Where(r => r.IsActiveAt(now))
            .ToList();
        foreach (var role in held.Where(r => !authorities.Contains(r.OrganisationId)))
        {
            role.EndedAt = now;
            role.EndReason = "No longer the borough they will be released to";
            audit.Record(new CustodyCareRoleEnded(personId, role.Id, role.OrganisationId, custodyPeriodId, role.EndReason));
        }

        foreach (var authority in authorities.Where(a => held.All(r => r.OrganisationId != a)))
        {
            var role = db.PersonCareRoles.Add(new PersonCareRole
            {
                Id = Guid.NewGuid(),
                PersonId = personId,
                OrganisationId = authority,
                Kind = CareRoleKind.ReleaseBorough,
                CustodyPeriodId = custodyPeriodId,
                StartedAt = now,
            }).Entity;
            audit.Record(new CustodyCareRoleStarted(personId, role.Id, authority, custodyPeriodId, CareRoleKind.ReleaseBorough));
        }
    }

    /// <summary>A declined or withdrawn referral ends the role it gave, on the next request.</summary>
    public Task EndForReferralAsync(Guid referralId, string reason, DateTime now, CancellationToken cancellationToken) =>
        EndAsync(referralId, now, reason, cancellationToken);

    /// <summary>The episode the referral opened has closed: the role ends after the follow-up period.</summary>
    public Task EndAfterFollowUpAsync(Guid referralId, DateTime closedAt, CancellationToken cancellationToken) =>
        EndAsync(referralId, closedAt.AddDays(options.Value.FollowUpDays), $"Episode closed; follow-up of {options.Value.FollowUpDays} days", cancellationToken);

    private async Task EndAsync(Guid referralId, DateTime endsAt, string reason, CancellationToken cancellationToken)
    {
        foreach (var role in await db.PersonCareRoles.Where(r => r.ReferralId == referralId && (r.EndedAt == null || r.EndedAt > endsAt)).ToListAsync(cancellationToken))
        {
            role.EndedAt = endsAt;
            role.EndReason = reason;
            audit.Record(new CareRoleEnded(role.PersonId, role.Id, role.OrganisationId, referralId, endsAt, reason));
        }
    }
}
