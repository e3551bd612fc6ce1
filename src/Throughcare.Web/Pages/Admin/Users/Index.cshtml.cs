using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Users;

/// <summary>The staff accounts of the administrator's own organisation: all, or those locked or not yet signed in with.</summary>
public sealed class IndexModel(AdministrationScope scope, ThroughcareDbContext db, TimeProvider time) : PageModel
{
    public AccountAttention? Filter { get; private set; }

    public sealed record Row(Guid Id, string Name, string? Email, bool Disabled);

    public IReadOnlyList<Row> Users { get; private set; } = [];
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }
    // "page" is also the route value Razor Pages keeps the page's path in: bound from there it fails, and the list answers 400.
    public async Task OnGetAsync(string? show, [FromQuery] int page = 1)
    {
        Filter = AccountsNeedingAttention.Parse(show);
        var staff = scope.Staff;
        if (Filter is { } attention)
        {
            var ids = await AccountsNeedingAttention.IdsAsync(db, staff, attention, time.GetUtcNow(), HttpContext.RequestAborted);
            staff = staff.Where(u => ids.Contains(u.Id));
        }

        var query = staff
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new Row(u.Id, u.DisplayName, u.Email, u.DisabledAt != null));
        (Users, CurrentPage, TotalPages) = await Paging.PageAsync(query, page, 50, HttpContext.RequestAborted);
    }

    public string PageHrefTemplate => $"{Url.Page("/Admin/Users/Index", new { show = Filter?.Slug() })}{(Filter is null ? "?" : "&")}page={{page}}";

    public static string FilterLabel(AccountAttention attention) => attention == AccountAttention.Locked ? "Locked" : "Not yet signed in";
}
