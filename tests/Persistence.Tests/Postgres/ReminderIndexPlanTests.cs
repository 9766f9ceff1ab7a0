using CaseGrains.Persistence.Postgres;
using CaseGrains.TestSupport;
using Npgsql;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>
/// The scheduler's reads must be range reads of <c>reminder_schedule_partition_fire_at</c>, in index order and without a
/// sort, whatever the size of the index (checked with sequential scans priced out, since the test table is tiny).
/// </summary>
public sealed class ReminderIndexPlanTests : IAsyncLifetime
{
    private PostgresDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Due_entries_are_an_index_range_on_partition_and_fire_time_read_in_order()
    {
        await using var due = PostgresReminderIndex.CreateDueCommand(database.DataSource, 7, DateTimeOffset.UtcNow, 100);
        var plan = await ExplainAsync(due.CommandText, due.Parameters);

        Assert.Matches(@"Index (Only )?Scan using reminder_schedule_partition_fire_at on reminder_schedule[^\n]*\n\s+Index Cond: \(\(partition = [^\n]*fire_at <= ", plan);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_fire_time_is_read_from_the_same_index()
    {
        var parameters = new NpgsqlCommand().Parameters;
        parameters.Add(new NpgsqlParameter { Value = (short)7, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Smallint });
        var plan = await ExplainAsync("SELECT min(fire_at) FROM reminder_schedule WHERE partition = $1", parameters);

        Assert.Contains("reminder_schedule_partition_fire_at", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    private async Task<string> ExplainAsync(string sql, NpgsqlParameterCollection parameters)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var settings = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await settings.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection);
        foreach (NpgsqlParameter parameter in parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
