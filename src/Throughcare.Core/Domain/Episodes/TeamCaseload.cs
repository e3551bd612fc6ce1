using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Episodes;

/// <summary>One worker's share of a service's open episodes.</summary>
public sealed record WorkerLoad(Guid UserId, string Name, string? JobRole, int Held, int AtRisk, int ReviewsDue, int OverdueActions);

/// <summary>A service's open episodes and its team's caseloads against capacity.</summary>
public sealed record TeamCaseload(IReadOnlyList<CaseloadRow> Rows, IReadOnlyList<WorkerLoad> Workers, int Capacity)
{
    public IEnumerable<WorkerLoad> FullWorkers => Workers.Where(w => CaseloadRow.IsFull(w.Held, Capacity));

    /// <summary>
    /// The service's open episodes as the access filter lets the user's organisation find them, and its workers: everyone
    /// who holds a strand in one, and every active practitioner or manager of the service's organisation whose job role
    /// one of its strands needs. The manager's team caseloads and the home page both read it from here.
    /// </summary>
    public static async Task<TeamCaseload> LoadAsync(ThroughcareDbContext db, Guid serviceId, DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Strands).SingleAsync(s => s.Id == serviceId, cancellationToken);
        var all = await Caseload.LoadAsync(db, db.Episodes.Where(e => e.ServiceId == service.Id), now, today, cancellationToken);

        var roles = service.Strands.Select(s => s.WorkerRole).Distinct().ToList();
        var practitionerRoleIds = db.Roles.Where(r => r.Name == StaffRoles.Practitioner || r.Name == StaffRoles.Manager).Select(r => r.Id);
        var holders = all.SelectMany(r => r.WorkerIds).ToHashSet();
        var staff = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == service.OrganisationId && !u.IsIntegration
                && (holders.Contains(u.Id) || (u.DisabledAt == null && u.JobRole != null && roles.Contains(u.JobRole) && db.UserRoles.Any(ur => ur.UserId == u.Id && practitionerRoleIds.Contains(ur.RoleId)))))
            .Select(u => new { u.Id, u.DisplayName, u.JobRole })
            .ToListAsync(cancellationToken);
        var workers = staff.Select(s =>
            {
                var theirs = all.Where(r => r.WorkerIds.Contains(s.Id)).ToList();
                return new WorkerLoad(s.Id, s.DisplayName, s.JobRole, theirs.Count, theirs.Count(CaseloadFilter.AtRisk, today), theirs.Count(CaseloadFilter.ReviewDue, today), theirs.Sum(r => r.OverdueActions));
            })
            .OrderByDescending(w => w.Held)
            .ThenBy(w => w.Name, StringComparer.Ordinal)
            .ToList();
        return new TeamCaseload(all, workers, service.CaseloadCapacity);
    }
}
