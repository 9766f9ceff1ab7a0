using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Tests.Support;
using CaseGrains.TestSupport;
using Npgsql;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>
/// Commits of different cases sharing transactions (<see cref="SubjectCommitBatcher"/>): each answered only after its
/// transaction committed, and a faulty one failing alone. One transaction at a time (<c>MaxConcurrentBatches</c> 1), so
/// that what arrives while it runs waits for the next. To fix a batch's members, the first commit is held on a row lock
/// another connection takes: the commits started meanwhile all wait, and go together once it is released.
/// </summary>
public sealed class SubjectCommitBatcherTests : IAsyncLifetime
{
    private const string Blocker = HeldBatch.Blocker;

    private PostgresDatabase database = null!;
    private PostgresCaseStore store = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        store = new PostgresCaseStore(database.DataSource, new SubjectCommitBatching(MaxConcurrentBatches: 1, MaxBatchSize: 64));
        await store.AppendAsync(Given.Commit(Blocker, 0));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Many_concurrent_commits_are_all_durable_and_each_answered_in_fewer_transactions()
    {
        var cases = Enumerable.Range(1, 200).Select(i => $"C-{i:D3}").ToList();

        await Task.WhenAll(cases.Select(id => store.AppendAsync(Given.Commit(id, 0))));
        await Task.WhenAll(cases.Select(id => store.AppendAsync(Given.Commit(id, 1, "Accepted"))));

        foreach (var id in cases)
        {
            Assert.Equal(2L, (await store.LoadAsync(id))!.Version);
            Assert.True((await store.VerifyHistoryAsync(id)).Intact);
        }

        Assert.True(await TransactionsOfAsync(cases) < cases.Count * 2, "concurrent commits should share transactions");
    }

    [Fact]
    public async Task A_version_conflict_in_a_batch_fails_alone_and_the_others_commit_in_the_same_transaction()
    {
        var others = new[] { "C-001", "C-002", "C-004", "C-005" };
        foreach (var id in others.Append("C-003"))
        {
            await store.AppendAsync(Given.Commit(id, 0));
        }

        await store.AppendAsync(Given.Commit("C-003", 1, "Accepted"));

        var appends = await HeldBatch.WhileHeldAsync(database, store, () =>
            [store.AppendAsync(Given.Commit("C-003", 1, "Withdrawn")), .. others.Select(id => store.AppendAsync(Given.Commit(id, 1, "Accepted")))]);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => appends[0]);
        Assert.Equal(("C-003", 1L), (conflict.CaseId, conflict.ExpectedVersion));
        await Task.WhenAll(appends.Skip(1));
        Assert.Equal(2L, (await store.LoadAsync("C-003"))!.Version);
        await AssertVersionsAsync(others, 2);
        Assert.Equal(1L, await TransactionsOfAsync(others, seq: 2));
    }

    [Fact]
    public async Task A_reused_idempotency_key_in_a_batch_fails_alone_with_its_own_exception()
    {
        var others = new[] { "C-001", "C-002", "C-004" };
        foreach (var id in others)
        {
            await store.AppendAsync(Given.Commit(id, 0));
        }

        await store.AppendAsync(Given.Commit("C-003", 0, idempotencyKey: "key-1"));

        var appends = await HeldBatch.WhileHeldAsync(database, store, () =>
            [store.AppendAsync(Given.Commit("C-003", 1, "Accepted", idempotencyKey: "key-1")), .. others.Select(id => store.AppendAsync(Given.Commit(id, 1, "Accepted")))]);

        var duplicate = await Assert.ThrowsAsync<DuplicateIdempotencyKeyException>(() => appends[0]);
        Assert.Equal(("C-003", "key-1"), (duplicate.CaseId, duplicate.IdempotencyKey));
        await Task.WhenAll(appends.Skip(1));
        Assert.Equal(1L, (await store.LoadAsync("C-003"))!.Version);
        await AssertVersionsAsync(others, 2);
    }

    [Fact]
    public async Task Nothing_is_acknowledged_when_the_transaction_fails()
    {
        var cases = new[] { "C-001", "C-002", "C-003" };
        await database.ExecuteAsync("""
            CREATE FUNCTION refuse_case() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'refused for the test';
            END;
            $$;
            CREATE TRIGGER refuse_new_cases BEFORE INSERT ON cases FOR EACH ROW WHEN (NEW.case_id <> 'C-000-blocker')
                EXECUTE FUNCTION refuse_case();
            """);

        var appends = await HeldBatch.WhileHeldAsync(database, store, () => [.. cases.Select(id => store.AppendAsync(Given.Commit(id, 0)))]);

        foreach (var append in appends)
        {
            var refusal = await Assert.ThrowsAsync<PostgresException>(() => append);
            Assert.Equal("refused for the test", refusal.MessageText);
        }

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM case_history WHERE case_id <> 'C-000-blocker'"));
    }

    [Fact]
    public async Task A_failing_commit_in_a_batch_fails_alone_and_the_others_are_written()
    {
        var cases = new[] { "C-001", "C-002", "C-003", "C-004" };
        await database.ExecuteAsync("""
            CREATE FUNCTION refuse_case() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'refused for the test';
            END;
            $$;
            CREATE TRIGGER refuse_one_case BEFORE INSERT ON cases FOR EACH ROW WHEN (NEW.case_id = 'C-002')
                EXECUTE FUNCTION refuse_case();
            """);

        var appends = await HeldBatch.WhileHeldAsync(database, store, () => [.. cases.Select(id => store.AppendAsync(Given.Commit(id, 0)))]);

        await Assert.ThrowsAsync<PostgresException>(() => appends[1]);
        await Task.WhenAll(appends.Where((_, i) => i != 1));
        Assert.Null(await store.LoadAsync("C-002"));
        await AssertVersionsAsync(cases.Where(id => id != "C-002"), 1);
    }

    private async Task AssertVersionsAsync(IEnumerable<string> cases, long version)
    {
        foreach (var id in cases)
        {
            Assert.Equal(version, (await store.LoadAsync(id))!.Version);
        }
    }

    /// <summary>How many transactions wrote the cases' history entries (of sequence <paramref name="seq"/>, or all).</summary>
    private async Task<long> TransactionsOfAsync(IEnumerable<string> cases, int? seq = null)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT count(DISTINCT xmin::text) FROM case_history WHERE case_id = ANY($1) AND ($2::bigint IS NULL OR seq = $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = cases.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)seq ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
