using System.Text;

namespace Throughcare.Core.Infrastructure.Storage;

/// <summary>The names a document is kept and served under; one rule for the web upload and the API alike.</summary>
public static class DocumentNames
{
    public const int MaxLength = 255;
    private const string Fallback = "document";

    /// <summary>The name kept for an upload: no folders, no control or direction characters, no quotes, at most 255 characters.</summary>
    public static string Clean(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder();
        foreach (var c in name)
        {
            if (!char.IsControl(c) && c is not (>= '\u202A' and <= '\u202E') and not (>= '\u2066' and <= '\u2069') and not '"')
            {
                clean.Append(c);
            }
        }

        name = clean.ToString().Trim().TrimStart('.');
        if (name.Length > MaxLength)
        {
            var extension = Path.GetExtension(name);
            name = extension.Length is > 0 and <= 10 ? Shorten(name, MaxLength - extension.Length) + extension : Shorten(name, MaxLength);
        }

        return name.Length == 0 ? Fallback : name;
    }

    /// <summary>
    /// The name a document is downloaded under: its kept name with the extension of the type found in its content, so a
    /// PDF uploaded as <c>setup.exe</c> is served as <c>setup.pdf</c>.
    /// </summary>
    public static string Served(string fileName, FileSignatures.Kind kind)
    {
        var clean = Clean(fileName);
        var extension = Path.GetExtension(clean);
        var stem = extension.Length > 0 ? clean[..^extension.Length].TrimEnd() : clean;
        stem = Shorten(stem.Length == 0 ? Fallback : stem, MaxLength - kind.Extension.Length);
        return stem + kind.Extension;
    }

    // Never leaves half of a surrogate pair at the end.
    private static string Shorten(string value, int length) =>
        value.Length <= length ? value : char.IsHighSurrogate(value[length - 1]) ? value[..(length - 1)] : value[..length];
}
