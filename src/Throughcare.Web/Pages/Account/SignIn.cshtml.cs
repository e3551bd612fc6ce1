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
public sealed class SignInModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, AccountAudit audit) : PageModel
{
    public const string WrongDetails = "Enter a correct email address and password. After 10 wrong attempts an account is locked for 15 minutes";

    // Verifying against a real hash for unknown users makes their answer take as long as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser { DisplayName = "" }, Guid.NewGuid().ToString()));

    private static readonly InlineValidator<SignInInput> Validator = new()
    {
        v => v.RuleFor(x => x.Email).NotEmpty().WithMessage("Enter your email address")
            .MaximumLength(256).WithMessage("Email address must be 256 characters or fewer"),
        v => v.RuleFor(x => x.Password).NotEmpty().WithMessage("Enter your password")
            .MaximumLength(256).WithMessage("Password must be 256 characters or fewer"),
    };

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? RedirectToPage("/Index") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is null || user.IsDisabled)
        {
            users.PasswordHasher.VerifyHashedPassword(new ApplicationUser { DisplayName = "" }, DecoyHash.Value, Input.Password!);
            await audit.RecordAsync(new SignInRefused(user?.Id, user is null ? SignInRefusal.UnknownUser : SignInRefusal.Disabled), user, AuditOutcome.Denied);
            return Failed();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(new SignedIn(user.Id, WithSecurityCode: false), user);
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoFactor", new { returnUrl = SafeReturnUrl(ReturnUrl) });
        }

        await audit.RecordAsync(new SignInRefused(user.Id, result.IsLockedOut ? SignInRefusal.LockedOut : SignInRefusal.WrongPassword), user, AuditOutcome.Denied);
        return Failed();
    }

    private PageResult Failed()
    {
        ModelState.AddModelError("Input.Email", WrongDetails);
        Input.Password = null;
        return Page();
    }

    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && returnUrl.All(c => !char.IsControl(c))
            ? returnUrl
            : "/";

    public sealed class SignInInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }
}
