using System.Data.Common;
using Npgsql;

namespace CaseGrains.Hosting;

/// <summary>
/// What the platform's connection pool (every store and Orleans provider of a process shares it) sets where its
/// connection string is silent:
/// <list type="bullet">
/// <item>Max Auto Prepare 64: statements run more than once on a connection are prepared. A case commit is one large
/// statement whose planning otherwise costs about as much as executing it.</item>
/// <item>Options <c>-c jit=off</c>: a list's count over a large body crosses the server's default JIT threshold, and
/// each such count spent 16 ms compiling expressions it evaluates a few thousand times (EXPLAIN ANALYZE, bench
/// <c>lists</c>).</item>
/// <item>Maximum Pool Size <see cref="MaxPoolSize"/> instead of Npgsql's 100: a burst of deadline steps kept a hundred
/// backends busy on a two-core server, and each new backend pays to map every shared buffer it touches (page faults
/// were 11% of the server's CPU) and plans the commit statement anew. With 16 the server spent 1.6 CPU-ms per step
/// instead of 2.6 (bench <c>reminders</c>; 8 did no better, and 4 kept deliveries waiting past Orleans' response
/// timeout): waiting for a connection in the pool costs far less than running beside a hundred others.</item>
/// <item>No Reset On Close: a connection goes back to the pool as it is. Npgsql otherwise resets it before its next use
/// with seven statements (RESET ALL, CLOSE ALL, UNLISTEN *, DISCARD SEQUENCES and TEMP, pg_advisory_unlock_all, SET
/// SESSION AUTHORIZATION DEFAULT), parsed and run by the server each time: 56,000 times in a 20-s
/// <c>transitions-http</c> run, its baseline's connections included (pg_stat_statements). Nothing here leaves session
/// state on a pooled connection: settings are set_config's transaction-local ones, advisory locks are transaction-level
/// except the migrator's, which it releases, and no code LISTENs or creates temporary tables.</item>
/// </list>
/// </summary>
public static class PostgresConnectionDefaults
{
    public const int MaxPoolSize = 16;

    public static NpgsqlConnectionStringBuilder Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = "-c jit=off";
        }

        if (!Sets(connectionString, "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Sets(connectionString, "MaximumPoolSize", "MaxPoolSize"))
        {
            builder.MaxPoolSize = MaxPoolSize;
        }

        return builder;
    }

    /// <summary>Npgsql's builder reports every keyword as present, set or not, so the string's own keys are read (spaces
    /// removed, any case).</summary>
    private static bool Sets(string connectionString, params string[] keys) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal))
            .Any(key => keys.Contains(key, StringComparer.OrdinalIgnoreCase));
}
