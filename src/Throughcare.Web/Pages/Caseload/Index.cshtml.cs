using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Caseload;

/// <summary>
/// A practitioner's own open episodes: what is due next, the last contact, flags, and capacity used per service; a
/// filter narrows the episodes to those with a review due, an overdue action or at risk.
/// </summary>
public sealed class IndexModel(ReadOnlyDb readOnly, ReadAudit reads, CurrentUser user, TimeProvider time) : PageModel
{
    private readonly ThroughcareDbContext db = readOnly.Db;

    public IReadOnlyList<CaseloadRow> Rows { get; private set; } = [];
    public IReadOnlyList<(string Service, int Held, int Capacity)> Capacity { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>Every open episode, or only those a filter keeps (the home page's counts link here).</summary>
    public CaseloadFilter? Filter { get; private set; }
    public int OpenEpisodes { get; private set; }
    public int AtRisk { get; private set; }

    public static readonly CaseloadFilter[] Filters = [CaseloadFilter.ReviewDue, CaseloadFilter.OverdueActions, CaseloadFilter.AtRisk];

    public async Task OnGetAsync(string? show)
    {
        var userId = user.RequireUserId();
        var cancellationToken = HttpContext.RequestAborted;
        Today = Display.Today(time);
        Filter = CaseloadFilters.Parse(show) is { } f && Filters.Contains(f) ? f : null;
        var all = await Core.Domain.Episodes.Caseload.LoadAsync(db, new EpisodeAccess(readOnly.Db, user).Caseload(), time.GetUtcNow().UtcDateTime, Today, cancellationToken);
        OpenEpisodes = all.Count;
        AtRisk = all.Count(CaseloadFilter.AtRisk, Today);
        Rows = all.Where(Filter, Today);
        Capacity = (await db.EpisodeStrands.AsNoTracking()
                .Where(s => s.WorkerUserId == userId && s.EndedAt == null)
                .Join(db.Episodes, s => s.EpisodeId, e => e.Id, (s, e) => e.ServiceId)
                .Join(db.Services, serviceId => serviceId, s => s.Id, (_, s) => new { s.Name, s.CaseloadCapacity })
                .ToListAsync(cancellationToken))
            .GroupBy(s => (s.Name, s.CaseloadCapacity))
            .Select(g => (g.Key.Name, g.Count(), g.Key.CaseloadCapacity))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        reads.ShownPeople(Rows.Select(r => r.PersonId).Distinct(), AuditActions.View, "caseload");
    }

    public static string FilterLabel(CaseloadFilter filter) => filter switch
    {
        CaseloadFilter.ReviewDue => "Review due",
        CaseloadFilter.OverdueActions => "Overdue actions",
        CaseloadFilter.AtRisk => "At risk",
        _ => "Closing",
    };
}
