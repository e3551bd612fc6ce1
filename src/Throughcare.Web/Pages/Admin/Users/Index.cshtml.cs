using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Users;

/// <summary>The staff accounts of the administrator's own organisation.</summary>
public sealed class IndexModel(AdministrationScope scope) : PageModel
{
    public sealed record Row(Guid Id, string Name, string? Email, bool Disabled);

    public IReadOnlyList<Row> Users { get; private set; } = [];
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }
    // "page" is also the route value Razor Pages keeps the page's path in: bound from there it fails, and the list answers 400.
    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var query = scope.Staff
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new Row(u.Id, u.DisplayName, u.Email, u.DisabledAt != null));
        (Users, CurrentPage, TotalPages) = await Paging.PageAsync(query, page, 50, HttpContext.RequestAborted);
    }
}
