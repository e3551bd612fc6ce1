using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Account;

public sealed class ChangePasswordModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, OwnAccount account) : PageModel
{
    private static readonly InlineValidator<PasswordInput> Validator = new()
    {
        v => v.RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Enter your current password")
            .MaximumLength(256).WithMessage("Current password must be 256 characters or fewer"),
        v => v.RuleFor(x => x.NewPassword).NotEmpty().WithMessage("Enter a new password")
            .MaximumLength(256).WithMessage("New password must be 256 characters or fewer"),
        v => v.RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("Passwords do not match"),
    };

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await account.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!, HttpContext.RequestAborted);
        if (result is WriteResult.Done)
        {
            // The password change ended every session of this user; start a fresh one here.
            await signIn.SignOutAsync();
            await signIn.SignInAsync(user, isPersistent: false);
        }

        return await this.AnswerAsync(result.InForm("Input"), new WriteAnswer
        {
            Done = _ => RedirectToPage("/Account/Index"),
            Flash = "Your password has been changed",
        });
    }

    public sealed class PasswordInput
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }
}
