using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.Custody;

public enum CustodyRight
{
    /// <summary>See the period, its key dates and their history, its moves and release, and its journey.</summary>
    See,

    /// <summary>Change key dates, record moves, the release and a recall, and mark the journey's milestones.</summary>
    Record,
}

/// <summary>A custody period as the current user may see it.</summary>
public sealed record CustodyPeriodInView(Guid Id, Guid PersonId, bool IsReleased, Rights<CustodyRight> Rights) : IRecordInView
{
    public string RecordType => AuditRecordTypes.CustodyPeriod;

    public bool Allows(Enum right) => Rights.Has(right);

    public bool May(CustodyRight right) => Rights.Has(right);
}

/// <summary>
/// Who may see and record a person's custody and its journey: the one place that answers it. Custody follows the
/// person's own rule: every organisation with an active role in their care sees it (a prison gains one for each period
/// it holds the person in, and keeps it: <see cref="People.CareRoles.GrantForCustodyAsync"/>), and within it the
/// people's staff see it and its practitioners and managers record it. The route's person, where it names one, must be
/// the period's.
/// </summary>
public sealed class CustodyAccess(ThroughcareDbContext db, CurrentUser user) : IRecordAccess
{
    public const string Key = "custodyPeriodId";

    public string RouteKey => Key;

    public string RecordType => AuditRecordTypes.CustodyPeriod;

    public int Precedence => 30;

    public Enum SeeRight => CustodyRight.See;

    /// <summary>What a member of staff may do with the custody of any person their organisation holds a care role with.</summary>
    public static Rights<CustodyRight> RightsFor(CurrentUser user) => new RightsBuilder<CustodyRight>()
        .Grant(CustodyRight.See, user.Holds(Capabilities.ViewPeople))
        .Grant(CustodyRight.Record, user.Holds(Capabilities.ViewPeople) && user.Holds(Capabilities.RecordCustody))
        .Build();

    /// <summary>The custody periods of the people the user's organisation may see: the people filter decides.</summary>
    public IQueryable<CustodyPeriod> Visible() => db.CustodyPeriods.Where(c => db.People.Any(p => p.Id == c.PersonId && p.MergedIntoPersonId == null));

    public async Task<IRecordInView?> FindAsync(Guid id, RouteValueDictionary routeValues, CancellationToken cancellationToken)
    {
        var periods = Visible().Where(c => c.Id == id);
        if (routeValues.ContainsKey("personId"))
        {
            if (!Guid.TryParse(routeValues["personId"] as string, out var personId))
            {
                return null;
            }

            periods = periods.Where(c => c.PersonId == personId);
        }

        return (await InViewAsync(periods, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<IRecordInView>> ListForPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        await InViewAsync(Visible().Where(c => personIds.Contains(c.PersonId)), cancellationToken);

    private async Task<List<CustodyPeriodInView>> InViewAsync(IQueryable<CustodyPeriod> periods, CancellationToken cancellationToken)
    {
        if (user.UserId is null)
        {
            return [];
        }

        var rights = RightsFor(user);
        var found = await periods.AsNoTracking().Select(c => new { c.Id, c.PersonId, Released = c.ReleasedOn != null }).ToListAsync(cancellationToken);
        return found.Select(c => new CustodyPeriodInView(c.Id, c.PersonId, c.Released, rights)).Where(c => c.May(CustodyRight.See)).ToList();
    }
}
