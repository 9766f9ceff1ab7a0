using Npgsql;

namespace CaseGrains.Bench.Storage;

/// <summary>
/// A database of the bench's own for one run (<c>casegrains_bench_&lt;scenario&gt;</c> on the server of the given
/// connection string), created empty and dropped when disposed, so a run never writes where anybody else keeps data.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly BenchDatabases databases;

    private ScratchDatabase(BenchDatabases databases, string name)
    {
        this.databases = databases;
        Name = name;
        ConnectionString = databases.ConnectionStringFor(name);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <param name="suffix">Lower-case letters and underscores only: it is spliced into CREATE DATABASE.</param>
    public static async Task<ScratchDatabase> CreateAsync(string serverConnectionString, string suffix)
    {
        var databases = new BenchDatabases(serverConnectionString);
        var name = "casegrains_bench_" + suffix;
        await databases.DropAsync(name);
        await databases.CreateAsync(name);
        return new ScratchDatabase(databases, name);
    }

    /// <summary>The PostgreSQL server processes serving this database now.</summary>
    public Task<IReadOnlySet<int>> BackendsAsync() => databases.BackendsAsync(Name);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await databases.DropAsync(Name);
    }
}
