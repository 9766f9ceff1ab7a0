using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Tests.Support;
using CaseGrains.TestSupport;
using Npgsql;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>The database itself refuses to change or remove history, whoever connects.</summary>
public sealed class CaseHistoryAppendOnlyTests : IAsyncLifetime
{
    private PostgresDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        var store = new PostgresCaseStore(database.DataSource);
        await store.AppendAsync(Given.Commit("C-1", 0));
        await store.AppendAsync(Given.Commit("C-1", 1, "Accepted"));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData("UPDATE case_history SET action = 'Forged' WHERE case_id = 'C-1' AND seq = 2")]
    [InlineData("UPDATE case_history SET reason = NULL")]
    [InlineData("UPDATE case_history SET action = 'Forged' WHERE case_id = 'no such case'")]
    [InlineData("DELETE FROM case_history WHERE case_id = 'C-1' AND seq = 2")]
    [InlineData("DELETE FROM case_history")]
    [InlineData("TRUNCATE case_history")]
    [InlineData("TRUNCATE cases CASCADE")]
    [InlineData("DELETE FROM cases WHERE case_id = 'C-1'")]
    public async Task Changing_or_removing_history_is_refused(string sql)
    {
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync(sql));

        Assert.Contains(refusal.SqlState, new[] { "23000", PostgresErrorCodes.ForeignKeyViolation });
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM case_history WHERE case_id = 'C-1'"));
        Assert.Equal("Accepted", await database.ScalarAsync<string>("SELECT action FROM case_history WHERE case_id = 'C-1' AND seq = 2"));
    }

    [Fact]
    public async Task The_refusal_says_why()
    {
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync("DELETE FROM case_history"));

        Assert.Equal("23000", refusal.SqlState);
        Assert.Equal("case_history is append-only: DELETE refused", refusal.MessageText);
    }

    [Fact]
    public async Task Appending_is_still_allowed()
    {
        await new PostgresCaseStore(database.DataSource).AppendAsync(Given.Commit("C-1", 2, "Decided"));

        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM case_history WHERE case_id = 'C-1'"));
    }
}
