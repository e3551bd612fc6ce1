using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Organisations;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Organisations;

public sealed class IndexModel(ThroughcareDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, OrganisationKind Kind, int Teams, int Staff, bool RequireTwoFactor);

    public IReadOnlyList<Row> Organisations { get; private set; } = [];
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1)
    {
        var query = db.Organisations.OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Kind, o.Teams.Count, db.Users.Count(u => u.OrganisationId == o.Id), o.RequireTwoFactor));
        (Organisations, CurrentPage, TotalPages) = await Paging.PageAsync(query, pageNumber, 50, HttpContext.RequestAborted);
    }
}
