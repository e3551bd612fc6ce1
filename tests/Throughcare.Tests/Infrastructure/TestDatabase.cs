using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Npgsql;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Web.Infrastructure;

namespace Throughcare.Tests.Infrastructure;

/// <summary>
/// One database per test host: an SQLite file in a temporary folder by default, or a PostgreSQL database when
/// THROUGHCARE_TEST_POSTGRES holds a connection string to a server (the CI runs the suite both ways).
/// Applying every migration takes seconds on PostgreSQL, so a test run migrates one template database, once, and each
/// host starts on its own copy of it (<c>CREATE DATABASE … TEMPLATE</c>, or a copy of the SQLite file). Tests of
/// migrating itself start from an <see cref="Empty"/> database.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "THROUGHCARE_TEST_POSTGRES";

    private static readonly string Root = Path.Combine(Path.GetTempPath(), "throughcare-tests");
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private TestDatabase(bool migrated)
    {
        DataDirectory = NewFolder();
        if (IsPostgres)
        {
            DatabaseName = "throughcare_test_" + Guid.NewGuid().ToString("N");
            Execute(migrated ? $"CREATE DATABASE \"{DatabaseName}\" TEMPLATE \"{Template.Value}\"" : $"CREATE DATABASE \"{DatabaseName}\"");
            ConnectionString = PostgresConnectionString(DatabaseName, pooling: true);
        }
        else
        {
            var file = Path.Combine(DataDirectory, "throughcare.db");
            if (migrated)
            {
                File.Copy(Template.Value, file);
            }

            ConnectionString = $"Data Source={file}";
        }
    }

    public static bool IsPostgres => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public static string Provider => IsPostgres ? "PostgreSql" : "Sqlite";
    public string ConnectionString { get; }
    public string DataDirectory { get; }
    public string? DatabaseName { get; }

    /// <summary>A copy of this run's migrated template: what a test host normally starts on.</summary>
    public static TestDatabase Migrated() => new(migrated: true);

    /// <summary>A database with nothing in it, for tests of the application migrating it at start-up.</summary>
    public static TestDatabase Empty() => new(migrated: false);

    public void Dispose()
    {
        if (DatabaseName is not null)
        {
            using (var pooled = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            Execute($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
        }
        else
        {
            using var pooled = new SqliteConnection(ConnectionString);
            SqliteConnection.ClearPool(pooled);
        }

        DeleteFolder(DataDirectory);
    }

    /// <summary>Drops the run's template, if it made one; <see cref="TestRun"/> calls this when the run ends.</summary>
    public static void RemoveTemplate()
    {
        if (!Template.IsValueCreated)
        {
            return;
        }

        if (IsPostgres)
        {
            Execute($"DROP DATABASE IF EXISTS \"{Template.Value}\" WITH (FORCE)");
        }
        else
        {
            DeleteFolder(Path.GetDirectoryName(Template.Value)!);
        }
    }

    /// <summary>Creates and migrates the run's template: a PostgreSQL database or an SQLite file.</summary>
    private static string CreateTemplate()
    {
        string template;
        if (IsPostgres)
        {
            template = "throughcare_template_" + Guid.NewGuid().ToString("N");
            Execute($"CREATE DATABASE \"{template}\"");

            // Without pooling no connection outlives the migration: PostgreSQL copies a template only when no one is connected to it.
            Migrate(PostgresConnectionString(template, pooling: false));
        }
        else
        {
            template = Path.Combine(NewFolder(), "template.db");
            Migrate($"Data Source={template};Pooling=False");
        }

        return template;
    }

    /// <summary>Applies every migration through the application's own database registration, as its start-up does.</summary>
    private static void Migrate(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider,
            ["ConnectionStrings:Throughcare"] = connectionString,
        }).Build();
        var environment = new HostingEnvironment { EnvironmentName = ThroughcareHost.TestingEnvironment, ContentRootPath = Root };
        using var services = new ServiceCollection().AddHttpContextAccessor().AddScoped<CurrentUser>()
            .AddLogging().AddSingleton(TimeProvider.System).AddThroughcareDatabase(configuration, environment).BuildServiceProvider();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();
        db.Database.Migrate();
        if (!IsPostgres)
        {
            // Moves everything from the write-ahead log into the database file, the one file that is copied. The file
            // stays in WAL mode: the application checks for the database on a read-only connection, which could not
            // switch a copy into it.
            db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static string PostgresConnectionString(string database, bool pooling) =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { Database = database, Pooling = pooling }.ConnectionString;

    /// <summary>Runs a statement on the server's maintenance database (the one THROUGHCARE_TEST_POSTGRES names).</summary>
    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string NewFolder()
    {
        var path = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static void DeleteFolder(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finished host: the temporary folder is cleaned by the OS later.
        }
    }
}
