using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.Accounts;

/// <summary>
/// A member of staff's changes to their own account: their password and two-factor authentication, each audited in the
/// same transaction as the change. Refusals name the form field at fault (CurrentPassword, NewPassword, Code).
/// </summary>
public sealed class OwnAccount(UserManager<ApplicationUser> users, ThroughcareDbContext db, AccountAudit audit)
{
    public const string WrongCurrentPassword = "Your current password is not correct";
    public const string WrongSecurityCode = "The security code is not correct. Enter the code your authenticator app shows now";
    public const string TwoFactorRequired = "Your organisation requires two-factor authentication, so it cannot be turned off";

    public async Task<WriteResult> ChangePasswordAsync(ApplicationUser user, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            var error = result.Errors.First();
            return error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                ? new WriteResult.Refused(WrongCurrentPassword, "CurrentPassword")
                : new WriteResult.Refused(PasswordErrors.Message(error), "NewPassword");
        }

        await audit.RecordAsync(new PasswordChanged(user.Id), user);
        await transaction.CommitAsync(cancellationToken);
        return new WriteResult.Done(user.Id);
    }

    /// <summary>Turns two-factor authentication on once the user shows a code from their authenticator app.</summary>
    public async Task<WriteResult> TurnOnTwoFactorAsync(ApplicationUser user, string code, CancellationToken cancellationToken)
    {
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return new WriteResult.Refused(WrongSecurityCode, "Code");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordAsync(new TwoFactorTurnedOn(user.Id), user);
        await transaction.CommitAsync(cancellationToken);
        return new WriteResult.Done(user.Id);
    }

    /// <summary>Turns two-factor authentication off and forgets the authenticator key, unless the organisation requires it.</summary>
    public async Task<WriteResult> TurnOffTwoFactorAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        if (await IsRequiredAsync(user, cancellationToken))
        {
            return new WriteResult.Refused(TwoFactorRequired);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(new TwoFactorTurnedOff(user.Id), user);
        await transaction.CommitAsync(cancellationToken);
        return new WriteResult.Done(user.Id);
    }

    private Task<bool> IsRequiredAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.RequireTwoFactor).SingleAsync(cancellationToken);
}
