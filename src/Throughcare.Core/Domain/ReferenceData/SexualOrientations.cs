namespace Throughcare.Core.Domain.ReferenceData;

public static class SexualOrientations
{
    public const string PreferNotToSay = ReferenceList.PreferNotToSay;

    public static ReferenceList<ReferenceItem> All { get; } = ReferenceList.WithPreferNotToSay(
        "Heterosexual or straight", "Gay or lesbian", "Bisexual", "Other sexual orientation");
}
