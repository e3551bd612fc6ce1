using System.Collections.Frozen;
using System.Text;

namespace Throughcare.Core.Domain.Accounts;

/// <summary>
/// Length over complexity, as the NCSC advises: at least 12 characters, no rules about character classes,
/// and nothing that is easy to guess.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const string TooShortMessage = "Password must be 12 characters or more";
    public const string TooEasyToGuessMessage = "Choose a password that is harder to guess";

    // Whole passwords and the words people pad with digits and symbols to reach a length, in lower case.
    private static readonly FrozenSet<string> DenyList = """
        password passwords passwordpassword password1234 password12345 password123456 mypassword
        newpassword temppassword changeme changemenow passphrase passcode secret topsecret
        letmein letmeinletmein letmeinnow welcome welcome12345 welcome123456 welcomehome iloveyou
        iloveyou1234 iloveyou12345 loveyou loveme lovely trustno trustme whatever nothing opensesame
        qwerty qwertyuiop qwertyuiop12 qwertyuiop123 qwertyuiopasdf qwerty123456 qwertyqwerty asdf asdfgh
        asdfghjkl asdfghjkl123 asdfghjkl1234 zxcvbnm zxcvbnm12345 zxcvbnmasdfg qazwsx qazwsxedc
        qazwsxedcrfv 1qaz2wsx 1qaz2wsx3edc 1q2w3e4r 1q2w3e4r5t6y q1w2e3r4t5y6 123qweasdzxc qweasdzxc
        1234qwerasdf 123456qwerty 123456789012 1234567890qw 123456789abc 111111111111 121212121212
        123123123123 abc123abc123 abcdefghijkl admin administrator root login access default guest user
        test testing hello helloworld hellohello goodbye computer internet football soccer cricket rugby
        baseball basketball liverpool chelsea arsenal tottenham manchester manchesterunited everton
        westham celtic rangers london england britain scotland monkey dragon tiger shadow master
        superman batman spiderman starwars pokemon minecraft sunshine princess flower chocolate cheese
        banana cookie summer winter autumn spring january february march april june july august
        september october november december monday tuesday wednesday thursday friday saturday sunday
        michael jennifer charlie jessica daniel thomas jordan freedom blessed jesus jesuschrist
        heaven angel babygirl mustang hunter killer ninja matrix nhs probation prison nurse doctor
        police office work company
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet();

    /// <summary>
    /// The error message for a password that breaks the policy, or null when it is acceptable.
    /// <paramref name="personalWords"/> are words the password must not contain, such as the user name.
    /// </summary>
    public static string? Check(string password, params IEnumerable<string?> personalWords)
    {
        if (password.Length < MinimumLength)
        {
            return TooShortMessage;
        }

        var lower = password.ToLowerInvariant();
        var containsPersonalWord = personalWords
            .Append("throughcare")
            .Select(word => word?.Trim().ToLowerInvariant())
            .Any(word => word is { Length: >= 3 } && lower.Contains(word, StringComparison.Ordinal));
        return containsPersonalWord || IsGuessable(lower) ? TooEasyToGuessMessage : null;
    }

    private static bool IsGuessable(string password)
    {
        if (IsRepeated(password, out _))
        {
            return true;
        }

        // "P@ssw0rd2024!" is "password" padded: take the padding off and undo the look-alike digits.
        string[] candidates = [password, password.TrimEnd(Padding), Unleet(password.Trim(Padding))];
        return candidates.Any(candidate => candidate.Length > 0 && (DenyList.Contains(candidate) || IsRun(candidate)
            || (IsRepeated(candidate, out var unit) && DenyList.Contains(unit))));
    }

    private static readonly char[] Padding = [.. "0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~£"];

    private static string Unleet(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '0' => 'o',
                '1' or '!' => 'i',
                '3' => 'e',
                '4' or '@' => 'a',
                '5' or '$' => 's',
                '7' => 't',
                _ => c,
            });
        }

        return builder.ToString();
    }

    // One character repeated, or a straight run up or down the alphabet or digits ("3456789012" wraps round).
    private static bool IsRun(string text)
    {
        if (text.Length < 4)
        {
            return false;
        }

        var step = Step(text[0], text[1]);
        if (step is not (-1 or 0 or 1))
        {
            return false;
        }

        for (var i = 2; i < text.Length; i++)
        {
            if (Step(text[i - 1], text[i]) != step)
            {
                return false;
            }
        }

        return true;
    }

    private static int Step(char from, char to) =>
        (from, to) switch
        {
            ('9', '0') => 1,
            ('0', '9') => -1,
            _ => to - from,
        };

    // A shorter string typed again and again ("monkeymonkey") is no harder to guess than the string itself.
    private static bool IsRepeated(string text, out string unit)
    {
        for (var length = 1; length <= text.Length / 2; length++)
        {
            if (text.Length % length == 0 && length < MinimumLength
                && text.AsSpan(length).SequenceEqual(text.AsSpan(0, text.Length - length)))
            {
                unit = text[..length];
                return true;
            }
        }

        unit = string.Empty;
        return false;
    }
}
