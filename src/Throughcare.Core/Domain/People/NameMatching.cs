using System.Globalization;
using System.Text;

namespace Throughcare.Core.Domain.People;

/// <summary>
/// Compares names written down by different agencies, which spell, transliterate and punctuate the same
/// name differently. Used to suggest possible duplicates; a person is never merged on a name match alone.
/// </summary>
public static class NameMatching
{
    public const double FamilyNameThreshold = 0.88;
    public const double GivenNameThreshold = 0.85;

    // Letters that Unicode decomposition does not reduce to a base letter plus a mark.
    private static readonly Dictionary<char, string> Folds = new()
    {
        ['ß'] = "ss",
        ['æ'] = "ae",
        ['œ'] = "oe",
        ['ø'] = "o",
        ['ł'] = "l",
        ['đ'] = "d",
        ['ð'] = "d",
        ['þ'] = "th",
        ['ı'] = "i",
        ['ħ'] = "h",
        ['ŧ'] = "t",
        ['ŋ'] = "n",
    };

    /// <summary>
    /// Lower-case, without diacritics, with apostrophes removed (O'Brien → obrien) and every other
    /// character that is not a letter or digit turned into a single space (Smith-Jones → smith jones).
    /// </summary>
    public static string Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or 'ʼ' or '`')
            {
                continue;
            }

            if (Folds.TryGetValue(c, out var folded))
            {
                builder.Append(folded);
            }
            else if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// A compact Metaphone-style key: a vowel at the start becomes A, later vowels (and Y) are dropped,
    /// letters that sound alike share a code, doubled letters count once and spaces are ignored.
    /// These collide: Smith/Smyth (SMT), Mohammed/Muhammad/Mohamed (MMT), Catherine/Kathryn (KTRN),
    /// Stephen/Steven (STFN), Aaliyah/Aliyah (AL), O'Brien/OBrien (ABRN), Zoë/Zoe (S), Sean/Shaun (SN),
    /// Geoffrey/Jeffrey (JFR), Leigh/Lee (L). Jones/Johns collide too, which is why matching also needs the other name.
    /// </summary>
    public static string PhoneticKey(string? name)
    {
        var word = Normalise(name).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (word.Length == 0)
        {
            return string.Empty;
        }

        // Silent first letters, as in Knight and Wright.
        if (word.Length > 1 && word[..2] is "kn" or "gn" or "wr" or "ps")
        {
            word = word[1..];
        }

        // Codes per letter: '.' marks a vowel and "" a silent letter, so that doubled sounds
        // are collapsed before the vowels between them are removed.
        var codes = new List<string>(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            codes.Add(Code(word, i));
        }

        var key = new StringBuilder();
        var previous = string.Empty;
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i];
            if (code.Length == 0 || code == previous)
            {
                continue;
            }

            previous = code;
            if (code == ".")
            {
                if (key.Length == 0)
                {
                    key.Append('A');
                }

                continue;
            }

            key.Append(code);
        }

        return key.ToString();
    }

    /// <summary>Jaro-Winkler similarity of the normalised names, from 0 (nothing shared) to 1 (the same).</summary>
    public static double Similarity(string? a, string? b)
    {
        var s = Normalise(a);
        var t = Normalise(b);
        if (s == t)
        {
            return 1;
        }

        if (s.Length == 0 || t.Length == 0)
        {
            return 0;
        }

        var window = Math.Max(0, (Math.Max(s.Length, t.Length) / 2) - 1);
        var sMatched = new bool[s.Length];
        var tMatched = new bool[t.Length];
        var matches = 0;
        for (var i = 0; i < s.Length; i++)
        {
            for (var j = Math.Max(0, i - window); j <= Math.Min(t.Length - 1, i + window); j++)
            {
                if (!tMatched[j] && s[i] == t[j])
                {
                    sMatched[i] = tMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        for (int i = 0, j = 0; i < s.Length; i++)
        {
            if (!sMatched[i])
            {
                continue;
            }

            while (!tMatched[j])
            {
                j++;
            }

            if (s[i] != t[j++])
            {
                transpositions++;
            }
        }

        double m = matches;
        var jaro = ((m / s.Length) + (m / t.Length) + ((m - (transpositions / 2.0)) / m)) / 3;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(s.Length, t.Length)) && s[prefix] == t[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>
    /// Whether two recorded names could belong to the same person, allowing for spelling variants,
    /// initials and given and family names recorded the wrong way round.
    /// </summary>
    public static bool IsLikelySameName(string? givenA, string? familyA, string? givenB, string? familyB) =>
        NamesMatch(givenA, familyA, givenB, familyB) || NamesMatch(givenA, familyA, familyB, givenB);

    private static bool NamesMatch(string? givenA, string? familyA, string? givenB, string? familyB) =>
        FamilyNamesMatch(familyA, familyB) && GivenNamesMatch(givenA, givenB);

    private static bool FamilyNamesMatch(string? a, string? b) =>
        SameKey(a, b) || (Normalise(a).Length > 0 && Similarity(a, b) >= FamilyNameThreshold);

    private static bool GivenNamesMatch(string? a, string? b)
    {
        var s = Normalise(a);
        var t = Normalise(b);
        if (s.Length == 0 || t.Length == 0)
        {
            return false;
        }

        return SameKey(s, t) || Similarity(s, t) >= GivenNameThreshold || IsInitialsOrPrefix(s, t) || IsInitialsOrPrefix(t, s);
    }

    private static bool SameKey(string? a, string? b)
    {
        var key = PhoneticKey(a);
        return key.Length > 0 && key == PhoneticKey(b);
    }

    // "j" or "jon" for "jonathan"; "j p" for "john paul".
    private static bool IsInitialsOrPrefix(string shorter, string longer)
    {
        if (longer.StartsWith(shorter, StringComparison.Ordinal))
        {
            return true;
        }

        var parts = shorter.Split(' ');
        var initials = new string(longer.Split(' ').Select(part => part[0]).ToArray());
        return parts.All(part => part.Length == 1) && initials.StartsWith(string.Concat(parts), StringComparison.Ordinal);
    }

    private static string Code(string word, int i)
    {
        var c = word[i];
        var next = i + 1 < word.Length ? word[i + 1] : '\0';
        var previous = i > 0 ? word[i - 1] : '\0';
        return c switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => ".",
            'y' => i == 0 && IsVowel(next) ? "Y" : ".",
            'w' => IsVowel(next) ? "W" : ".",
            'h' => i == 0 && IsVowel(next) ? "H" : string.Empty,
            'c' when next == 'h' && previous == 's' => "K",
            'c' => next is 'e' or 'i' or 'y' ? "S" : "K",
            'g' when next == 'h' => i == 0 ? "G" : string.Empty,
            'g' => next is 'e' or 'i' or 'y' ? "J" : "G",
            'p' => next == 'h' ? "F" : "P",
            't' => "T",
            'd' => "T",
            'q' or 'k' => "K",
            'v' or 'f' => "F",
            'z' or 's' => "S",
            'x' => i == 0 ? "S" : "KS",
            _ when char.IsAsciiLetter(c) => char.ToUpperInvariant(c).ToString(),
            _ => string.Empty,
        };
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
