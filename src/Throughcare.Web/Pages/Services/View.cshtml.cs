using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Web.Pages.Services;

/// <summary>A service as every member of staff reads it; its rights say who may change it and who sifts its referrals.</summary>
public sealed class ViewModel(ThroughcareDbContext db) : PageModel
{
    public Service Service { get; private set; } = null!;

    /// <summary>Administrators of the organisation that runs the service change it; everyone else reads it.</summary>
    public bool CanManage { get; private set; }

    /// <summary>Managers of the organisation that runs the service sift its referrals.</summary>
    public bool CanSift { get; private set; }

    /// <summary>Managers of the organisation that runs the service see its team's caseloads.</summary>
    public bool CanSeeCaseloads { get; private set; }

    public async Task OnGetAsync()
    {
        var inView = HttpContext.Service();
        Service = await db.Services.AsNoTracking().AsSplitQuery().Include(s => s.Organisation).Include(s => s.Documents).Include(s => s.Strands)
            .SingleAsync(s => s.Id == inView.Id, HttpContext.RequestAborted);
        CanManage = inView.May(ServiceRight.Manage);
        CanSift = inView.May(ServiceRight.Sift);
        CanSeeCaseloads = inView.May(ServiceRight.SeeCaseloads);
    }
}
