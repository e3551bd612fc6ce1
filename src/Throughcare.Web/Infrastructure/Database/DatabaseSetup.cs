using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Throughcare.Web.Infrastructure.Database;

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
        if (GetProvider(configuration) == DatabaseProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("ConnectionStrings:Throughcare is required when Database:Provider is PostgreSql.");
            }

            services.AddDbContext<ThroughcareDbContext, PostgresThroughcareDbContext>((sp, o) => o
                .UseNpgsql(WithPoolDefaults(connectionString), npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
                .AddInterceptors(sp.GetRequiredService<AuditAnchorInterceptor>()));
        }
        else
        {
            var sqlite = string.IsNullOrWhiteSpace(connectionString)
                ? $"Data Source={Path.Combine(GetDataDirectory(configuration, environment), "throughcare.db")}"
                : connectionString;
            var pragmas = new SqlitePragmas(
                configuration["Database:Sqlite:JournalMode"] ?? "WAL",
                configuration["Database:Sqlite:Synchronous"] ?? "FULL");
            services.AddDbContext<ThroughcareDbContext, SqliteThroughcareDbContext>((sp, o) => o
                .UseSqlite(sqlite)
                .AddInterceptors(pragmas, sp.GetRequiredService<AuditAnchorInterceptor>()));
        }

        return services;
    }

    /// <summary>
    /// Npgsql's pool resets every connection it is given back with <c>DISCARD ALL</c>, a second round trip for each
    /// use; Throughcare leaves no session state behind (its advisory locks are per transaction, or released in a
    /// <c>finally</c>), so the reset is skipped, and the statements run most are prepared once per connection. An
    /// operator's own setting of either wins (ADR 0018).
    /// </summary>
    public static string WithPoolDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var given = connectionString.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (!given.Contains("NORESETONCLOSE=", StringComparison.Ordinal))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.Contains("MAXAUTOPREPARE=", StringComparison.Ordinal))
        {
            builder.MaxAutoPrepare = 50;
        }

        return builder.ConnectionString;
    }

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
    private sealed class SqlitePragmas(string journalMode, string synchronous) : DbConnectionInterceptor
    {
        private readonly string _sql = $"PRAGMA journal_mode={Sanitise(journalMode)}; PRAGMA synchronous={Sanitise(synchronous)}; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

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
