using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Throughcare.Core.Domain.Audit;

/// <summary>What an audit row is about: its record, the person, and the aggregate whose access object decides who may read it.</summary>
public sealed record AuditSubject(string RecordType, Guid RecordId, Guid? PersonId, Guid? AggregateId = null);

/// <summary>How an event reads in a change history: a title, what changed (labels, not codes) and why.</summary>
public sealed record AuditDescription(string Title, IReadOnlyList<FieldChange> Changes, string? Reason = null)
{
    public AuditDescription(string title)
        : this(title, [])
    {
    }
}

/// <summary>
/// One thing that happened, in the field's words, as the audit trail keeps it: a record type per event, with a stable
/// shape (ids, enums by name, dates), written in the same transaction as the change by <see cref="AuditLog.Record"/>.
/// Free text that belongs to the care itself (case notes, review summaries, a person's own words) never goes in: the
/// event says that it changed, not what it says. Readers render it with <see cref="Describe"/> and show it only to
/// those the aggregate's access object grants the right its type names (<see cref="ReadRequiresAttribute"/>).
/// </summary>
public abstract record AuditedEvent
{
    public abstract AuditSubject Subject();

    /// <summary>The audit action, for the audit search: create, update, merge …</summary>
    public virtual string Action() => AuditActions.Update;

    /// <summary>The people and records the description names by id, so a reader can look their names up at once.</summary>
    public virtual IEnumerable<Guid> Mentions() => [];

    public abstract AuditDescription Describe(AuditLabels labels);
}

/// <summary>
/// The names a description shows for the ids an event holds, looked up once for a page of events, and the labels of the
/// resettlement pathways (retired ones included) for the codes events hold.
/// </summary>
public sealed class AuditLabels(IReadOnlyDictionary<Guid, string> names, Guid? historyOf = null, ReferenceData.PathwayList? pathways = null)
{
    public static AuditLabels None { get; } = new(new Dictionary<Guid, string>());

    public ReferenceData.PathwayList Pathways { get; } = pathways ?? ReferenceData.PathwayList.Empty;

    /// <summary>Whether the event is about the record whose history is being read, rather than one merged into it.</summary>
    public bool IsThisRecord(Guid personId) => historyOf is null || historyOf == personId;

    /// <summary>Whether the id has a name the reader may see.</summary>
    public bool Knows(Guid id) => names.ContainsKey(id);

    public string Name(Guid? id, string unknown = "Unknown") => id is { } known && names.TryGetValue(known, out var name) ? name : unknown;
}

/// <summary>Every event type by name, for writing a row's EventType and reading it back.</summary>
public static class AuditEventTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly FrozenDictionary<string, Type> ByName = typeof(AuditedEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(AuditedEvent)))
        .ToFrozenDictionary(t => t.Name);

    public static IEnumerable<Type> All => ByName.Values;

    public static string NameOf(AuditedEvent e) => e.GetType().Name;

    public static string Serialize(AuditedEvent e) => JsonSerializer.Serialize(e, e.GetType(), Json);

    /// <summary>The event a row holds, or null for a row written before events were typed, or of a type no longer known.</summary>
    public static AuditedEvent? Read(string? eventType, string? details) =>
        eventType is not null && details is not null && ByName.TryGetValue(eventType, out var type)
            ? JsonSerializer.Deserialize(details, type, Json) as AuditedEvent
            : null;

    /// <summary>The right on its aggregate that reading an event of this type needs; null when seeing the person is enough.</summary>
    public static Enum? ReadRightOf(Type type) =>
        (type.GetCustomAttributes(typeof(ReadRequiresAttribute), inherit: true).FirstOrDefault() as ReadRequiresAttribute)?.Right;
}

/// <summary>
/// The right on the event's aggregate (a value of its right enum) that reading events of this type needs: an episode's
/// contacts need <c>EpisodeRight.See</c>, so a referrer, who sees only the overview, never reads them.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReadRequiresAttribute(object right) : Attribute
{
    public Enum Right { get; } = right as Enum ?? throw new ArgumentException("A right is a value of an aggregate's right enum.", nameof(right));
}
