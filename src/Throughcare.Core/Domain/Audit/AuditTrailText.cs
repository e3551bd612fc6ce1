using Throughcare.Core.Domain.Accounts;

namespace Throughcare.Core.Domain.Audit;

/// <summary>
/// How the audit trail's stored codes read on the audit search and in its export: actions, record types, outcomes and
/// roles by label. A code no label is written for yet reads as words, never as the code.
/// </summary>
public static class AuditTrailText
{
    private static readonly Dictionary<string, string> Actions = new()
    {
        [AuditActions.View] = "Viewed",
        [AuditActions.SearchResult] = "Listed in search results",
        [AuditActions.DuplicateCheck] = "Listed as a possible duplicate",
        [AuditActions.ViewHistory] = "Change history viewed",
        [AuditActions.Create] = "Created",
        [AuditActions.Update] = "Changed",
        [AuditActions.Delete] = "Removed",
        [AuditActions.Download] = "Downloaded",
        [AuditActions.Export] = "Exported",
        [AuditActions.Merge] = "Another record merged in",
        [AuditActions.MergedInto] = "Merged into another record",
        [AuditActions.SignIn] = "Signed in",
        [AuditActions.SignInFailed] = "Sign-in refused",
        [AuditActions.SignOut] = "Signed out",
        [AuditActions.AccessDenied] = "Access refused",
        [AuditActions.Disable] = "Disabled",
        [AuditActions.Enable] = "Enabled",
        [AuditActions.ChangePassword] = "Password changed",
        [AuditActions.TwoFactorEnabled] = "Two-factor authentication turned on",
        [AccountActions.TwoFactorDisabled] = "Two-factor authentication turned off",
        [AuditActions.AuditSearch] = "Audit trail searched",
        [AuditActions.AuditExport] = "Audit trail exported",
    };

    private static readonly Dictionary<string, string> RecordTypes = new()
    {
        [AuditRecordTypes.Person] = "Person's record",
        [AuditRecordTypes.Organisation] = "Organisation",
        [AuditRecordTypes.Team] = "Team",
        [AuditRecordTypes.User] = "Staff account",
        [AuditRecordTypes.Session] = "Session",
        [AuditRecordTypes.Audit] = "Audit trail",
        [AuditRecordTypes.Service] = "Service",
        [AuditRecordTypes.Referral] = "Referral",
        [AuditRecordTypes.Document] = "Referral document",
        [AuditRecordTypes.Episode] = "Episode of care",
        [AuditRecordTypes.Contact] = "Contact",
        [AuditRecordTypes.Appointment] = "Appointment",
        [AuditRecordTypes.NeedsAssessment] = "Needs assessment",
        [AuditRecordTypes.Goal] = "Goal",
        [AuditRecordTypes.GoalAction] = "Action",
        [AuditRecordTypes.Measure] = "Outcome measure",
        [AuditRecordTypes.Instrument] = "Measure instrument",
        [AuditRecordTypes.EpisodeReview] = "Review",
        [AuditRecordTypes.ReflectiveReview] = "Reflective review",
        [AuditRecordTypes.ApiToken] = "API token",
        [AuditRecordTypes.CareRole] = "Role in a person's care",
        [AuditRecordTypes.CustodyPeriod] = "Period in custody",
        [AuditRecordTypes.Milestone] = "Journey milestone",
        [AuditRecordTypes.JourneyTemplate] = "Journey template",
        [AuditRecordTypes.ReleaseList] = "Release list",
    };

    public static IEnumerable<string> KnownActions => Actions.Keys;

    public static IEnumerable<string> KnownRecordTypes => RecordTypes.Keys;

    public static string Action(string action) => Actions.TryGetValue(action, out var label) ? label : Words(action);

    public static string RecordType(string recordType) => RecordTypes.TryGetValue(recordType, out var label) ? label : Words(recordType);

    public static string Outcome(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Success => "Done",
        AuditOutcome.Denied => "Refused",
        _ => "Failed",
    };

    /// <summary>The roles as the row keeps them (comma separated role names), by label.</summary>
    public static string Roles(string? roles) =>
        roles is null ? "" : string.Join(", ", roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(StaffRoles.Label));

    /// <summary>Why a person's data was read (a caseload, the referral sift), as a sentence starts.</summary>
    public static string Purpose(string? purpose) => string.IsNullOrWhiteSpace(purpose) ? "" : Words(purpose);

    /// <summary>What happened, for a row: its typed event's title, or for a read what it showed.</summary>
    public static string WhatHappened(AuditedEvent? typed, string action, string? details, AuditLabels labels)
    {
        if (typed is not null)
        {
            return typed.Describe(labels).Title;
        }

        // Reads keep a little detail of their own, as anonymous JSON: only whether a restricted note was shown reads as anything.
        return details is not null && details.Contains("\"restricted\":true", StringComparison.Ordinal) ? "Restricted note shown" : Action(action);
    }

    private static string Words(string code)
    {
        var words = code.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? "" : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
