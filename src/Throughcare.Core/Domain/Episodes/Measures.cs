namespace Throughcare.Core.Domain.Episodes;

/// <summary>
/// A questionnaire defined as data: its items, answer options, scoring, bands and which way is better (the JSON
/// schema is InstrumentDefinition). The public-domain ones ship with Throughcare; an organisation can add its own
/// licensed instruments as definitions without code.
/// </summary>
public sealed class Instrument
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>The definition as JSON: parsed and checked by InstrumentDefinition.</summary>
    public required string Definition { get; set; }

    /// <summary>Null for the instruments Throughcare ships; otherwise the organisation that added it.</summary>
    public Guid? OrganisationId { get; set; }
    public bool Retired { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One completion of an instrument with the person, scored when recorded.</summary>
public sealed class MeasureResult
{
    public Guid Id { get; set; }
    public Guid EpisodeId { get; set; }
    public Guid InstrumentId { get; set; }
    public AssessmentOccasion Occasion { get; set; }
    public DateOnly TakenOn { get; set; }

    /// <summary>The chosen option value for each item, in item order.</summary>
    public List<int> Answers { get; set; } = [];
    public int Score { get; set; }
    public string? Band { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
    public Guid? SubmissionId { get; set; }
}
