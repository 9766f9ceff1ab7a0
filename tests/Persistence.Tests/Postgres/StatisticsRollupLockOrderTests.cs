using CaseGrains.TestSupport;
using Npgsql;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>
/// The rollup is written at commit, sorted by its key (<c>0290_case_statistics_rollup_at_commit.sql</c>): two transactions
/// that add cases of two agencies in opposite orders both commit, where row-by-row upserts locked the rollup's rows in
/// opposite orders and deadlocked; what a rolled-back savepoint added is not counted; no contribution outlives its
/// transaction.
/// </summary>
public sealed class StatisticsRollupLockOrderTests : IAsyncLifetime
{
    private PostgresDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Two_transactions_adding_cases_of_two_agencies_in_opposite_orders_both_commit()
    {
        await using var first = await database.DataSource.OpenConnectionAsync();
        await using var second = await database.DataSource.OpenConnectionAsync();
        await using var one = await first.BeginTransactionAsync();
        await using var other = await second.BeginTransactionAsync();
        await InsertAsync(one, "C-1", "A1");
        await InsertAsync(other, "C-2", "A2");

        var oneAgain = InsertAsync(one, "C-3", "A2");
        var otherAgain = InsertAsync(other, "C-4", "A1");
        await Task.WhenAll(oneAgain, otherAgain).WaitAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(one.CommitAsync(), other.CommitAsync()).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("A1:2/2,A2:2/2", await ReceivedAsync());
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM case_statistics_rollup_pending"));
    }

    [Fact]
    public async Task A_rolled_back_savepoint_and_a_rolled_back_transaction_add_nothing()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var kept = await connection.BeginTransactionAsync())
        {
            await kept.SaveAsync("before");
            await InsertAsync(kept, "C-1", "A1");
            await kept.RollbackAsync("before");
            await InsertAsync(kept, "C-2", "A2");
            await kept.CommitAsync();
        }

        await using (var dropped = await connection.BeginTransactionAsync())
        {
            await InsertAsync(dropped, "C-3", "A1");
            await dropped.RollbackAsync();
        }

        Assert.Equal("A2:1/1", await ReceivedAsync());
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM case_statistics_rollup_pending"));
    }

    /// <summary>Each agency's received count in its day row and its month row.</summary>
    private Task<string?> ReceivedAsync() => database.ScalarAsync<string>("""
        SELECT string_agg(respondent_agency_id || ':' || day_received || '/' || month_received, ',' ORDER BY respondent_agency_id)
          FROM (SELECT respondent_agency_id,
                       sum(received) FILTER (WHERE NOT whole_month) AS day_received,
                       sum(received) FILTER (WHERE whole_month) AS month_received
                  FROM case_statistics_rollup
                 GROUP BY respondent_agency_id) r
        """);

    private static async Task InsertAsync(NpgsqlTransaction transaction, string caseId, string agencyId)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO cases (case_id, version, snapshot, status, receiving_body_id, competent_body_id, respondent_agency_id,
                               intake_point_id, region_path, channel, enterprise_related, applicant_name, agency_name,
                               received_on, updated_at)
            VALUES ($1, 1, '{}', 'received', 'B1', 'B1', $2, 'I1', '/R1/', 'online', false, 'x', 'y', '2025-03-03', now())
            """, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = caseId });
        command.Parameters.Add(new NpgsqlParameter { Value = agencyId });
        await command.ExecuteNonQueryAsync();
    }
}
