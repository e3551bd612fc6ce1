namespace Throughcare.Core.Domain;

/// <summary>
/// What a write did, in the one shape every service returns: pages and the API turn it into their answer in one place
/// (<see cref="Infrastructure.Web.WriteAnswers"/>), so a refusal, a conflict and a missing record read the same everywhere.
/// </summary>
public abstract record WriteResult
{
    /// <summary>Written, with the id of the record the user should see next.</summary>
    public sealed record Done(Guid Id) : WriteResult;

    /// <summary>The record's state or the rules do not allow it; nothing was written. Field names the input at fault, if one is.</summary>
    public sealed record Refused(string Message, string? Field = null) : WriteResult;

    /// <summary>Someone changed the record first; nothing was written. Current holds what is saved now, where the page shows it.</summary>
    public sealed record Conflict(object? Current = null) : WriteResult;

    /// <summary>No such record for this user: they may not see it, or it does not exist.</summary>
    public sealed record NotFound : WriteResult;
}
