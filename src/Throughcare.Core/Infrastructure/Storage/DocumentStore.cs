namespace Throughcare.Core.Infrastructure.Storage;

/// <summary>A file in the store: its stored name, whether it is still staged (not yet made visible), and when it was last written.</summary>
public sealed record StoredFile(string StoredName, bool Staged, DateTimeOffset WrittenAt);

/// <summary>
/// Where uploaded documents live: outside the web root, under generated names. A document is staged first and published
/// (made visible under its name) only once its row has committed, so a crash in between leaves no visible orphan.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Writes the bytes under a temporary name, flushed to disk.</summary>
    Task StageAsync(string storedName, Stream content, CancellationToken cancellationToken);

    /// <summary>Makes a staged document visible under its name; does nothing if it already is.</summary>
    Task PublishAsync(string storedName, CancellationToken cancellationToken);

    /// <summary>Opens a document whose row exists: published, or staged when its row committed but the publish was cut short.</summary>
    Task<Stream?> OpenAsync(string storedName, CancellationToken cancellationToken);

    /// <summary>Removes a document, staged or published.</summary>
    Task DeleteAsync(string storedName, CancellationToken cancellationToken);

    IEnumerable<StoredFile> List();
}

/// <summary>The default store: files in the data folder's documents directory, staged as <c>.partial</c> and renamed into place.</summary>
public sealed class FileSystemDocumentStore(string root) : IDocumentStore
{
    private const string StagedSuffix = ".partial";

    public async Task StageAsync(string storedName, Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(root);
        await using var file = new FileStream(PathFor(storedName) + StagedSuffix, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        await content.CopyToAsync(file, cancellationToken);
        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
    }

    public Task PublishAsync(string storedName, CancellationToken cancellationToken)
    {
        var path = PathFor(storedName);
        try
        {
            File.Move(path + StagedSuffix, path, overwrite: true);
        }
        catch (FileNotFoundException)
        {
            // Published already (by the sweeper, say).
        }

        return Task.CompletedTask;
    }

    public Task<Stream?> OpenAsync(string storedName, CancellationToken cancellationToken)
    {
        var path = PathFor(storedName);
        var existing = File.Exists(path) ? path : File.Exists(path + StagedSuffix) ? path + StagedSuffix : null;
        return Task.FromResult<Stream?>(existing is null ? null : new FileStream(existing, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous));
    }

    public Task DeleteAsync(string storedName, CancellationToken cancellationToken)
    {
        var path = PathFor(storedName);
        File.Delete(path + StagedSuffix);
        File.Delete(path);
        return Task.CompletedTask;
    }

    public IEnumerable<StoredFile> List()
    {
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var file in new DirectoryInfo(root).EnumerateFiles())
        {
            var staged = file.Name.EndsWith(StagedSuffix, StringComparison.Ordinal);
            var name = staged ? file.Name[..^StagedSuffix.Length] : file.Name;
            if (Guid.TryParseExact(name, "N", out _))
            {
                yield return new StoredFile(name, staged, file.LastWriteTimeUtc);
            }
        }
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
