namespace Throughcare.Core.Domain.ReferenceData;

/// <summary>The controlled lists of interventions a contact can record, one list per kind of strand.</summary>
public static class Interventions
{
    public const string Emotional = "emotional";
    public const string Practical = "practical";

    public static ReferenceList<ReferenceItem> Lists { get; } = new(
    [
        new(Emotional, "Emotional support"),
        new(Practical, "Practical support"),
    ]);

    public static ReferenceList<ReferenceItem> EmotionalSupport { get; } = new(
    [
        new("low-intensity-cbt", "Low-intensity CBT"),
        new("motivational-interviewing", "Motivational interviewing"),
        new("solution-focused", "Brief solution-focused work"),
        new("psychoeducation", "Psychoeducation"),
        new("safety-planning", "Safety planning"),
    ]);

    public static ReferenceList<ReferenceItem> PracticalSupport { get; } = new(
    [
        new("accommodation", "Accommodation"),
        new("benefits", "Benefits"),
        new("debt", "Debt"),
        new("identity-documents", "Identity documents"),
        new("substance-misuse-services", "Substance misuse services"),
        new("physical-health", "Physical health"),
        new("mental-health-services", "Mental health services"),
        new("ete", "Education, training and employment"),
        new("family-relationships", "Family and relationships"),
    ]);

    /// <summary>The list a strand's contacts draw on; an unknown list code has no interventions.</summary>
    public static ReferenceList<ReferenceItem> For(string? list) => list switch
    {
        Practical => PracticalSupport,
        Emotional => EmotionalSupport,
        _ => new ReferenceList<ReferenceItem>([]),
    };

    /// <summary>Link workers and pathways workers give practical support; the other roles give emotional support.</summary>
    public static string DefaultListFor(string workerRole) => workerRole is "clw" or "pathways-worker" or "peer-mentor" ? Practical : Emotional;

    /// <summary>A label for any intervention code, from either list.</summary>
    public static string Label(string code) => EmotionalSupport.LabelFor(code) ?? PracticalSupport.LabelFor(code) ?? code;
}
