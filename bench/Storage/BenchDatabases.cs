using Npgsql;

namespace CaseGrains.Bench.Storage;

/// <summary>
/// Creating, copying and dropping the bench's own databases on the server, through its maintenance database
/// (<c>postgres</c>). Names are checked plain identifiers (<see cref="Reminders.RemindersOptions"/>): these statements
/// take no parameters.
/// </summary>
public sealed class BenchDatabases(string connectionString)
{
    /// <summary>The server's maintenance database, for watching the bench's own databases from outside them.</summary>
    public const string Maintenance = "postgres";

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    public async Task<bool> ExistsAsync(string database)
    {
        await using var admin = await OpenMaintenanceAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", admin) { Parameters = { new() { Value = database } } };
        return await command.ExecuteScalarAsync() is not null;
    }

    public async Task CreateAsync(string database) => await ExecuteAsync($"CREATE DATABASE {database}");

    /// <summary>Drops the database, ending any session still connected to it.</summary>
    public async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }

    /// <summary>A new database <paramref name="copy"/> holding what <paramref name="source"/> holds, by copying its files
    /// (FILE_COPY: much faster than replaying it through the WAL for a data set of gigabytes). Nobody may be connected to
    /// <paramref name="source"/> meanwhile.</summary>
    public async Task CopyAsync(string source, string copy)
    {
        await DropAsync(copy);
        await ExecuteAsync($"CREATE DATABASE {copy} TEMPLATE {source} STRATEGY FILE_COPY");
    }

    public async Task<long> SizeAsync(string database)
    {
        await using var admin = await OpenMaintenanceAsync();
        await using var command = new NpgsqlCommand("SELECT pg_database_size($1)", admin) { Parameters = { new() { Value = database } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The PostgreSQL server processes serving sessions on <paramref name="database"/> now.</summary>
    public async Task<IReadOnlySet<int>> BackendsAsync(string database)
    {
        await using var admin = await OpenMaintenanceAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = $1", admin) { Parameters = { new() { Value = database } } };
        var pids = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var admin = await OpenMaintenanceAsync();
        await using var command = new NpgsqlCommand(sql, admin) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenMaintenanceAsync()
    {
        var connection = new NpgsqlConnection(ConnectionStringFor(Maintenance));
        await connection.OpenAsync();
        return connection;
    }
}
