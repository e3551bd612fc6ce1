using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Throughcare.Generator;

/// <summary>Writes batches of entities into their tables by the provider's fastest correct route.</summary>
public interface IBulkLoader : IAsyncDisposable
{
    Task WriteAsync(TableShape table, IReadOnlyList<object> rows, CancellationToken cancellationToken);

    /// <summary>Commits what was written and leaves the database as the application expects to find it.</summary>
    Task FinishAsync(CancellationToken cancellationToken);

    /// <summary>The database's size on disk, in bytes.</summary>
    Task<long> SizeAsync(CancellationToken cancellationToken);
}

/// <summary>PostgreSQL: binary COPY, one statement a table a batch.</summary>
public sealed class PostgresBulkLoader(NpgsqlConnection connection) : IBulkLoader
{
    public static async Task<PostgresBulkLoader> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Loading is not a request: no budget of seconds on a command.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0, Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SET synchronous_commit = off", connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new PostgresBulkLoader(connection);
    }

    public async Task WriteAsync(TableShape table, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", table.Columns.Select(c => TableShape.Quote(c.Name)));
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {TableShape.Quote(table.Name)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        importer.Timeout = TimeSpan.FromMinutes(30);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in table.Columns)
            {
                if (column.Read(row) is { } value)
                {
                    await importer.WriteAsync(value, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("ANALYZE", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> SizeAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

/// <summary>SQLite: one transaction, a prepared insert a table, reused for every row.</summary>
public sealed class SqliteBulkLoader : IBulkLoader
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Dictionary<TableShape, (SqliteCommand Command, SqliteParameter[] Parameters)> _inserts = [];
    private readonly string _file;

    private SqliteBulkLoader(SqliteConnection connection, SqliteTransaction transaction)
    {
        (_connection, _transaction) = (connection, transaction);
        _file = connection.DataSource;
    }

    public static async Task<SqliteBulkLoader> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        // For the load only (these settings belong to this connection): the application's own connections use FULL
        // synchronous writes and enforce foreign keys, and the load is checked with foreign_key_check when it ends.
        await ExecuteAsync(connection, null, "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY", cancellationToken);
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        return new SqliteBulkLoader(connection, transaction);
    }

    public Task WriteAsync(TableShape table, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var (command, parameters) = Insert(table);
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = table.Columns[i].Read(row) ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await _transaction.CommitAsync(cancellationToken);
        await using (var check = _connection.CreateCommand())
        {
            check.CommandText = "PRAGMA foreign_key_check";
            await using var reader = await check.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException($"A row in {reader.GetString(0)} names a missing {reader.GetString(2)}: the generated data is inconsistent.");
            }
        }

        await ExecuteAsync(_connection, null, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
    }

    public Task<long> SizeAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new[] { _file, _file + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length));

    public async ValueTask DisposeAsync()
    {
        foreach (var (command, _) in _inserts.Values)
        {
            await command.DisposeAsync();
        }

        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private (SqliteCommand, SqliteParameter[]) Insert(TableShape table)
    {
        if (_inserts.TryGetValue(table, out var insert))
        {
            return insert;
        }

        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var names = table.Columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        command.CommandText = $"INSERT INTO {TableShape.Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => TableShape.Quote(c.Name)))}) VALUES ({string.Join(", ", names)})";

        // The model's own type mappings make the parameters, so values are stored as EF Core stores them (Guids as text).
        var parameters = table.Columns.Select((c, i) => (SqliteParameter)c.Mapping.CreateParameter(command, names[i], null, nullable: true)).ToArray();
        command.Parameters.AddRange(parameters);
        command.Prepare();
        insert = (command, parameters);
        _inserts[table] = insert;
        return insert;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
