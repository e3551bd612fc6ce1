using Npgsql;

namespace Throughcare.Tests.Infrastructure;

/// <summary>
/// One database per test host: an SQLite file in a temporary folder by default, or a new PostgreSQL database when
/// THROUGHCARE_TEST_POSTGRES holds a connection string to a server (the CI runs the suite both ways).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "THROUGHCARE_TEST_POSTGRES";

    private readonly string? _postgresServer;

    public TestDatabase()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "throughcare-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _postgresServer = Environment.GetEnvironmentVariable(PostgresVariable);
        if (IsPostgres)
        {
            var name = "throughcare_test_" + Guid.NewGuid().ToString("N");
            using (var connection = new NpgsqlConnection(_postgresServer))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"CREATE DATABASE \"{name}\"";
                command.ExecuteNonQuery();
            }

            ConnectionString = new NpgsqlConnectionStringBuilder(_postgresServer) { Database = name, Pooling = true }.ConnectionString;
            DatabaseName = name;
        }
        else
        {
            ConnectionString = $"Data Source={Path.Combine(DataDirectory, "throughcare.db")}";
        }
    }

    public static bool IsPostgres => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public string Provider => IsPostgres ? "PostgreSql" : "Sqlite";
    public string ConnectionString { get; }
    public string DataDirectory { get; }
    public string? DatabaseName { get; }

    public void Dispose()
    {
        if (IsPostgres && DatabaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_postgresServer);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finished host: the temporary folder is cleaned by the OS later.
        }
    }
}
