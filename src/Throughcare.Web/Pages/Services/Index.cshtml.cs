using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Services;

public sealed class IndexModel(ThroughcareDbContext db, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, string Name, string Organisation, string WhoFor, bool AcceptingReferrals);

    public IReadOnlyList<Row> Services { get; private set; } = [];
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1)
    {
        var query = db.Services.AsNoTracking().Include(s => s.Organisation).OrderBy(s => s.Name).ThenBy(s => s.Id);
        (var services, CurrentPage, TotalPages) = await Paging.PageAsync(query, pageNumber, PageSize, HttpContext.RequestAborted);
        Services = services.Select(s => new Row(s.Id, s.Name, s.Organisation!.Name, ServiceDisplay.WhoFor(s), s.AcceptingReferrals)).ToList();
        CanCreate = (await authorization.AuthorizeAsync(User, Capabilities.ManageServices)).Succeeded;
    }
}
