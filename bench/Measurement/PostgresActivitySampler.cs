using Npgsql;

namespace CaseGrains.Bench.Measurement;

/// <summary>
/// A sampling profile of PostgreSQL while a run lasts (the server has no pg_stat_statements loaded): every
/// <see cref="Interval"/> it reads <c>pg_stat_activity</c> for the run's database and counts, for each busy backend,
/// what it was doing (the start of its statement) and what it was waiting for (CPU when nothing). The counts divided by
/// the samples are the average number of backends in each state: where PostgreSQL's time went.
/// </summary>
public sealed class PostgresActivitySampler : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, int> counts = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private int samples;

    /// <param name="connectionString">Any database of the server but the run's, so that the sampler is not one of the backends it counts.</param>
    public PostgresActivitySampler(string connectionString, string database)
    {
        sampling = SampleAsync(connectionString, database);
    }

    /// <summary>The states seen most, with the average number of backends in each, busiest first.</summary>
    public async Task<IReadOnlyList<(string State, double Backends)>> StopAsync(int top)
    {
        await stop.CancelAsync();
        await sampling;
        return [.. counts.OrderByDescending(c => c.Value).Take(top).Select(c => (c.Key, c.Value / (double)Math.Max(1, samples)))];
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }

    private async Task SampleAsync(string connectionString, string database)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') || '  ' || regexp_replace(left(query, 70), '\s+', ' ', 'g')
              FROM pg_stat_activity
             WHERE datname = $1 AND state = 'active'
            """, connection);
        command.Parameters.Add(new() { Value = database });
        await command.PrepareAsync();
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                await using var reader = await command.ExecuteReaderAsync(stop.Token);
                while (await reader.ReadAsync(stop.Token))
                {
                    var state = reader.GetString(0);
                    counts[state] = counts.GetValueOrDefault(state) + 1;
                }

                samples++;
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the counts so far are the profile.
        }
    }
}
