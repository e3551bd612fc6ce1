namespace Throughcare.Generator;

/// <summary>
/// How big a partnership to make. Regions each hold a full set of partner organisations (an NHS trust, a probation
/// region, prisons, councils, a voluntary sector provider, police, a court and commissioners) and their services; people
/// are shared out between them.
/// </summary>
public sealed record GeneratorScale(string Name, int Regions, int People)
{
    /// <summary>Years of history behind "now": people were first referred across this span.</summary>
    public int YearsOfHistory { get; init; } = 3;

    /// <summary>People written, generated and sealed into the audit chain together.</summary>
    public int PeoplePerBatch { get; init; } = 1000;

    /// <summary>Reads of the person's record a practitioner's recorded contact brings with it (the person page, the episode).</summary>
    public double ReadsPerContact { get; init; } = 1.2;

    public static GeneratorScale Demo { get; } = new("demo", Regions: 1, People: 200);

    public static GeneratorScale Borough { get; } = new("borough", Regions: 1, People: 5_000);

    public static GeneratorScale National { get; } = new("national", Regions: 12, People: 250_000);

    public static IReadOnlyList<GeneratorScale> Named { get; } = [Demo, Borough, National];
}
