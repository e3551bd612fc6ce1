using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Accounts;

/// <summary>
/// Audits a member of staff's own account events (sign-in, sign-out, password, two-factor) without personal data of the
/// people supported, in the same transaction as the change where there is one. The row names the account even when no
/// one is signed in yet.
/// </summary>
public sealed class AccountAudit(AuditLog audit, ThroughcareDbContext db)
{
    public async Task RecordAsync(AuditedEvent e, ApplicationUser? user, AuditOutcome outcome = AuditOutcome.Success)
    {
        var row = audit.Record(e, outcome);
        if (user is null)
        {
            // An email address that names no account: there is no record to name.
            row.RecordId = null;
        }
        else
        {
            row.UserId ??= user.Id;
            row.UserName ??= user.UserName;
            row.OrganisationId ??= user.OrganisationId;
        }

        await db.SaveChangesAsync();
    }
}
