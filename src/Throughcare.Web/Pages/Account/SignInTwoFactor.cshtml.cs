using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Web.Infrastructure;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Account;

[EnableRateLimiting(ThroughcareHost.SignInRateLimit)]
public sealed class SignInTwoFactorModel(SignInManager<ApplicationUser> signIn, AccountAudit audit) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (!CodeInput.Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(CodeInput.Normalise(Input.Code), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(new SignedIn(user.Id, WithSecurityCode: true), user);
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }

        await audit.RecordAsync(new SignInRefused(user.Id, result.IsLockedOut ? SignInRefusal.LockedOut : SignInRefusal.WrongSecurityCode), user, AuditOutcome.Denied);
        ModelState.AddModelError("Input.Code", OwnAccount.WrongSecurityCode);
        return Page();
    }
}

public sealed class CodeInput
{
    public string? Code { get; set; }

    public static readonly InlineValidator<CodeInput> Validator = new()
    {
        v => v.RuleFor(x => x.Code).NotEmpty().WithMessage("Enter your security code")
            .Must(c => Normalise(c).Length == 6 && Normalise(c).All(char.IsAsciiDigit))
            .WithMessage("Security code must be 6 digits"),
    };

    public static string Normalise(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
