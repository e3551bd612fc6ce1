namespace Throughcare.Core.Domain.ReferenceData;

/// <summary>Whether a person considers themselves disabled; any detail is recorded as free text.</summary>
public static class Disabilities
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string PreferNotToSay = ReferenceList.PreferNotToSay;

    public static ReferenceList<ReferenceItem> All { get; } = ReferenceList.WithPreferNotToSay("Yes", "No");
}
