namespace Throughcare.Core.Domain.Audit;

public enum AuditOutcome { Success, Denied, Failed }

/// <summary>
/// One row of the append-only, hash-chained audit trail. Sequence and hashes are assigned when the row is saved,
/// inside the same transaction as the change it records.
/// </summary>
public sealed class AuditEvent
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public long Sequence { get; set; }
    public DateTime OccurredAt { get; set; }
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    public Guid? OrganisationId { get; set; }
    public string? Role { get; set; }
    public Guid? PersonId { get; set; }
    public required string RecordType { get; set; }
    public string? RecordId { get; set; }
    public required string Action { get; set; }
    public AuditOutcome Outcome { get; set; }
    public string? Purpose { get; set; }
    public string? CorrelationId { get; set; }

    /// <summary>The caller's own id for the request, as it sent it (cleaned and bounded); never our correlation id.</summary>
    public string? ClientRequestId { get; set; }

    /// <summary>The typed event the row holds (<see cref="AuditedEvent"/>), by type name; null on rows written before events were typed.</summary>
    public string? EventType { get; set; }

    /// <summary>The aggregate (a referral, an episode) whose access object decides who may read the row; null for the person's own record.</summary>
    public Guid? AggregateId { get; set; }

    /// <summary>JSON: the typed event, or on older rows the fields changed, from what to what, or other facts about the event.</summary>
    public string? Details { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

public static class AuditActions
{
    public const string View = "view";
    public const string SearchResult = "search-result";
    public const string DuplicateCheck = "duplicate-check";
    public const string ViewHistory = "view-history";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Download = "download";
    public const string Merge = "merge";
    public const string MergedInto = "merged-into";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string AccessDenied = "access-denied";
    public const string Disable = "disable";
    public const string Enable = "enable";
    public const string ChangePassword = "change-password";
    public const string TwoFactorEnabled = "two-factor-enabled";
    public const string AuditSearch = "audit-search";
    public const string AuditExport = "audit-export";
    public const string Export = "export";
}
