using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Infrastructure.Security;

namespace Throughcare.Web.Pages.Account;

public sealed class SignOutModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, AccountAudit audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        await signIn.SignOutAsync();
        await audit.RecordAsync(AuditActions.SignOut, user, AuditOutcome.Success);
        return RedirectToPage("/Account/SignIn", new { signedOut = true });
    }
}
