namespace Throughcare.Core.Domain.ReferenceData;

/// <summary>
/// Languages commonly spoken in London, coded ISO 639-1 where the language has a two-letter code and
/// ISO 639-3 where it does not (Cantonese, Mandarin, Sylheti, Dari, Krio, British Sign Language).
/// </summary>
public static class Languages
{
    public const string English = "en";
    public const string BritishSignLanguage = "bfi";
    public const string Other = "other";

    public static ReferenceList<ReferenceItem> All { get; } = new(
        from pair in new (string Code, string Label)[]
        {
            ("en", "English"), ("sq", "Albanian"), ("am", "Amharic"), ("ar", "Arabic"), ("bn", "Bengali"),
            ("bfi", "British Sign Language"), ("bg", "Bulgarian"), ("yue", "Cantonese"), ("cs", "Czech"),
            ("prs", "Dari"), ("fa", "Farsi"), ("fr", "French"), ("de", "German"), ("el", "Greek"),
            ("gu", "Gujarati"), ("he", "Hebrew"), ("hi", "Hindi"), ("hu", "Hungarian"), ("ig", "Igbo"),
            ("it", "Italian"), ("kri", "Krio"), ("ku", "Kurdish"), ("lv", "Latvian"), ("ln", "Lingala"),
            ("lt", "Lithuanian"), ("ml", "Malayalam"), ("cmn", "Mandarin"), ("ne", "Nepali"), ("ps", "Pashto"),
            ("pl", "Polish"), ("pt", "Portuguese"), ("pa", "Punjabi"), ("ro", "Romanian"), ("ru", "Russian"),
            ("sk", "Slovak"), ("so", "Somali"), ("es", "Spanish"), ("sw", "Swahili"), ("syl", "Sylheti"),
            ("tl", "Tagalog"), ("ta", "Tamil"), ("te", "Telugu"), ("ti", "Tigrinya"), ("tr", "Turkish"),
            ("tw", "Twi"), ("uk", "Ukrainian"), ("ur", "Urdu"), ("vi", "Vietnamese"), ("yo", "Yoruba"),
            (Other, "Other language"),
        }
        select new ReferenceItem(pair.Code, pair.Label));
}
