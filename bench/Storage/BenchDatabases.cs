using Npgsql;

namespace CaseGrains.Bench.Storage;

/// <summary>
/// Creating, copying and dropping the bench's own databases on the server, through its maintenance database
/// (<c>postgres</c>). Names are checked plain identifiers (<see cref="Reminders.RemindersOptions"/>): these statements
/// take no parameters.
/// </summary>
public sealed class BenchDatabases(string connectionString)
{
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

    private async Task ExecuteAsync(string sql)
    {
        await using var admin = await OpenMaintenanceAsync();
        await using var command = new NpgsqlCommand(sql, admin) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenMaintenanceAsync()
    {
        var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        return connection;
    }
}
