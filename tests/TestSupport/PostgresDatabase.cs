using CaseGrains.Persistence.Migrations;
using Npgsql;

namespace CaseGrains.TestSupport;

/// <summary>
/// A fresh, empty database on the real PostgreSQL server that the test command starts
/// (<c>scripts/pg.sh</c>; override with <c>CASEGRAINS_TEST_POSTGRES</c>). Each instance creates its own database
/// and drops it on dispose, so test classes never see each other's rows.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=casegrains;Password=casegrains;Database=casegrains";

    private PostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("CASEGRAINS_TEST_POSTGRES") is { Length: > 0 } configured ? configured : DefaultServer;

    /// <summary>Creates an empty database; with <paramref name="migrate"/>, applies the product's schema too.</summary>
    public static async Task<PostgresDatabase> CreateAsync(bool migrate = true)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(ServerConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name };
        var database = new PostgresDatabase(name, builder.ConnectionString);
        if (migrate)
        {
            await SchemaMigrator.MigrateAsync(database.DataSource);
        }

        return database;
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(ServerConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
