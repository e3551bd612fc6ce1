namespace Throughcare.Core.Domain.ReferenceData;

/// <summary>
/// One resettlement pathway of the partnership's plan: needs are rated on each, goals and contacts name them. The list is
/// data the partnership's administrators extend (ADR 13): records keep the code, so a pathway is retired, never removed,
/// and a retired one is still labelled wherever a record or the audit trail holds its code.
/// </summary>
public sealed class ResettlementPathway : IReferenceItem
{
    public const int CodeMaxLength = 40;
    public const int LabelMaxLength = 100;

    public Guid Id { get; set; }

    /// <summary>Stored on ratings, goals and contacts; kebab case, and never changed once in use.</summary>
    public required string Code { get; set; }

    public required string Label { get; set; }

    /// <summary>Where it comes in the lists, from 1.</summary>
    public int Position { get; set; }

    /// <summary>No longer offered on forms; still labelled in records and history.</summary>
    public bool Retired { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}
