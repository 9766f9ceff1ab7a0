using CaseGrains.Bench.Load;
using CaseGrains.Hosting;
using Npgsql;
using NpgsqlTypes;

namespace CaseGrains.Bench.Transitions;

/// <summary>
/// The baseline of <c>transitions-http</c>: the raw commit rate of the same PostgreSQL. Each operation is one
/// transaction of one single-row insert of a JSON payload the size of a stored case (into a table of its own in the
/// scenario's scratch database), through Npgsql with the platform's pool settings
/// (<see cref="PostgresConnectionDefaults"/>) but a connection per client, with <c>synchronous_commit</c> as the server
/// has it: what one durable acknowledgement costs at best. The table is left out of autovacuum: its statistics serve no
/// query, and analysing its quarter of a million JSON rows took CPU from the baseline while it ran and from the case
/// actions measured after it.
/// </summary>
public static class CommitBaseline
{
    /// <returns>The phase, and the PostgreSQL backends that served it (while they are still connected).</returns>
    public static async Task<(PhaseResult Phase, IReadOnlySet<int> Backends)> RunAsync(
        string connectionString, int clients, TimeSpan warmUp, TimeSpan measured, string payloadJson, Func<Task<IReadOnlySet<int>>> backends)
    {
        // The platform's pool settings, with a connection for every client: the baseline measures commits, not a queue.
        var builder = PostgresConnectionDefaults.Apply(connectionString);
        builder.MaxPoolSize = Math.Max(100, clients);
        await using var dataSource = NpgsqlDataSource.Create(builder);
        await using (var create = dataSource.CreateCommand(
            "CREATE TABLE bench_commit_baseline (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), payload jsonb NOT NULL) "
            + "WITH (autovacuum_enabled = false)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var phase = await ClosedLoop.RunAsync(clients, warmUp, measured, async (_, _, latencies) =>
        {
            await ClosedLoop.TimedAsync(latencies, async () =>
            {
                await using var insert = dataSource.CreateCommand("INSERT INTO bench_commit_baseline (payload) VALUES ($1)");
                insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = payloadJson });
                return await insert.ExecuteNonQueryAsync();
            });
            return 1;
        });
        return (phase, await backends());
    }
}
