using Microsoft.AspNetCore.Identity;

namespace Throughcare.Core.Domain.Accounts;

/// <summary>Applies <see cref="PasswordPolicy"/> when Identity creates a user or changes a password.</summary>
public sealed class PasswordPolicyValidator<TUser> : IPasswordValidator<TUser>
    where TUser : class
{
    public async Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        var userName = await manager.GetUserNameAsync(user);
        var email = manager.SupportsUserEmail ? await manager.GetEmailAsync(user) : null;
        var message = PasswordPolicy.Check(password ?? string.Empty, userName, LocalPart(userName), LocalPart(email));
        return message switch
        {
            null => IdentityResult.Success,
            PasswordPolicy.TooShortMessage => Failed("PasswordTooShort", message),
            _ => Failed("PasswordTooEasyToGuess", message),
        };
    }

    private static IdentityResult Failed(string code, string message) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = message });

    private static string? LocalPart(string? address) => address?.Split('@')[0];
}
