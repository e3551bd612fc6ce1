using System.Text;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Security;

/// <summary>How a hostile value is sent: as the field's value, as the field sent twice, or beside fields the form does not have.</summary>
public enum HostileShape
{
    Value,
    DuplicatedHostileFirst,
    DuplicatedHostileLast,
    UnexpectedFields,
}

public sealed record HostileValue(string Name, string Value, HostileShape Shape = HostileShape.Value)
{
    public override string ToString() => Name;
}

/// <summary>Day, month and year sent together to a GOV.UK date input.</summary>
public sealed record HostileDate(string Name, string Day, string Month, string Year)
{
    public override string ToString() => Name;
}

/// <summary>The values QUALITY.md's "Bad input" section lists, for one field with its length limit.</summary>
public static class HostileValues
{
    public const string Script = "<script>alert(1)</script>";
    public const string ImageOnError = "\"><img src=x onerror=alert(1)>";

    /// <summary>Markup that must never reach a page unencoded.</summary>
    public static readonly IReadOnlyList<string> UnencodedMarkers = [Script, "onerror=alert(1)>", "<svg onload=alert(1)>"];

    /// <summary>Fields no form has, including over-posted ones that must never be bound.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> UnexpectedFields =
    [
        new("Unexpected", Script),
        new("Input.Unexpected", ImageOnError),
        new("Input.Id", Guid.NewGuid().ToString()),
        new("Input.OrganisationId", Guid.NewGuid().ToString()),
        new("Input.IsAdministrator", "true"),
        new("Input.Roles", "Administrator"),
        new("Input.DisabledAt", "2000-01-01"),
        new("__proto__[admin]", "true"),
        new("Input[0]", "x"),
        new("Input..Name", "x"),
        new("", "empty key"),
    ];

    public static IReadOnlyList<HostileValue> For(int limit) =>
    [
        new("empty", ""),
        new("spaces only", "   "),
        new("one character", "a"),
        new("one digit", "1"),
        new($"limit ({limit})", Text(limit)),
        new($"limit + 1 ({limit + 1})", Text(limit + 1)),
        new("limit in multi-byte letters", new string('é', limit)),
        new("100 kB", Text(100 * 1024)),
        new("100 kB of one letter without spaces", new string('x', 100 * 1024)),
        new("NUL", "\0"),
        new("NUL inside", "Smith\0Jones"),
        new("trailing NUL", "1\0"),
        new("bell and escape", "a\u0007\u001B[31mred"),
        new("DEL", "a\u007F"),
        new("C1 controls", "a\u0085\u009B"),
        new("CRLF header injection", "a\r\nSet-Cookie: x=1"),
        new("line breaks", "line one\nline two"),
        new("tab", "\t"),
        new("right-to-left override", "\u202Egnp.exe"),
        new("bidirectional isolates", "\u2066abc\u2069"),
        new("zero-width space", "Smi\u200Bth"),
        new("zero-width joiner and non-joiner", "a\u200D\u200Cb"),
        new("byte order mark", "\uFEFFSmith"),
        new("combining accent", "Zoe\u0308"),
        new("stacked combining characters", "Z\u0324\u0354\u0367\u0311\u0313a\u0308\u0356\u032D\u0308\u0307lgo"),
        new("emoji", "😀"),
        new("emoji family (ZWJ sequence)", "👨‍👩‍👧‍👦"),
        new("flag", "🇬🇧"),
        new("mathematical letters outside the BMP", "𝕿𝖍𝖗𝖔𝖚𝖌𝖍"),
        new("names in other scripts", "Οδυσσέας محمد 张伟 Сергей"),
        new("apostrophe and hyphen", "O'Brien-Smyth"),
        new("dotted capital I", "İstanbul ß"),
        new("SQL: or 1=1", "' OR 1=1--"),
        new("SQL: drop table", "'; DROP TABLE \"People\";--"),
        new("SQL: union", "1' UNION SELECT NULL,NULL--"),
        new("SQL: double quote", "\" OR \"\"=\""),
        new("SQL: like wildcard", "%' OR '%'='"),
        new("SQL: sleep", "1; SELECT pg_sleep(5);--"),
        new("HTML script", Script),
        new("HTML image onerror", ImageOnError),
        new("HTML svg onload", "<svg onload=alert(1)>"),
        new("HTML closing textarea", "</textarea><script>alert(1)</script>"),
        new("HTML comment", "<!--"),
        new("HTML entity", "&lt;b&gt;&#x3C;&amp;"),
        new("javascript URL", "javascript:alert(1)"),
        new("attribute break-out", "' autofocus onfocus='alert(1)"),
        new("template: mustache", "{{7*7}}"),
        new("template: Razor", "@(1+1)"),
        new("template: interpolation", "${7*7}"),
        new("template: ERB", "<%= 7*7 %>"),
        new("template: Ruby", "#{7*7}"),
        new("format string", "%s%s%s%n{0}"),
        new("formula: hyperlink", "=HYPERLINK(\"http://evil.example\",\"Click\")"),
        new("formula: cmd", "+cmd|' /C calc'!A0"),
        new("formula: minus", "-1+1"),
        new("formula: at", "@SUM(1)"),
        new("formula: tab", "\t=1+1"),
        new("path traversal", "../../etc/passwd"),
        new("path traversal, Windows", "..\\..\\windows\\win.ini"),
        new("path traversal, encoded", "%2e%2e%2f%2e%2e%2fetc%2fpasswd"),
        new("shell", "$(reboot); `id` | ls -la"),
        new("zero", "0"),
        new("negative number", "-1"),
        new("int overflow", "2147483648"),
        new("negative int overflow", "-2147483649"),
        new("huge number", "99999999999999999999999999999999"),
        new("exponent", "1e308"),
        new("decimal", "3.14"),
        new("NaN and infinity", "NaN"),
        new("hexadecimal", "0x10"),
        new("full-width digits", "１２"),
        new("Arabic-Indic digits", "١٢"),
        new("empty GUID", Guid.Empty.ToString()),
        new("unknown GUID", Guid.NewGuid().ToString()),
        new("JSON", "{\"$type\":\"System.Object\"}"),
        new("null words", "null"),
        new("boolean words", "true"),
        new("date text", "30/02/2000"),
        new("duplicated field, hostile first", Script, HostileShape.DuplicatedHostileFirst),
        new("duplicated field, hostile last", ImageOnError, HostileShape.DuplicatedHostileLast),
        new("unexpected and over-posted fields", Script, HostileShape.UnexpectedFields),
    ];

    /// <summary>Impossible, extreme and malformed dates for a day/month/year group.</summary>
    public static readonly IReadOnlyList<HostileDate> Dates =
    [
        new("30 February", "30", "2", "2000"),
        new("29 February in a common year", "29", "2", "1900"),
        new("31 April", "31", "4", "2001"),
        new("0001-01-01", "1", "1", "1"),
        new("9999-12-31", "31", "12", "9999"),
        new("year 10000", "1", "1", "10000"),
        new("all zero", "0", "0", "0"),
        new("negative", "-1", "-1", "-1"),
        new("month 13", "1", "13", "2000"),
        new("day 32", "32", "1", "2000"),
        new("huge", "99999999999", "99999999999", "99999999999"),
        new("words", "first", "February", "two thousand"),
        new("two-digit year", "1", "1", "85"),
        new("only the day", "1", "", ""),
        new("only the year", "", "", "1990"),
        new("decimals", "1.5", "2.5", "1990.5"),
        new("NUL", "1\0", "1\0", "1990\0"),
        new("scripts", Script, ImageOnError, "{{7*7}}"),
        new("tomorrow", TestTime.StartDate.AddDays(1).Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TestTime.StartDate.AddDays(1).Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TestTime.StartDate.AddDays(1).Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>Letters and spaces of exactly <paramref name="length"/> characters, varied so that no key derived from it collapses.</summary>
    public static string Text(int length)
    {
        const string words = "Throughcare keeps working loses nothing lets no one in ";
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            builder.Append(words);
        }

        builder.Length = length;
        builder[0] = 'T';
        builder[length - 1] = builder[length - 1] == ' ' ? 'x' : builder[length - 1];
        return builder.ToString();
    }
}
