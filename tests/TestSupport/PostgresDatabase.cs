using System.Security.Cryptography;
using System.Text;
using CaseGrains.Persistence.Migrations;
using Npgsql;

namespace CaseGrains.TestSupport;

/// <summary>
/// A fresh database on the real PostgreSQL server that the test command starts (<c>scripts/pg.sh</c>; override
/// with <c>CASEGRAINS_TEST_POSTGRES</c>). Each instance creates its own database and drops it on dispose, so test
/// classes never see each other's rows.
/// </summary>
/// <remarks>
/// A migrated database is a copy (<c>CREATE DATABASE ... TEMPLATE</c>) of a template database that holds the
/// product's schema, which is much faster than running the migrations each time. The template is named after a
/// hash of <see cref="SchemaMigrator.Scripts"/>, so a changed script gets a new template and test processes running
/// side by side share one per schema. It is built once per schema under an advisory lock on the server's default
/// database, then marked <c>IS_TEMPLATE</c> and closed to connections (PostgreSQL copies a database only while no
/// one is connected to it). A template left unmarked by a process that died while building it is rebuilt. Old
/// templates stay on the server (a few MB each); <c>DROP DATABASE</c> after <c>ALTER DATABASE ... IS_TEMPLATE
/// false</c> removes one.
/// </remarks>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=casegrains;Password=casegrains;Database=casegrains";

    // Any constant that no other advisory lock on the server uses; "CGtempla" in ASCII.
    private const long TemplateLockKey = 0x434774656D706C61;

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static readonly Lazy<NpgsqlDataSource> Admin = new(() => NpgsqlDataSource.Create(ServerConnectionString));
    private static string? template;

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

    /// <summary>
    /// The name of the template database for the current schema scripts: <c>tpl_</c> and the first 16 hex digits of
    /// the SHA-256 of every script's name and text.
    /// </summary>
    public static string TemplateName { get; } = NameTemplate();

    /// <summary>Creates a database: with <paramref name="migrate"/>, holding the product's schema (as migrated); without, empty.</summary>
    public static async Task<PostgresDatabase> CreateAsync(bool migrate = true)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        var source = migrate ? await EnsureTemplateAsync() : null;
        await using (var admin = await Admin.Value.OpenConnectionAsync())
        {
            await ExecuteAsync(admin, source is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {source}");
        }

        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name };
        return new PostgresDatabase(name, builder.ConnectionString);
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
        await using var admin = await Admin.Value.OpenConnectionAsync();
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    /// <summary>The template for the current scripts, built by this call if no process has built it yet.</summary>
    private static async Task<string> EnsureTemplateAsync()
    {
        if (Volatile.Read(ref template) is { } built)
        {
            return built;
        }

        await TemplateGate.WaitAsync();
        try
        {
            if (template is null)
            {
                await BuildTemplateAsync(TemplateName);
                Volatile.Write(ref template, TemplateName);
            }

            return template;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static async Task BuildTemplateAsync(string name)
    {
        // Its own connection, closed afterwards: a session-level lock must never go back to a pool.
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await ExecuteAsync(admin, $"SELECT pg_advisory_lock({TemplateLockKey})");
        try
        {
            await using (var check = new NpgsqlCommand("SELECT datistemplate FROM pg_database WHERE datname = $1", admin))
            {
                check.Parameters.AddWithValue(name);
                switch (await check.ExecuteScalarAsync())
                {
                    case true:
                        return;
                    case false:
                        // Left half-built by a process that died holding the lock.
                        await ExecuteAsync(admin, $"DROP DATABASE {name} WITH (FORCE)");
                        break;
                }
            }

            await ExecuteAsync(admin, $"CREATE DATABASE {name}");
            var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = false };
            await using (var dataSource = NpgsqlDataSource.Create(builder.ConnectionString))
            {
                await SchemaMigrator.MigrateAsync(dataSource);
            }

            NpgsqlConnection.ClearAllPools();

            // Closed to connections first, so that nothing can connect between the two and keep a copy from starting.
            await ExecuteAsync(admin, $"ALTER DATABASE {name} ALLOW_CONNECTIONS false");
            await ExecuteAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
            await ExecuteAsync(admin, $"ALTER DATABASE {name} IS_TEMPLATE true");
        }
        finally
        {
            await ExecuteAsync(admin, $"SELECT pg_advisory_unlock({TemplateLockKey})");
        }
    }

    private static string NameTemplate()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, sql) in SchemaMigrator.Scripts)
        {
            // Length-prefixed, so that no two different script sets hash the same bytes.
            foreach (var part in new[] { name, sql })
            {
                var bytes = Encoding.UTF8.GetBytes(part);
                hash.AppendData(Encoding.ASCII.GetBytes($"{bytes.Length}:"));
                hash.AppendData(bytes);
            }
        }

        return "tpl_" + Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
