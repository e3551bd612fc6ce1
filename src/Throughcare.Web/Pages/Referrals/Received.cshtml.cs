using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Pages.Services;

namespace Throughcare.Web.Pages.Referrals;

/// <summary>
/// A manager's way into the sift of each service their organisation runs: what waits in each, linking to the sift and
/// the team caseloads filtered to exactly those. It names services and counts, never a person.
/// </summary>
[Authorize(Policy = Capabilities.ScreenReferrals)]
public sealed class ReceivedModel(ThroughcareDbContext db, ServiceAccess services, ReferralAccess referrals, TimeProvider time) : PageModel
{
    public IReadOnlyList<ServiceWork> Services { get; private set; } = [];

    public async Task OnGetAsync() => Services = await ServiceWork.LoadAsync(db, services, referrals, time, HttpContext.RequestAborted);
}
