using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Services;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Security;

namespace Throughcare.Web.Pages.Services;

public sealed class ViewModel(ThroughcareDbContext db, IAuthorizationService authorization, CurrentUser user) : PageModel
{
    public Service Service { get; private set; } = null!;

    /// <summary>Administrators of the organisation that runs the service change it; everyone else reads it.</summary>
    public bool CanManage { get; private set; }

    /// <summary>Managers of the organisation that runs the service sift its referrals.</summary>
    public bool CanSift { get; private set; }

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid serviceId, string? saved)
    {
        var service = await db.Services.AsNoTracking().AsSplitQuery().Include(s => s.Organisation).Include(s => s.Documents).Include(s => s.Strands)
            .SingleOrDefaultAsync(s => s.Id == serviceId, HttpContext.RequestAborted);
        if (service is null)
        {
            return NotFound();
        }

        Service = service;
        CanManage = service.OrganisationId == user.OrganisationId && (await authorization.AuthorizeAsync(User, Capabilities.ManageServices)).Succeeded;
        CanSift = service.OrganisationId == user.OrganisationId && (await authorization.AuthorizeAsync(User, Capabilities.ScreenReferrals)).Succeeded;
        Saved = saved switch
        {
            "created" => "Service added",
            "updated" => "Service details saved",
            "strand" => "Strand added",
            _ => null,
        };
        return Page();
    }
}
