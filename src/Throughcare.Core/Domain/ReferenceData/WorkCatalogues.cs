namespace Throughcare.Core.Domain.ReferenceData;

/// <summary>What a member of staff does: the role a service strand needs its worker to hold.</summary>
public static class JobRoles
{
    public static ReferenceList<ReferenceItem> All { get; } = new(
    [
        new("fmhp", "Forensic mental health practitioner"),
        new("clw", "Community link worker"),
        new("psychologist", "Psychologist"),
        new("liaison-diversion", "Liaison and diversion practitioner"),
        new("pathways-worker", "Pathways worker"),
        new("probation-officer", "Probation officer"),
        new("prison-officer", "Prison officer"),
        new("peer-mentor", "Peer mentor"),
    ]);
}

/// <summary>The documents a referral can carry, tagged so a service can require some of them.</summary>
public static class DocumentTypes
{
    public const string ReferralForm = "pan-london-referral-form";
    public const string Formulation = "formulation";
    public const string OASys = "oasys";
    public const string PreSentenceReport = "pre-sentence-report";
    public const string PsychologicalReport = "psychological-report";
    public const string Other = "other";

    public static ReferenceList<ReferenceItem> All { get; } = new(
    [
        new(ReferralForm, "OPD pan-London referral form"),
        new(Formulation, "Level 2 or 3 formulation"),
        new(OASys, "OASys assessment"),
        new(PreSentenceReport, "Pre-sentence report"),
        new(PsychologicalReport, "Psychological report"),
        new(Other, "Other document"),
    ]);
}
