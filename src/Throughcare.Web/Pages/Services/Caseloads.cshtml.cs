using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Access;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Domain.Services;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Services;

/// <summary>
/// A manager's view of the service's team: each worker's caseload against capacity, and every open episode with its
/// flags. The episodes are those the access filter lets the service's organisation find (<see cref="EpisodeAccess"/>):
/// one whose role in the person's care has ended drops out. Each person listed is a recorded read.
/// </summary>
[Authorize(Policy = Capabilities.ScreenReferrals)]
[Requires(ServiceRight.SeeCaseloads)]
public sealed class CaseloadsModel(ThroughcareDbContext db, ReadAudit reads, TimeProvider time) : PageModel
{
    public const int PageSize = 25;

    public sealed record WorkerLoad(Guid UserId, string Name, string? JobRole, int Held, int AtRisk, int ReviewsDue, int OverdueActions);

    public Guid ServiceId { get; private set; }
    public string ServiceName { get; private set; } = "";
    public int Capacity { get; private set; }
    public IReadOnlyList<WorkerLoad> Workers { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> WorkerNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<CaseloadRow> Rows { get; private set; } = [];
    public int OpenEpisodes { get; private set; }
    public bool AtRiskOnly { get; private set; }
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(string? show, [FromQuery(Name = "page")] int pageNumber = 1)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var inView = HttpContext.Service();
        var organisationId = inView.OrganisationId;
        var service = await db.Services.AsNoTracking().Include(s => s.Strands).SingleAsync(s => s.Id == inView.Id, cancellationToken);
        ServiceId = service.Id;
        ServiceName = service.Name;
        Capacity = service.CaseloadCapacity;
        Today = Display.Today(time);
        AtRiskOnly = show == "at-risk";
        var all = await Domain.Episodes.Caseload.LoadAsync(db, db.Episodes.Where(e => e.ServiceId == service.Id), time.GetUtcNow().UtcDateTime, Today, cancellationToken);
        OpenEpisodes = all.Count;

        var roles = service.Strands.Select(s => s.WorkerRole).Distinct().ToList();
        var practitionerRoleIds = db.Roles.Where(r => r.Name == StaffRoles.Practitioner || r.Name == StaffRoles.Manager).Select(r => r.Id);
        var holders = all.SelectMany(r => r.WorkerIds).ToHashSet();
        var staff = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && !u.IsIntegration
                && (holders.Contains(u.Id) || (u.DisabledAt == null && u.JobRole != null && roles.Contains(u.JobRole) && db.UserRoles.Any(ur => ur.UserId == u.Id && practitionerRoleIds.Contains(ur.RoleId)))))
            .Select(u => new { u.Id, u.DisplayName, u.JobRole })
            .ToListAsync(cancellationToken);
        WorkerNames = staff.ToDictionary(s => s.Id, s => s.DisplayName);
        Workers = staff.Select(s =>
            {
                var theirs = all.Where(r => r.WorkerIds.Contains(s.Id)).ToList();
                return new WorkerLoad(s.Id, s.DisplayName, s.JobRole, theirs.Count, theirs.Count(r => r.Signal.AtRisk), theirs.Count(r => r.ReviewDue(Today)), theirs.Sum(r => r.OverdueActions));
            })
            .OrderByDescending(w => w.Held)
            .ThenBy(w => w.Name, StringComparer.Ordinal)
            .ToList();

        var shown = AtRiskOnly ? all.Where(r => r.Signal.AtRisk).ToList() : all;
        TotalPages = Math.Max(1, (shown.Count + PageSize - 1) / PageSize);
        CurrentPage = Math.Clamp(pageNumber, 1, TotalPages);
        Rows = shown.Skip((CurrentPage - 1) * PageSize).Take(PageSize).ToList();
        reads.ShownPeople(Rows.Select(r => r.PersonId).Distinct(), AuditActions.View, "team caseload");
    }
}
