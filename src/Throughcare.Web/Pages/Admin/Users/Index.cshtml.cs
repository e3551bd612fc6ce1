using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Users;

public sealed class IndexModel(ThroughcareDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string? Email, string Organisation, bool Disabled);

    [BindProperty(SupportsGet = true)]
    public Guid? OrganisationId { get; set; }

    public IReadOnlyList<Row> Users { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationItems { get; private set; } = [];
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }
    public bool Saved { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, string? saved = null)
    {
        Saved = saved == "created";
        OrganisationItems = await db.Organisations.OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync();
        var query = db.Users.Where(u => OrganisationId == null || u.OrganisationId == OrganisationId)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new Row(u.Id, u.DisplayName, u.Email, u.Organisation!.Name, u.DisabledAt != null));
        (Users, CurrentPage, TotalPages) = await Paging.PageAsync(query, pageNumber, 50, HttpContext.RequestAborted);
    }
}
