namespace Throughcare.Core.Domain.ReferenceData;

/// <summary>Religion or belief, as the UK census asks it.</summary>
public static class Religions
{
    public const string PreferNotToSay = ReferenceList.PreferNotToSay;

    public static ReferenceList<ReferenceItem> All { get; } = ReferenceList.WithPreferNotToSay(
        "No religion", "Christian", "Buddhist", "Hindu", "Jewish", "Muslim", "Sikh", "Any other religion");
}
