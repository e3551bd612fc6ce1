using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Services;

/// <summary>
/// A manager's view of the service's team: each worker's caseload against capacity, and every open episode with its
/// flags. The episodes are those the access filter lets the service's organisation find (<see cref="EpisodeAccess"/>):
/// one whose role in the person's care has ended drops out. Each person listed is a recorded read.
/// </summary>
[Authorize(Policy = Capabilities.ScreenReferrals)]
[Requires(ServiceRight.SeeCaseloads)]
public sealed class CaseloadsModel(ReadOnlyDb readOnly, ReadAudit reads, TimeProvider time) : PageModel
{
    public const int PageSize = 25;

    public Guid ServiceId { get; private set; }
    public string ServiceName { get; private set; } = "";
    public int Capacity { get; private set; }
    public IReadOnlyList<WorkerLoad> Workers { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> WorkerNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<CaseloadRow> Rows { get; private set; } = [];
    public int OpenEpisodes { get; private set; }

    /// <summary>The episodes shown: all, or those at risk or waiting for their closure to be signed off.</summary>
    public CaseloadFilter? Filter { get; private set; }
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }
    public DateOnly Today { get; private set; }

    public static readonly CaseloadFilter[] Filters = [CaseloadFilter.AtRisk, CaseloadFilter.Closing];

    public async Task OnGetAsync(string? show, [FromQuery(Name = "page")] int pageNumber = 1)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var inView = HttpContext.Service();
        ServiceId = inView.Id;
        ServiceName = inView.Name;
        Today = Display.Today(time);
        Filter = CaseloadFilters.Parse(show) is { } f && Filters.Contains(f) ? f : null;
        var team = await TeamCaseload.LoadAsync(readOnly.Db, inView.Id, time.GetUtcNow().UtcDateTime, Today, cancellationToken);
        Capacity = team.Capacity;
        OpenEpisodes = team.Rows.Count;
        Workers = team.Workers;
        WorkerNames = team.Workers.ToDictionary(w => w.UserId, w => w.Name);

        var shown = team.Rows.Where(Filter, Today);
        TotalPages = Math.Max(1, (shown.Count + PageSize - 1) / PageSize);
        CurrentPage = Math.Clamp(pageNumber, 1, TotalPages);
        Rows = shown.Skip((CurrentPage - 1) * PageSize).Take(PageSize).ToList();
        reads.ShownPeople(Rows.Select(r => r.PersonId).Distinct(), AuditActions.View, "team caseload");
    }
}
