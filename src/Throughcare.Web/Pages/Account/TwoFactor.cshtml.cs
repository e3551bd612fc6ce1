using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Account;

public sealed class TwoFactorModel(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, ThroughcareDbContext db, OwnAccount account) : PageModel
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

        return await AnswerAsync(user, await account.TurnOnTwoFactorAsync(user, CodeInput.Normalise(Input.Code), HttpContext.RequestAborted), "Two-factor authentication is now on");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (!Enabled)
        {
            return Page();
        }

        return await AnswerAsync(user, await account.TurnOffTwoFactorAsync(user, HttpContext.RequestAborted), "Two-factor authentication is now off");
    }

    // Changing two-factor settings renews the security stamp, which ends the current session: open a new one.
    private async Task<IActionResult> AnswerAsync(ApplicationUser user, WriteResult result, string flash)
    {
        if (result is WriteResult.Done)
        {
            await RestartSessionAsync(user);
        }

        return await this.AnswerAsync(result.InForm("Input"), new WriteAnswer { Done = _ => RedirectToPage("/Account/Index"), Flash = flash });
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

    private async Task RestartSessionAsync(ApplicationUser user)
    {
        await signIn.SignOutAsync();
        await signIn.SignInAsync(user, isPersistent: false);
    }
}
