using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Migrations;
using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Tests.Support;
using CaseGrains.TestSupport;
using Npgsql;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>
/// The chain as PostgreSQL computes it: the same bytes and hashes as <see cref="HistoryChain"/>, and rows altered
/// behind the store's back (the append-only trigger switched off by the table owner) found at exactly that entry.
/// </summary>
public sealed class HistoryChainStorageTests : IAsyncLifetime
{
    private PostgresDatabase database = null!;
    private PostgresCaseStore store = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        store = new PostgresCaseStore(database.DataSource);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Sql_and_csharp_encode_and_hash_every_entry_alike()
    {
        var reasons = new[] { null, "", " ", "依法审查", "补正材料 😀👍🏽", "line\nbreak\t\"quoted\" \\ back", "é vs e\u0301", "-", "0:" };
        var payloads = new[]
        {
            """{"action": "x"}""",
            """{ "b" : 1,"a":2 ,  "aa": [ ] }""",
            """{"n": 1.0, "m": 1e3, "z": -0, "s": 0.1e-2, "big": 123456789012345678901234567890}""",
            """{"escaped": "\u00e9\u4e2d\ud83d\ude00\/\u0001", "dup": 1, "dup": 2}""",
            """["申请人", "张三", {"emoji": "👨‍👩‍👧"}, null, true]""",
            "\"a bare string\"",
            "42",
            """{"nested": {"deep": {"deeper": ["a", {"k": "v"}]}}, "": "empty key"}""",
        };
        var keys = new[] { null, "k-1", "键-二", "🔑", "0" };
        var instants = new[]
        {
            new DateTimeOffset(2025, 3, 3, 9, 30, 15, TimeSpan.FromHours(8)).AddTicks(1_234_567),
            new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_990),
            new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_990),
            new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.FromHours(-5)),
            new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero),
            new DateTimeOffset(2038, 1, 19, 3, 14, 8, TimeSpan.FromHours(14)),
        };
        var caseIds = new[] { "C-1", "案件-2", "C-😀" };
        var n = 0;
        foreach (var caseId in caseIds)
        {
            for (var version = 0L; version < 14; version++, n++)
            {
                var commit = Given.Commit(caseId, version, $"Step{version}");
                await store.AppendAsync(commit with
                {
                    Entry = commit.Entry with
                    {
                        At = instants[n % instants.Length],
                        ActorUserId = n % 2 == 0 ? "u-官员-1" : "u",
                        ActorOrganisationId = n % 3 == 0 ? "B-SY" : "机构",
                        Reason = reasons[n % reasons.Length],
                        PayloadJson = payloads[n % payloads.Length],
                        IdempotencyKey = keys[n % keys.Length] is { } key ? key + "-" + version : null,
                    },
                });
            }
        }

        var compared = 0;
        foreach (var caseId in caseIds)
        {
            var history = await store.ReadHistoryAsync(caseId);
            var fromSql = await CanonicalBytesAsync(caseId);
            Assert.Equal(14, history.Count);
            foreach (var entry in history)
            {
                var (bytes, hash) = fromSql[entry.Sequence];
                Assert.Equal(bytes, HistoryChain.Encode(caseId, entry, entry.PreviousHash!));
                Assert.Equal(hash, HistoryChain.ComputeHash(caseId, entry, entry.PreviousHash!));
                Assert.Equal(hash, entry.Hash);
                compared++;
            }

            Assert.Equal(new HistoryVerification(true, 14, null, null), HistoryChain.Verify(caseId, history));
            Assert.Equal(new HistoryVerification(true, 14, null, null), await store.VerifyHistoryAsync(caseId));
        }

        Assert.Equal(42, compared);
    }

    public static TheoryData<string, string> Alterations => new()
    {
        { "reason", "SET reason = '篡改的理由'" },
        { "reason removed", "SET reason = NULL" },
        { "payload", """SET payload = '{"action": "Forged", "sequence": 3}'""" },
        { "payload key order only", """SET payload = '{"sequence": 3, "action": "Step3"}'""" },
        { "actor user", "SET actor_user_id = 'u-intruder'" },
        { "actor organisation", "SET actor_organisation_id = 'B-DL'" },
        { "action", "SET action = 'Decided'" },
        { "at", "SET at = at + interval '1 microsecond'" },
        { "idempotency key", "SET idempotency_key = 'forged'" },
        { "hash", "SET hash = repeat('a', 64)" },
        { "previous hash", "SET previous_hash = repeat('0', 64)" },
    };

    [Theory]
    [MemberData(nameof(Alterations))]
    public async Task A_row_altered_in_the_database_breaks_the_chain_at_exactly_that_entry(string column, string set)
    {
        await AppendAsync("C-1", 5);
        await AppendAsync("C-2", 5);

        await TamperAsync($"UPDATE case_history {set} WHERE case_id = 'C-1' AND seq = 3");

        var verification = await store.VerifyHistoryAsync("C-1");
        var expectIntact = column == "payload key order only";
        Assert.Equal(expectIntact, verification.Intact);
        if (!expectIntact)
        {
            Assert.Equal((3L, 3), (verification.FirstBrokenSequence, verification.EntriesChecked));
            Assert.NotNull(verification.Problem);
        }

        Assert.True((await store.VerifyHistoryAsync("C-2")).Intact);
    }

    [Fact]
    public async Task A_row_altered_with_its_own_hash_recomputed_breaks_the_chain_at_the_next_entry()
    {
        await AppendAsync("C-1", 5);

        await TamperAsync("""
            UPDATE case_history
               SET action = 'Forged',
                   hash = case_history_hash(case_id, seq, at, actor_user_id, actor_organisation_id, 'Forged', reason, payload,
                                            idempotency_key, previous_hash)
             WHERE case_id = 'C-1' AND seq = 3
            """);

        var verification = await store.VerifyHistoryAsync("C-1");
        Assert.Equal((false, 4L), (verification.Intact, verification.FirstBrokenSequence));
        Assert.Equal("Entry 4's previous hash is not the hash of entry 3.", verification.Problem);
    }

    [Fact]
    public async Task A_deleted_middle_row_is_reported_at_the_gap()
    {
        await AppendAsync("C-1", 5);

        await TamperAsync("DELETE FROM case_history WHERE case_id = 'C-1' AND seq = 3");

        Assert.Equal(
            new HistoryVerification(false, 3, 3, "Entry 3 is missing: the next entry is 4."),
            await store.VerifyHistoryAsync("C-1"));
    }

    [Fact]
    public async Task A_deleted_last_row_is_found_against_the_case_version()
    {
        await AppendAsync("C-1", 5);

        await TamperAsync("DELETE FROM case_history WHERE case_id = 'C-1' AND seq = 5");

        Assert.True(HistoryChain.Verify("C-1", await store.ReadHistoryAsync("C-1")).Intact);
        var verification = await store.VerifyHistoryAsync("C-1");
        Assert.Equal((false, 5L, 4), (verification.Intact, verification.FirstBrokenSequence, verification.EntriesChecked));
    }

    [Fact]
    public async Task Swapping_two_rows_payloads_breaks_the_chain_at_the_first_of_them()
    {
        await AppendAsync("C-1", 5);

        await TamperAsync("""
            UPDATE case_history h
               SET payload = other.payload
              FROM case_history other
             WHERE h.case_id = 'C-1' AND other.case_id = 'C-1'
               AND ((h.seq = 2 AND other.seq = 4) OR (h.seq = 4 AND other.seq = 2))
            """);

        var history = await store.ReadHistoryAsync("C-1");
        Assert.Contains("\"sequence\": 4", history[1].PayloadJson, StringComparison.Ordinal);
        var verification = await store.VerifyHistoryAsync("C-1");
        Assert.Equal((false, 2L), (verification.Intact, verification.FirstBrokenSequence));
        Assert.Equal("Entry 2's content does not match its hash.", verification.Problem);
    }

    [Fact]
    public async Task An_append_whose_predecessor_is_gone_fails_and_writes_nothing()
    {
        await AppendAsync("C-1", 2);
        await TamperAsync("DELETE FROM case_history WHERE case_id = 'C-1' AND seq = 2");

        var failure = await Assert.ThrowsAsync<PostgresException>(() => store.AppendAsync(Given.Commit("C-1", 2, "Decided")));

        Assert.Equal(PostgresErrorCodes.NotNullViolation, failure.SqlState);
        Assert.Equal(2, (await store.LoadAsync("C-1"))!.Version);
        Assert.Single(await store.ReadHistoryAsync("C-1"));
    }

    [Fact]
    public async Task After_tampering_the_history_is_append_only_again()
    {
        await AppendAsync("C-1", 2);
        await TamperAsync("UPDATE case_history SET reason = 'x' WHERE case_id = 'C-1' AND seq = 2");

        await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync("UPDATE case_history SET reason = 'y'"));
    }

    [Fact]
    public async Task History_written_before_the_chain_existed_is_chained_by_the_migration()
    {
        await using var legacy = await PostgresDatabase.CreateAsync(migrate: false);
        await legacy.ExecuteAsync("CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
        foreach (var (name, sql) in SchemaMigrator.Scripts.Where(s => string.CompareOrdinal(s.Name, "0102") < 0))
        {
            await legacy.ExecuteAsync(sql);
            await legacy.ExecuteAsync($"INSERT INTO schema_migrations (name) VALUES ('{name}')");
        }

        await legacy.ExecuteAsync("""
            INSERT INTO cases (case_id, version, snapshot, status, receiving_body_id, competent_body_id, respondent_agency_id,
                               intake_point_id, region_path, channel, enterprise_related, applicant_name, agency_name,
                               received_on, nearest_due_on, updated_at)
            SELECT id, n, '{}', 'Received', 'B-SY', 'B-SY', 'A-1', 'IP-1', '/R210000/', 'Hall', false, '张三', '局', '2025-03-03', NULL, now()
              FROM (VALUES ('C-1', 3), ('C-2', 2)) AS c (id, n);
            INSERT INTO case_history (case_id, seq, at, actor_user_id, actor_organisation_id, action, reason, payload, idempotency_key)
            VALUES ('C-1', 1, '2025-03-03 09:30:15.123456+08', 'u-1', 'B-SY', 'Received', NULL, '{"b": 1, "a": "中文"}', NULL),
                   ('C-1', 2, '2025-03-04 09:30:15+08', 'u-1', 'B-SY', 'Accepted', '', '[]', 'k-1'),
                   ('C-1', 3, '2025-03-05 09:30:15+08', 'u-2', 'B-SY', 'Decided', '依法决定 😀', '{}', NULL),
                   ('C-2', 1, '2025-03-03 10:00:00+08', 'u-1', 'B-SY', 'Received', NULL, '{}', NULL),
                   ('C-2', 2, '2025-03-03 11:00:00+08', 'u-1', 'B-SY', 'Accepted', NULL, '{}', NULL);
            """);

        Assert.Contains("0102_history_chain", await SchemaMigrator.MigrateAsync(legacy.DataSource));

        var legacyStore = new PostgresCaseStore(legacy.DataSource);
        Assert.Equal(new HistoryVerification(true, 3, null, null), await legacyStore.VerifyHistoryAsync("C-1"));
        Assert.Equal(new HistoryVerification(true, 2, null, null), await legacyStore.VerifyHistoryAsync("C-2"));
        await legacyStore.AppendAsync(Given.Commit("C-1", 3, "Closed"));
        Assert.Equal(new HistoryVerification(true, 4, null, null), await legacyStore.VerifyHistoryAsync("C-1"));
        Assert.Equal(0L, await legacy.ScalarAsync<long>("SELECT count(*) FROM case_history WHERE hash IS NULL OR previous_hash IS NULL"));
        await Assert.ThrowsAsync<PostgresException>(() => legacy.ExecuteAsync("UPDATE case_history SET reason = 'y'"));
    }

    private async Task AppendAsync(string caseId, int entries)
    {
        for (var version = 0L; version < entries; version++)
        {
            await store.AppendAsync(Given.Commit(caseId, version, $"Step{version + 1}", idempotencyKey: version % 2 == 0 ? $"k-{version}" : null));
        }
    }

    /// <summary>What only the table owner can do: change history with the append-only trigger off, then on again.</summary>
    private async Task TamperAsync(string sql)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var statement in new[] { "ALTER TABLE case_history DISABLE TRIGGER USER", sql, "ALTER TABLE case_history ENABLE TRIGGER USER" })
        {
            await using var command = new NpgsqlCommand(statement, connection, transaction);
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private async Task<Dictionary<long, (byte[] Bytes, string Hash)>> CanonicalBytesAsync(string caseId)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT seq,
                   case_history_canonical(case_id, seq, at, actor_user_id, actor_organisation_id, action, reason, payload,
                                          idempotency_key, previous_hash),
                   hash
              FROM case_history WHERE case_id = $1
            """);
        command.Parameters.AddWithValue(caseId);
        var rows = new Dictionary<long, (byte[], string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetInt64(0), (reader.GetFieldValue<byte[]>(1), reader.GetString(2)));
        }

        return rows;
    }
}
