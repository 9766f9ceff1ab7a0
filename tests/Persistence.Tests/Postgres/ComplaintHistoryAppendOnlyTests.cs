using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Tests.Specifications;
using CaseGrains.TestSupport;
using Npgsql;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>A complaint's history is append-only in the database too, and chained by the same function as a case's.</summary>
public sealed class ComplaintHistoryAppendOnlyTests : IAsyncLifetime
{
    private PostgresDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        var store = new PostgresComplaintStore(database.DataSource);
        await store.AppendAsync(ComplaintStoreSpecification.Commit("CP-1", 0));
        await store.AppendAsync(ComplaintStoreSpecification.Commit("CP-1", 1, "verified"));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData("UPDATE complaint_history SET action = 'forged' WHERE complaint_id = 'CP-1' AND seq = 2")]
    [InlineData("DELETE FROM complaint_history")]
    [InlineData("TRUNCATE complaint_history")]
    [InlineData("DELETE FROM complaints WHERE complaint_id = 'CP-1'")]
    public async Task Changing_or_removing_history_is_refused(string sql)
    {
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync(sql));

        Assert.Contains(refusal.SqlState, new[] { "23000", PostgresErrorCodes.ForeignKeyViolation });
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM complaint_history WHERE complaint_id = 'CP-1'"));
    }

    [Fact]
    public async Task Each_hash_is_what_case_history_hash_computes_over_the_row()
    {
        Assert.Equal(0L, await database.ScalarAsync<long>("""
            SELECT count(*) FROM complaint_history
             WHERE hash <> case_history_hash(complaint_id, seq, at, actor_user_id, actor_organisation_id, action, reason, payload,
                                             idempotency_key, previous_hash)
            """));
    }
}
