using Microsoft.AspNetCore.Routing;

namespace Throughcare.Core.Domain.Access;

/// <summary>
/// A record as the current user may see it: found through its aggregate's access object, with the rights that object
/// granted. Pages and the API ask it what they may show or do; they never work it out again.
/// </summary>
public interface IRecordInView
{
    /// <summary>The audit trail's name for the record's kind ("person", "referral", "episode").</summary>
    string RecordType { get; }

    Guid Id { get; }

    /// <summary>The person the record is about: every read of it is a read of their data.</summary>
    Guid PersonId { get; }

    /// <summary>Whether the viewer holds the right, one of the aggregate's own right enum's values.</summary>
    bool Allows(Enum right);

    /// <summary>
    /// Whether the viewer would hold the right in some other state of the record: lacking it now means the record has
    /// moved on (closed, sent, withdrawn), not that the viewer may never have it.
    /// </summary>
    bool AllowsInAnotherState(Enum right) => false;

    /// <summary>The record's state as people read it ("Awaiting information"), for records that move through states.</summary>
    string? StateLabel => null;
}

/// <summary>
/// The one access decision for one aggregate, as the route filter uses it: finds the record named by its route value
/// for the current user, with what they may do, or null when they may not see it at all. Each module registers its own.
/// </summary>
public interface IRecordAccess
{
    /// <summary>The route value that names the aggregate ("episodeId").</summary>
    string RouteKey { get; }

    /// <summary>The audit trail's name for the aggregate's records, for refusals of ids that name nothing.</summary>
    string RecordType { get; }

    /// <summary>The person a refused id names, for the refusal's audit row: the id itself where the record is a person.</summary>
    Guid? PersonNamedBy(Guid id) => null;

    /// <summary>Where a route names several records, the most specific (lowest) decides.</summary>
    int Precedence { get; }

    /// <summary>The right a page needs when it names none: seeing the record.</summary>
    Enum SeeRight { get; }

    /// <summary>
    /// The record as the current user may see it, or null. Child records named in the route (a contact of the
    /// episode) must belong to it, or the answer is null: a mismatched parent never reveals a child.
    /// </summary>
    Task<IRecordInView?> FindAsync(Guid id, RouteValueDictionary routeValues, CancellationToken cancellationToken);

    /// <summary>Every record of this aggregate about these people that the user may see, with their rights: for readers of the audit trail.</summary>
    Task<IReadOnlyList<IRecordInView>> ListForPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IRecordInView>>([]);
}

/// <summary>The right a page handler needs on the record its route names; on a page class, every handler needs it.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequiresAttribute(object right) : Attribute
{
    public Enum Right { get; } = right as Enum ?? throw new ArgumentException("A right is a value of an aggregate's right enum.", nameof(right));
}

/// <summary>How the route filter records the read of a page that shows the record; "view" when a page says nothing.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AuditReadAsAttribute(string action) : Attribute
{
    public string Action { get; } = action;

    /// <summary>Why the page reads the record, where the action alone does not say ("timeline").</summary>
    public string? Purpose { get; init; }
}

public static class RecordAccessRegistration
{
    /// <summary>Registers an aggregate's access object, for its module's own use and for the record gate that opens its records.</summary>
    public static IServiceCollection AddRecordAccess<TAccess>(this IServiceCollection services)
        where TAccess : class, IRecordAccess
    {
        services.AddScoped<TAccess>();
        services.AddScoped<IRecordAccess>(sp => sp.GetRequiredService<TAccess>());
        return services;
    }
}
