using CaseGrains.Persistence.Postgres;
using CaseGrains.TestSupport;
using Npgsql;
using NpgsqlTypes;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>
/// A dispatcher's claim reads the due deliveries from <c>webhook_deliveries_due</c> in index order and stops after one
/// batch, however many deliveries have been delivered or failed (checked with sequential scans priced out, since the
/// test table is tiny).
/// </summary>
public sealed class WebhookClaimPlanTests : IAsyncLifetime
{
    private PostgresDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Due_deliveries_are_read_in_order_from_the_partial_index_without_a_sort()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var settings = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await settings.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + PostgresWebhookStore.ClaimSql, connection);
        explain.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid(), NpgsqlDbType = NpgsqlDbType.Uuid });
        explain.Parameters.Add(new NpgsqlParameter { Value = DateTimeOffset.UtcNow, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        explain.Parameters.Add(new NpgsqlParameter { Value = DateTimeOffset.UtcNow.AddMinutes(1), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        explain.Parameters.Add(new NpgsqlParameter { Value = 8L, NpgsqlDbType = NpgsqlDbType.Bigint });
        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        var plan = string.Join('\n', lines);
        Assert.Matches(@"Index Scan using webhook_deliveries_due on webhook_deliveries d[^\n]*\n\s+Index Cond: \(next_attempt_at <= ", plan);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }
}
