namespace Throughcare.Web.Infrastructure.Storage;

/// <summary>Where uploaded documents live: outside the web root, under generated names.</summary>
public interface IDocumentStore
{
    Task SaveAsync(string storedName, Stream content, CancellationToken cancellationToken);

    Task<Stream?> OpenAsync(string storedName, CancellationToken cancellationToken);

    Task DeleteAsync(string storedName, CancellationToken cancellationToken);
}

/// <summary>The default store: files in the data folder's documents directory, written then renamed into place.</summary>
public sealed class FileSystemDocumentStore(string root) : IDocumentStore
{
    public async Task SaveAsync(string storedName, Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(root);
        var path = PathFor(storedName);
        var temporary = path + ".partial";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await content.CopyToAsync(file, cancellationToken);
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path);
    }

    public Task<Stream?> OpenAsync(string storedName, CancellationToken cancellationToken)
    {
        var path = PathFor(storedName);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null);
    }

    public Task DeleteAsync(string storedName, CancellationToken cancellationToken)
    {
        File.Delete(PathFor(storedName));
        return Task.CompletedTask;
    }

    // Stored names are generated GUIDs; anything else is refused, so no name can reach outside the folder.
    private string PathFor(string storedName) =>
        Guid.TryParseExact(storedName, "N", out _) ? Path.Combine(root, storedName) : throw new ArgumentException("Not a stored document name.", nameof(storedName));
}

/// <summary>Recognises the file types a referral may carry by their first bytes, never by their names.</summary>
public static class FileSignatures
{
    public sealed record Kind(string ContentType, string Extension, string Label);

    public static readonly Kind Pdf = new("application/pdf", ".pdf", "PDF");
    public static readonly Kind Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "Word document");
    public static readonly Kind Doc = new("application/msword", ".doc", "Word 97–2003 document");
    public static readonly Kind Png = new("image/png", ".png", "PNG image");
    public static readonly Kind Jpeg = new("image/jpeg", ".jpg", "JPEG image");

    /// <summary>What a stored document of no type we recognise is served as: bytes, never something a browser runs.</summary>
    public static readonly Kind Unknown = new("application/octet-stream", ".bin", "file");

    private static readonly Kind[] Known = [Pdf, Docx, Doc, Png, Jpeg];

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> OleSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public const string Allowed = "a PDF, Word document (.docx or .doc), PNG or JPEG";

    /// <summary>The type a stored document was found to be when it was uploaded.</summary>
    public static Kind ForContentType(string contentType) =>
        Known.FirstOrDefault(k => string.Equals(k.ContentType, contentType, StringComparison.OrdinalIgnoreCase)) ?? Unknown;

    public static Kind? Detect(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith(PngSignature))
        {
            return Png;
        }

        if (head.StartsWith(JpegSignature))
        {
            return Jpeg;
        }

        if (head.StartsWith(OleSignature))
        {
            return Doc;
        }

        // A .docx is a zip; the name's extension decides only between zip-based formats we accept (just .docx).
        return head.StartsWith("PK\u0003\u0004"u8) && fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ? Docx : null;
    }
}
