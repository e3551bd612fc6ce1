using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Throughcare.Core.Infrastructure.Database;

/// <summary>One anchored point of the audit chain: the sequence and hash of a row known to have been committed.</summary>
public sealed record AuditAnchor(long Sequence, string Hash, string File, int Line);

/// <summary>
/// Anchors the audit chain's head outside the database, so that deleting the newest rows (which the chain alone cannot
/// show) is detected. After each commit that extends the chain, the new head's sequence and hash are appended, with an
/// HMAC under a key the database never holds, to an anchor file of this process's own in a folder outside the database.
/// Each process writes its own file, so processes sharing a database never interleave writes; verification reads
/// every file in the folder. See docs/adr/0003-audit-trail.md.
/// </summary>
public sealed class AuditAnchorStore : IDisposable
{
    public const string FileExtension = ".anchors";
    public const string KeyFileName = "anchor.key";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly Lock _lock = new();
    private readonly string? _configuredKey;
    private readonly ILogger<AuditAnchorStore> _logger;
    private byte[]? _key;
    private FileStream? _file;

    public AuditAnchorStore(string directory, string? configuredKey, ILogger<AuditAnchorStore> logger)
    {
        Directory = directory;
        _configuredKey = string.IsNullOrWhiteSpace(configuredKey) ? null : configuredKey;
        _logger = logger;
    }

    public string Directory { get; }

    public static AuditAnchorStore FromConfiguration(IConfiguration configuration, IHostEnvironment environment, ILogger<AuditAnchorStore> logger)
    {
        var configured = configuration["Throughcare:Audit:AnchorDirectory"];
        var directory = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(DatabaseSetup.GetDataDirectory(configuration, environment), "audit-anchors")
            : Path.GetFullPath(configured, environment.ContentRootPath);
        return new AuditAnchorStore(directory, configuration["Throughcare:Audit:AnchorKey"], logger);
    }

    /// <summary>
    /// Records that the chain reached this row. Called after the commit, so an anchor never names a row that could
    /// still roll back. A failure is logged, not thrown: the change it follows is already committed.
    /// </summary>
    public void Append(long sequence, string hash)
    {
        lock (_lock)
        {
            try
            {
                _key ??= LoadKey(create: true) ?? throw new InvalidOperationException("The audit anchor key could not be made.");
                _file ??= OpenOwnFile();
                _file.Write(Encoding.ASCII.GetBytes(Line(_key, sequence, hash)));
                _file.Flush();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                _logger.LogError(e, "Could not anchor audit sequence {Sequence} in {Directory}", sequence, Directory);
                _file?.Dispose();
                _file = null;
            }
        }
    }

    /// <summary>Every anchor written so far, checked against its HMAC; a line that fails the check is reported as altered.</summary>
    public IEnumerable<(AuditAnchor Anchor, bool Authentic)> ReadAll()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            yield break;
        }

        var files = System.IO.Directory.GetFiles(Directory, "*" + FileExtension);
        if (files.Length == 0)
        {
            yield break;
        }

        var key = LoadKey(create: false);
        foreach (var path in files.Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var number = 0;
            foreach (var line in CompleteLines(path))
            {
                number++;
                var parts = line.Split(' ');
                if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
                {
                    yield return (new AuditAnchor(0, "", name, number), false);
                    continue;
                }

                var authentic = key is not null && CryptographicOperations.FixedTimeEquals(
                    Encoding.ASCII.GetBytes(Line(key, sequence, parts[1])), Encoding.ASCII.GetBytes(line + "\n"));
                yield return (new AuditAnchor(sequence, parts[1], name, number), authentic);
            }
        }
    }

    /// <summary>
    /// The file's lines as far as it reached when opened. A last line without its newline was cut short by a crash
    /// while being written, and anchors nothing.
    /// </summary>
    private static IEnumerable<string> CompleteLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 65536);
        var remaining = stream.Length;
        var line = new List<byte>(200);
        var buffer = new byte[65536];
        while (remaining > 0)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
            if (read == 0)
            {
                yield break;
            }

            remaining -= read;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == (byte)'\n')
                {
                    yield return Encoding.ASCII.GetString([.. line]);
                    line.Clear();
                }
                else
                {
                    line.Add(buffer[i]);
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _file?.Dispose();
            _file = null;
        }
    }

    private static string Line(byte[] key, long sequence, string hash)
    {
        var anchored = string.Create(CultureInfo.InvariantCulture, $"{sequence} {hash}");
        return $"{anchored} {Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(anchored)))}\n";
    }

    private FileStream OpenOwnFile()
    {
        CreateDirectory();
        var name = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}-{Guid.NewGuid():N}{FileExtension}");
        return new FileStream(Path.Combine(Directory, name), Options(FileMode.CreateNew, FileAccess.Write, FileShare.Read));
    }

    /// <summary>The configured key, else the key file (made on first use, readable by this account alone).</summary>
    private byte[]? LoadKey(bool create)
    {
        if (_configuredKey is not null)
        {
            var configured = Convert.FromBase64String(_configuredKey);
            return configured.Length >= 32
                ? configured
                : throw new InvalidOperationException("Throughcare:Audit:AnchorKey must be at least 32 bytes, base64-encoded.");
        }

        var path = Path.Combine(Directory, KeyFileName);
        if (!File.Exists(path))
        {
            if (!create)
            {
                return null;
            }

            CreateDirectory();
            var temporary = path + "." + Guid.NewGuid().ToString("N");
            using (var file = new FileStream(temporary, Options(FileMode.CreateNew, FileAccess.Write, FileShare.None)))
            {
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
                file.Flush(flushToDisk: true);
            }

            try
            {
                // Another process may have made the key first: then its key is the one.
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        return Convert.FromBase64String(File.ReadAllText(path, Encoding.ASCII).Trim());
    }

    private void CreateDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, OwnerOnly | UnixFileMode.UserExecute);
        }
    }

    private static FileStreamOptions Options(FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return options;
    }
}

/// <summary>Appends the chain's new head to the anchor file once, and only once, the transaction that wrote it has committed.</summary>
public sealed class AuditAnchorInterceptor(AuditAnchorStore anchors) : DbTransactionInterceptor
{
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Anchor(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Anchor(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private void Anchor(TransactionEventData eventData)
    {
        if (eventData.Context is ThroughcareDbContext db && db.TakeUnanchoredHead() is { } head)
        {
            anchors.Append(head.Sequence, head.Hash);
        }
    }

    private static void Forget(TransactionEventData eventData) => (eventData.Context as ThroughcareDbContext)?.TakeUnanchoredHead();
}
