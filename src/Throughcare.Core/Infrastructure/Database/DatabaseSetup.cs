using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Throughcare.Core.Infrastructure.Database;

public enum DatabaseProvider { Sqlite, PostgreSql }

public static class DatabaseSetup
{
    public static DatabaseProvider GetProvider(IConfiguration configuration) =>
        configuration["Database:Provider"]?.ToUpperInvariant() switch
        {
            null or "" or "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
            var other => throw new InvalidOperationException($"Database:Provider '{other}' is not supported: use Sqlite or PostgreSql."),
        };

    /// <summary>The folder for the SQLite database and uploaded files.</summary>
    public static string GetDataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Throughcare:DataDirectory"];
        var path = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(environment.ContentRootPath, "data")
            : Path.GetFullPath(configured, environment.ContentRootPath);
        Directory.CreateDirectory(path);
        return path;
    }

    public static IServiceCollection AddThroughcareDatabase(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<AccessScope>();
        services.AddSingleton(sp => AuditAnchorStore.FromConfiguration(configuration, environment, sp.GetRequiredService<ILogger<AuditAnchorStore>>()));
        services.AddSingleton<AuditAnchorInterceptor>();
        var connectionString = configuration.GetConnectionString("Throughcare");
        var replica = configuration.GetConnectionString("ReadReplica");
        var onReplica = !string.IsNullOrWhiteSpace(replica);
        if (GetProvider(configuration) == DatabaseProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("ConnectionStrings:Throughcare is required when Database:Provider is PostgreSql.");
            }

            services.AddDbContext<ThroughcareDbContext, PostgresThroughcareDbContext>((sp, o) => o
                .UseNpgsql(WithPoolDefaults(connectionString), npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
                .AddInterceptors([sp.GetRequiredService<AuditAnchorInterceptor>(), .. sp.GetServices<IInterceptor>()]));
            var readOnly = ReadOnlyDb.ReadOnly(new DbContextOptionsBuilder<PostgresThroughcareDbContext>()
                .UseNpgsql(WithPoolDefaults(onReplica ? replica! : connectionString))).Options;
            services.AddScoped(sp => new ReadOnlyDb(new PostgresThroughcareDbContext(readOnly, sp.GetRequiredService<AccessScope>()), onReplica));
        }
        else
        {
            if (onReplica)
            {
                throw new InvalidOperationException(
                    "Refusing to start: ConnectionStrings:ReadReplica is for PostgreSQL only. Remove it, or set Database:Provider to PostgreSql.");
            }

            var sqlite = string.IsNullOrWhiteSpace(connectionString)
                ? $"Data Source={Path.Combine(GetDataDirectory(configuration, environment), "throughcare.db")}"
                : connectionString;
            var pragmas = new SqlitePragmas(
                configuration["Database:Sqlite:JournalMode"] ?? "WAL",
                configuration["Database:Sqlite:Synchronous"] ?? "FULL",
                configuration.GetValue<int?>("Database:Sqlite:BusyTimeoutMilliseconds") ?? 1000);
            services.AddDbContext<ThroughcareDbContext, SqliteThroughcareDbContext>((sp, o) => o
                .UseSqlite(sqlite, o => o.CommandTimeout(CommandSeconds - 1))
                .AddInterceptors([pragmas, sp.GetRequiredService<AuditAnchorInterceptor>(), .. sp.GetServices<IInterceptor>()]));
            var readOnly = ReadOnlyDb.ReadOnly(new DbContextOptionsBuilder<SqliteThroughcareDbContext>()
                .UseSqlite(sqlite, o => o.CommandTimeout(CommandSeconds - 1)).AddInterceptors(pragmas)).Options;
            services.AddScoped(sp => new ReadOnlyDb(new SqliteThroughcareDbContext(readOnly, sp.GetRequiredService<AccessScope>()), onReplica: false));
        }

        return services;
    }

    /// <summary>
    /// Connection settings Throughcare relies on, unless the operator sets them in the connection string (ADR 0018).
    /// Npgsql's pool resets every connection it is given back with <c>DISCARD ALL</c>, a second round trip for each use;
    /// Throughcare leaves no session state behind (its advisory locks are per transaction, or released in a
    /// <c>finally</c>), so the reset is skipped, and the statements run most are prepared once per connection. A request
    /// must end within seconds even when the database is down, hung or locked: connecting and each command have a
    /// budget of a few seconds, after which the page answers 503 with Retry-After (start-up work sets its own).
    /// </summary>
    public static string WithPoolDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
        bool Unset(string key) => !given.Contains(key);
        if (Unset("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }

        if (Unset("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = 50;
        }

        if (Unset("TIMEOUT"))
        {
            builder.Timeout = ConnectSeconds;
        }

        if (Unset("COMMANDTIMEOUT"))
        {
            builder.CommandTimeout = CommandSeconds;
        }

        if (Unset("CANCELLATIONTIMEOUT"))
        {
            builder.CancellationTimeout = 500;
        }

        return builder.ConnectionString;
    }

    /// <summary>Seconds a request waits to connect, and for one command, before the database counts as unavailable.</summary>
    public const int ConnectSeconds = 3;

    /// <inheritdoc cref="ConnectSeconds"/>
    public const int CommandSeconds = 4;

    /// <summary>Refuses to run on settings that could lose acknowledged writes.</summary>
    public static async Task VerifyDurabilityAsync(ThroughcareDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db is SqliteThroughcareDbContext)
            {
                Require(await ScalarAsync(connection, "PRAGMA journal_mode", cancellationToken), "wal", "SQLite journal_mode must be WAL");
                var synchronous = await ScalarAsync(connection, "PRAGMA synchronous", cancellationToken);
                if (synchronous is not ("2" or "3"))
                {
                    throw new InvalidOperationException($"Refusing to start: SQLite synchronous must be FULL (2) or EXTRA (3), not {synchronous}.");
                }

                Require(await ScalarAsync(connection, "PRAGMA foreign_keys", cancellationToken), "1", "SQLite foreign_keys must be on");
            }
            else
            {
                Require(await ScalarAsync(connection, "SHOW fsync", cancellationToken), "on", "PostgreSQL fsync must be on");
                var commit = await ScalarAsync(connection, "SHOW synchronous_commit", cancellationToken);
                if (commit is "off" or "local")
                {
                    throw new InvalidOperationException($"Refusing to start: PostgreSQL synchronous_commit must be on, not {commit}.");
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Require(string? actual, string expected, string message)
    {
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Refusing to start: {message} (found '{actual}').");
        }
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Sets SQLite's durability settings on every connection the pool opens.</summary>
    /// <remarks>
    /// A writer waits for another's lock a second at a time (the busy timeout) until the command's 3 seconds are up,
    /// then the page answers 503 with Retry-After rather than hanging: SQLite's writes take milliseconds, so a lock
    /// held longer is a fault.
    /// </remarks>
    private sealed class SqlitePragmas(string journalMode, string synchronous, int busyTimeoutMilliseconds) : DbConnectionInterceptor
    {
        private readonly string _sql = $"PRAGMA journal_mode={Sanitise(journalMode)}; PRAGMA synchronous={Sanitise(synchronous)}; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={busyTimeoutMilliseconds};";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = _sql;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private static string Sanitise(string value) =>
            value.All(char.IsAsciiLetter) ? value : throw new InvalidOperationException($"'{value}' is not a SQLite pragma value.");
    }
}
