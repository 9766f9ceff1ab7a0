using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Statistics;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Outbox;
using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Reminders;
using CaseGrains.Persistence.Tests.Support;
using CaseGrains.TestSupport;
using Npgsql;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>
/// Updates of several cases in one batch written by one statement (<see cref="CaseUpdateCombiner"/>): the same rows as
/// each update's own statement writes, a faulty update failing alone, and two updates of one case in one batch both
/// written in order. Two databases: one where the updates go as a batch (held behind a row lock,
/// <see cref="HeldBatch"/>), one where each is committed alone.
/// </summary>
public sealed class CaseUpdateCombinerTests : IAsyncLifetime
{
    private const string Blocker = HeldBatch.Blocker;
    private static readonly string[] Cases = ["C-001", "C-002", "C-003", "C-004"];

    private PostgresDatabase batched = null!;
    private PostgresDatabase alone = null!;
    private PostgresCaseStore batchedStore = null!;
    private PostgresCaseStore aloneStore = null!;

    public async Task InitializeAsync()
    {
        batched = await PostgresDatabase.CreateAsync();
        alone = await PostgresDatabase.CreateAsync();
        batchedStore = new PostgresCaseStore(batched.DataSource, new SubjectCommitBatching(MaxConcurrentBatches: 1, MaxBatchSize: 64));
        aloneStore = new PostgresCaseStore(alone.DataSource, new SubjectCommitBatching(MaxConcurrentBatches: 1, MaxBatchSize: 64));
        foreach (var store in new[] { batchedStore, aloneStore })
        {
            await store.AppendAsync(Given.Commit(Blocker, 0));
            foreach (var id in Cases)
            {
                await store.AppendAsync(Given.Commit(id, 0));
                await store.AppendAsync(SecondVersion(id));
            }
        }
    }

    public async Task DisposeAsync()
    {
        await batched.DisposeAsync();
        await alone.DisposeAsync();
    }

    [Fact]
    public async Task Updates_in_one_batch_write_in_one_statement_what_each_writes_alone()
    {
        var updates = Cases.Select(ThirdVersion).ToList();

        var appends = await HeldBatch.WhileHeldAsync(batched, batchedStore, () => [.. updates.Select(u => batchedStore.AppendAsync(u))]);
        await Task.WhenAll(appends);
        foreach (var update in updates)
        {
            await aloneStore.AppendAsync(update);
        }

        foreach (var table in Tables)
        {
            Assert.Equal(await RowsAsync(alone, table), await RowsAsync(batched, table));
        }

        Assert.Equal(1L, await batched.ScalarAsync<long>(
            "SELECT count(DISTINCT (xmin::text, cmin::text)) FROM case_history WHERE seq = 3 AND case_id <> 'C-000-blocker'"));
        foreach (var id in Cases)
        {
            Assert.True((await batchedStore.VerifyHistoryAsync(id)).Intact);
        }
    }

    [Fact]
    public async Task A_failing_update_in_a_combined_batch_fails_alone_and_the_others_are_written()
    {
        await batched.ExecuteAsync("""
            CREATE FUNCTION refuse_case() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'refused for the test';
            END;
            $$;
            CREATE TRIGGER refuse_one_case BEFORE UPDATE ON cases FOR EACH ROW WHEN (NEW.case_id = 'C-002')
                EXECUTE FUNCTION refuse_case();
            """);

        var appends = await HeldBatch.WhileHeldAsync(batched, batchedStore, () => [.. Cases.Select(id => batchedStore.AppendAsync(ThirdVersion(id)))]);

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => appends[1]);
        Assert.Equal("refused for the test", refusal.MessageText);
        await Task.WhenAll(appends.Where((_, i) => i != 1));
        Assert.Equal(2L, (await batchedStore.LoadAsync("C-002"))!.Version);
        Assert.Equal(0L, await batched.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE case_id = 'C-002' AND title = '第三版'"));
        foreach (var id in Cases.Where(id => id != "C-002"))
        {
            Assert.Equal(3L, (await batchedStore.LoadAsync(id))!.Version);
        }
    }

    [Fact]
    public async Task Two_updates_of_one_case_in_a_batch_are_both_written_in_order()
    {
        var appends = await HeldBatch.WhileHeldAsync(batched, batchedStore, () =>
        [
            batchedStore.AppendAsync(ThirdVersion("C-001")),
            batchedStore.AppendAsync(Given.Commit("C-001", 3, "Decided")),
            batchedStore.AppendAsync(ThirdVersion("C-002")),
            batchedStore.AppendAsync(ThirdVersion("C-003")),
        ]);

        await Task.WhenAll(appends);
        Assert.Equal(4L, (await batchedStore.LoadAsync("C-001"))!.Version);
        Assert.True((await batchedStore.VerifyHistoryAsync("C-001")).Intact);
        Assert.Equal(3L, (await batchedStore.LoadAsync("C-003"))!.Version);
    }

    /// <summary>Each table a case update writes, its rows as JSON in a fixed order, without what differs by database
    /// alone (identities, transaction ids, the blocker's extra version).</summary>
    private static readonly string[] Tables =
    [
        $"SELECT to_jsonb(c)::text FROM cases c WHERE case_id <> '{Blocker}' ORDER BY case_id",
        $"SELECT to_jsonb(h)::text FROM case_history h WHERE case_id <> '{Blocker}' ORDER BY case_id, seq",
        "SELECT to_jsonb(r)::text FROM reminder_schedule r ORDER BY case_id, deadline_id, step",
        "SELECT (to_jsonb(n) - 'id' - 'xact_id')::text FROM notifications n ORDER BY case_id, id",
        "SELECT (to_jsonb(o) - 'id')::text FROM supervision_outbox o ORDER BY target_kind, target_id, message_key",
    ];

    private static async Task<List<string>> RowsAsync(PostgresDatabase database, string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static ScheduleEntry Step(string caseId, int deadline, string step, int day) =>
        new(caseId, deadline, "reply", step, new DateOnly(2025, 3, day), new DateTimeOffset(2025, 3, day, 0, 30, 0, TimeSpan.Zero));

    /// <summary>Version 2 of each case: a schedule of three steps, and a message in the outbox.</summary>
    private static CaseCommit SecondVersion(string caseId) => Given.Commit(caseId, 1, "Accepted") with
    {
        Reminders = [Step(caseId, 1, "advanceWarning", 10), Step(caseId, 1, "dueToday", 13), Step(caseId, 2, "advanceWarning", 20)],
        Outbox = [new OutboxMessage(OutboxTargets.Agency, "A-DD-PSB", $"finding:{caseId}:1", """{"version": 2}""")],
    };

    /// <summary>Version 3, different for each case, so that together they take every path of the statement.</summary>
    private static CaseCommit ThirdVersion(string caseId)
    {
        var commit = Given.Commit(caseId, 2, "Decided", idempotencyKey: $"decide-{caseId}");
        return caseId switch
        {
            // One step kept, one moved, one dropped and one added; two notifications, two messages (one already waiting,
            // which stays as it was); an outcome with every column set.
            "C-001" => commit with
            {
                Reminders = [Step(caseId, 1, "advanceWarning", 10), Step(caseId, 1, "dueToday", 14), Step(caseId, 3, "overdue", 21)],
                Notifications = [Given.ToUser("u-officer-1", "第三版"), Given.ToOrganisation("B-SY", "第三版", "bodyHead")],
                Outbox =
                [
                    new OutboxMessage(OutboxTargets.Agency, "A-DD-PSB", $"finding:{caseId}:1", """{"version": 3}"""),
                    new OutboxMessage(OutboxTargets.Agency, "A-DD-PSB", $"finding:{caseId}:2", """{"version": 3}"""),
                ],
                Outcome = new CaseOutcome
                {
                    AcceptedOn = new DateOnly(2025, 3, 4),
                    Ending = CaseEnding.Decided,
                    EndedOn = new DateOnly(2025, 4, 1),
                    DecisionType = DecisionType.Annul,
                    Findings = [FlawKind.Procedure, FlawKind.Facts],
                    DecisionOverdue = true,
                },
            },

            // The schedule cleared; an entry without reason or key, no nearest deadline.
            "C-002" => commit with
            {
                Reminders = [],
                Entry = commit.Entry with { Reason = null, IdempotencyKey = null },
                Index = commit.Index with { NearestDueOn = null },
                Notifications = [Given.ToUser("u-officer-2", "第三版")],
            },

            // The schedule left as it is; one finding.
            "C-003" => commit with
            {
                Notifications = [Given.ToOrganisation("B-SY", "第三版")],
                Outcome = new CaseOutcome { AcceptedOn = new DateOnly(2025, 3, 5), Findings = [FlawKind.Procedure] },
            },

            _ => commit,
        };
    }
}
