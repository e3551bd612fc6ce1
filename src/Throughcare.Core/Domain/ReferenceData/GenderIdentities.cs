namespace Throughcare.Core.Domain.ReferenceData;

public static class GenderIdentities
{
    public const string PreferNotToSay = ReferenceList.PreferNotToSay;

    public static ReferenceList<ReferenceItem> All { get; } = ReferenceList.WithPreferNotToSay(
        "Man", "Woman", "Non-binary", "Other gender identity");
}
