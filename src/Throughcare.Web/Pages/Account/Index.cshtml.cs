using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Security;

namespace Throughcare.Web.Pages.Account;

public sealed class IndexModel(ThroughcareDbContext db, CurrentUser currentUser, UserManager<ApplicationUser> users) : PageModel
{
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Organisation { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public bool TwoFactorEnabled { get; private set; }
    public bool HasCalendarFeed { get; private set; }

    public async Task OnGetAsync()
    {
        var userId = currentUser.RequireUserId();
        var user = await db.Users.Include(u => u.Organisation).SingleAsync(u => u.Id == userId);
        Name = user.DisplayName;
        Email = user.Email ?? "";
        Organisation = user.Organisation!.Name;
        TwoFactorEnabled = user.TwoFactorEnabled;
        Roles = [.. await users.GetRolesAsync(user)];
        HasCalendarFeed = await db.CalendarFeeds.AnyAsync(f => f.UserId == userId && f.RevokedAt == null);
    }
}
