using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.Journeys;

/// <summary>A milestone of a person's journey as the current user may see it; its rights are its custody period's.</summary>
public sealed record MilestoneInView(Guid Id, Guid PersonId, Guid CustodyPeriodId, Rights<CustodyRight> Rights) : IRecordInView
{
    public string RecordType => AuditRecordTypes.Milestone;

    public bool Allows(Enum right) => Rights.Has(right);

    public bool May(CustodyRight right) => Rights.Has(right);
}

/// <summary>
/// Opens one milestone for the route filter: a milestone is part of its custody period, so who may see and record it is
/// <see cref="CustodyAccess"/>'s answer; the route's person must be the milestone's.
/// </summary>
public sealed class MilestoneAccess(ThroughcareDbContext db, CurrentUser user) : IRecordAccess
{
    public const string Key = "milestoneId";

    public string RouteKey => Key;

    public string RecordType => AuditRecordTypes.Milestone;

    public int Precedence => 20;

    public Enum SeeRight => CustodyRight.See;

    /// <summary>The milestones of the people the user's organisation may see.</summary>
    public IQueryable<Milestone> Visible() => db.Milestones.Where(m => db.People.Any(p => p.Id == m.PersonId && p.MergedIntoPersonId == null));

    public async Task<IRecordInView?> FindAsync(Guid id, RouteValueDictionary routeValues, CancellationToken cancellationToken)
    {
        if (user.UserId is null || !Guid.TryParse(routeValues["personId"] as string, out var personId))
        {
            return null;
        }

        var found = await Visible().AsNoTracking().Where(m => m.Id == id && m.PersonId == personId).Select(m => new { m.Id, m.PersonId, m.CustodyPeriodId }).SingleOrDefaultAsync(cancellationToken);
        var rights = CustodyAccess.RightsFor(user);
        return found is null || !rights.Has(CustodyRight.See) ? null : new MilestoneInView(found.Id, found.PersonId, found.CustodyPeriodId, rights);
    }
}
