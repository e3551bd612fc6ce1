using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Account;

public sealed class TwoFactorModel(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, ThroughcareDbContext db, AccountAudit audit) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string FormattedKey { get; private set; } = "";

    /// <summary>The key and account as a QR code an authenticator app can scan, as a PNG data URI (no script, allowed by the CSP).</summary>
    public string? QrCode { get; private set; }
    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (Enabled || !CodeInput.Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, CodeInput.Normalise(Input.Code));
        if (!valid)
        {
            ModelState.AddModelError("Input.Code", "The security code is not correct. Enter the code your authenticator app shows now");
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordAsync(AuditActions.TwoFactorEnabled, user, AuditOutcome.Success);
        await RestartSessionAsync(user);
        return Redirect("/account?saved=two-factor-on");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (!Enabled || Required)
        {
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(AuditActions.TwoFactorEnabled, user, AuditOutcome.Success, "turned off");
        await RestartSessionAsync(user);
        return Redirect("/account?saved=two-factor-off");
    }

    private async Task<ApplicationUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return null;
        }

        Enabled = user.TwoFactorEnabled;
        Email = user.Email ?? "";
        Required = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.RequireTwoFactor).SingleAsync();
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
                await RestartSessionAsync(user);
            }

            FormattedKey = string.Join(' ', key!.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
            QrCode = AuthenticatorQrCode.DataUri(Email, key);
        }

        return user;
    }

    // Changing two-factor settings renews the security stamp, which ends the current session: open a new one.
    private async Task RestartSessionAsync(ApplicationUser user)
    {
        await signIn.SignOutAsync();
        await signIn.SignInAsync(user, isPersistent: false);
    }
}
