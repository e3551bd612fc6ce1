using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Organisations;

/// <summary>Every organisation for a partnership administrator; an organisation's administrator sees their own only.</summary>
public sealed class IndexModel(ThroughcareDbContext db, AdministrationScope scope) : PageModel
{
    public sealed record Row(Guid Id, string Name, OrganisationKind Kind, int Teams, int Staff, bool RequireTwoFactor);

    public IReadOnlyList<Row> Organisations { get; private set; } = [];
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }
    public bool CanCreate { get; private set; }

    // "page" is also the route value Razor Pages keeps the page's path in: bound from there it fails, and the list answers 400.
    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        CanCreate = scope.IsPartnershipAdministrator;
        var query = scope.Organisations.OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Kind, o.Teams.Count, db.Users.Count(u => u.OrganisationId == o.Id), o.RequireTwoFactor));
        (Organisations, CurrentPage, TotalPages) = await Paging.PageAsync(query, page, 50, HttpContext.RequestAborted);
    }
}
