using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Tests.Support;

namespace CaseGrains.Persistence.Tests.Specifications;

/// <summary>How every <see cref="ICaseStore"/> behaves: run against PostgreSQL and in memory.</summary>
public abstract class CaseStoreSpecification : BackendSpecification
{
    private ICaseStore Store => Backend.Store;

    [Fact]
    public async Task A_new_case_loads_back_with_its_snapshot_version_and_first_history_entry()
    {
        var commit = Given.Commit("C-1", expectedVersion: 0);

        await Store.AppendAsync(commit);

        var stored = await Store.LoadAsync("C-1");
        Assert.NotNull(stored);
        Assert.Equal(("C-1", 1L), (stored.CaseId, stored.Version));
        Assert.True(Given.SameJson(commit.SnapshotJson, stored.SnapshotJson), stored.SnapshotJson);
        var entry = Assert.Single(await Store.ReadHistoryAsync("C-1"));
        AssertSameEntry(commit.Entry, entry);
    }

    [Fact]
    public async Task Each_commit_appends_one_entry_and_the_snapshot_and_version_follow_the_last()
    {
        await Store.AppendAsync(Given.Commit("C-1", 0, "Received"));
        await Store.AppendAsync(Given.Commit("C-1", 1, "Accepted", idempotencyKey: "accept-1"));
        var last = Given.Commit("C-1", 2, "Decided");
        await Store.AppendAsync(last);

        var stored = await Store.LoadAsync("C-1");
        Assert.Equal(3, stored!.Version);
        Assert.True(Given.SameJson(last.SnapshotJson, stored.SnapshotJson));
        var history = await Store.ReadHistoryAsync("C-1");
        Assert.Equal([1L, 2L, 3L], history.Select(e => e.Sequence));
        Assert.Equal(["Received", "Accepted", "Decided"], history.Select(e => e.Action));
        Assert.Equal([null, "accept-1", null], history.Select(e => e.IdempotencyKey));
    }

    [Fact]
    public async Task An_unknown_case_loads_as_nothing_with_an_empty_history()
    {
        Assert.Null(await Store.LoadAsync("C-404"));
        Assert.Empty(await Store.ReadHistoryAsync("C-404"));
        Assert.Null(await Store.FindByIdempotencyKeyAsync("C-404", "k"));
    }

    [Fact]
    public async Task Histories_of_different_cases_are_kept_apart()
    {
        await Store.AppendAsync(Given.Commit("C-1", 0));
        await Store.AppendAsync(Given.Commit("C-2", 0));
        await Store.AppendAsync(Given.Commit("C-2", 1, "Accepted"));

        Assert.Single(await Store.ReadHistoryAsync("C-1"));
        Assert.Equal(2, (await Store.ReadHistoryAsync("C-2")).Count);
        Assert.Equal(1, (await Store.LoadAsync("C-1"))!.Version);
    }

    [Fact]
    public async Task An_instant_reads_back_as_the_same_moment_in_utc_to_the_microsecond()
    {
        var at = new DateTimeOffset(2025, 3, 3, 9, 30, 15, TimeSpan.FromHours(8)).AddTicks(1_234_567);
        var commit = Given.Commit("C-1", 0);
        await Store.AppendAsync(commit with { Entry = commit.Entry with { At = at } });

        var entry = Assert.Single(await Store.ReadHistoryAsync("C-1"));
        Assert.Equal(TimeSpan.Zero, entry.At.Offset);
        Assert.Equal(at.AddTicks(-7), entry.At);
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_and_writes_nothing()
    {
        await Store.AppendAsync(Given.Commit("C-1", 0, "Received"));
        var current = Given.Commit("C-1", 1, "Accepted");
        await Store.AppendAsync(current);

        var stale = Given.Commit("C-1", 1, "NotAccepted");
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AppendAsync(stale));

        Assert.Equal(("C-1", 1L), (conflict.CaseId, conflict.ExpectedVersion));
        await AssertUnchangedAsync("C-1", version: 2, current.SnapshotJson);
        Assert.Equal("Accepted", (await Store.ReadHistoryAsync("C-1"))[^1].Action);
    }

    [Fact]
    public async Task An_expected_version_ahead_of_the_case_is_a_conflict_and_writes_nothing()
    {
        var first = Given.Commit("C-1", 0);
        await Store.AppendAsync(first);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AppendAsync(Given.Commit("C-1", 4, "Accepted")));

        await AssertUnchangedAsync("C-1", version: 1, first.SnapshotJson);
    }

    [Fact]
    public async Task Creating_a_case_that_already_exists_is_a_conflict_and_writes_nothing()
    {
        var first = Given.Commit("C-1", 0, "Received");
        await Store.AppendAsync(first);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AppendAsync(Given.Commit("C-1", 0, "Duplicate")));

        await AssertUnchangedAsync("C-1", version: 1, first.SnapshotJson);
    }

    [Fact]
    public async Task Changing_a_case_that_does_not_exist_is_a_conflict_and_creates_nothing()
    {
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AppendAsync(Given.Commit("C-1", 1, "Accepted")));

        Assert.Null(await Store.LoadAsync("C-1"));
        Assert.Empty(await Store.ReadHistoryAsync("C-1"));
    }

    [Fact]
    public async Task Of_concurrent_appends_at_the_same_version_exactly_one_wins_each_time()
    {
        const int contenders = 8;
        const int rounds = 10;
        var stores = Enumerable.Range(0, contenders)
            .Select(i => i % 2 == 0 ? Store : Backend.ConnectAnotherProcess().Store)
            .ToList();
        await Store.AppendAsync(Given.Commit("C-1", 0));

        for (var version = 1L; version <= rounds; version++)
        {
            var expected = version;
            var outcomes = await Task.WhenAll(stores.Select((store, i) => Task.Run(async () =>
            {
                try
                {
                    await store.AppendAsync(Given.Commit("C-1", expected, $"Contender{i}"));
                    return $"Contender{i}";
                }
                catch (ConcurrencyConflictException)
                {
                    return null;
                }
            })));

            var winner = Assert.Single(outcomes, o => o is not null);
            Assert.True((await Store.VerifyHistoryAsync("C-1")).Intact);
            var history = await Store.ReadHistoryAsync("C-1");
            Assert.Equal(expected + 1, history.Count);
            Assert.Equal(winner, history[^1].Action);
            var stored = await Store.LoadAsync("C-1");
            Assert.Equal(expected + 1, stored!.Version);
            Assert.True(Given.SameJson(Given.Snapshot("C-1", expected + 1, winner!), stored.SnapshotJson));
        }
    }

    /// <summary>Entries this long take milliseconds to hash, so the contenders are between reading the case's last entry
    /// and writing theirs at the same time: a store that checked the version only before hashing lets more than one win.</summary>
    [Fact]
    public async Task Of_concurrent_appends_of_long_entries_at_the_same_version_exactly_one_wins()
    {
        await Store.AppendAsync(Given.Commit("C-1", 0));
        var payload = $$"""{"text": "{{new string('议', 1_000_000)}}"}""";
        const int contenders = 8;

        // A thread each, released together: on the thread pool the in-memory store's synchronous appends ran one by one.
        using var start = new Barrier(contenders);
        var outcomes = Enumerable.Range(0, contenders).Select(i => Task.Factory.StartNew(
            async () =>
            {
                var commit = Given.Commit("C-1", 1, $"Contender{i}");
                start.SignalAndWait();
                try
                {
                    await Store.AppendAsync(commit with { Entry = commit.Entry with { PayloadJson = payload } });
                    return true;
                }
                catch (ConcurrencyConflictException)
                {
                    return false;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()).ToList();

        Assert.Single(await Task.WhenAll(outcomes), won => won);
        Assert.Equal(2, (await Store.ReadHistoryAsync("C-1")).Count);
        Assert.True((await Store.VerifyHistoryAsync("C-1")).Intact);
    }

    [Fact]
    public async Task Of_concurrent_creations_of_one_case_exactly_one_wins()
    {
        var stores = Enumerable.Range(0, 8)
            .Select(i => i % 2 == 0 ? Store : Backend.ConnectAnotherProcess().Store)
            .ToList();

        var outcomes = await Task.WhenAll(stores.Select((store, i) => Task.Run(async () =>
        {
            try
            {
                await store.AppendAsync(Given.Commit("C-1", 0, $"Creator{i}"));
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        })));

        Assert.Single(outcomes, won => won);
        Assert.Single(await Store.ReadHistoryAsync("C-1"));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(1, 3)]
    public async Task A_history_entry_whose_sequence_is_not_the_next_version_is_refused(long expectedVersion, long sequence)
    {
        if (expectedVersion > 0)
        {
            await Store.AppendAsync(Given.Commit("C-1", 0));
        }

        var commit = Given.Commit("C-1", expectedVersion);
        var wrong = commit with { Entry = commit.Entry with { Sequence = sequence } };

        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(wrong));

        Assert.Equal(expectedVersion, (await Store.ReadHistoryAsync("C-1")).Count);
    }

    public static TheoryData<string> MalformedCommits => ["index of another case", "index at another version", "snapshot not JSON", "payload not JSON", "negative version", "empty key"];

    [Theory]
    [MemberData(nameof(MalformedCommits))]
    public async Task A_malformed_commit_is_refused_and_writes_nothing(string malformation)
    {
        var commit = Given.Commit("C-1", 0);
        var malformed = malformation switch
        {
            "index of another case" => commit with { Index = commit.Index with { CaseId = "C-2" } },
            "index at another version" => commit with { Index = commit.Index with { Version = 0 } },
            "snapshot not JSON" => commit with { SnapshotJson = "{not json" },
            "payload not JSON" => commit with { Entry = commit.Entry with { PayloadJson = "" } },
            "negative version" => commit with { ExpectedVersion = -1, Entry = commit.Entry with { Sequence = 0 } },
            "empty key" => commit with { Entry = commit.Entry with { IdempotencyKey = "" } },
            _ => throw new ArgumentOutOfRangeException(nameof(malformation)),
        };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.AppendAsync(malformed));

        Assert.Null(await Store.LoadAsync("C-1"));
        Assert.Empty(await Store.ReadHistoryAsync("C-2"));
    }

    [Fact]
    public async Task An_idempotency_key_is_used_at_most_once_per_case_and_a_reuse_writes_nothing()
    {
        await Store.AppendAsync(Given.Commit("C-1", 0, idempotencyKey: "receive-1"));
        var accepted = Given.Commit("C-1", 1, "Accepted", idempotencyKey: "accept-1");
        await Store.AppendAsync(accepted);

        var reuse = await Assert.ThrowsAsync<DuplicateIdempotencyKeyException>(
            () => Store.AppendAsync(Given.Commit("C-1", 2, "AcceptedAgain", idempotencyKey: "accept-1")));

        Assert.Equal(("C-1", "accept-1"), (reuse.CaseId, reuse.IdempotencyKey));
        await AssertUnchangedAsync("C-1", version: 2, accepted.SnapshotJson);
    }

    [Fact]
    public async Task The_same_idempotency_key_may_be_used_in_different_cases_and_entries_without_a_key_never_clash()
    {
        await Store.AppendAsync(Given.Commit("C-1", 0, idempotencyKey: "receive"));
        await Store.AppendAsync(Given.Commit("C-2", 0, idempotencyKey: "receive"));
        await Store.AppendAsync(Given.Commit("C-2", 1, "Noted"));
        await Store.AppendAsync(Given.Commit("C-2", 2, "Noted"));

        Assert.Equal(3, (await Store.LoadAsync("C-2"))!.Version);
    }

    [Fact]
    public async Task The_entry_recorded_with_an_idempotency_key_can_be_found_by_it()
    {
        await Store.AppendAsync(Given.Commit("C-1", 0, idempotencyKey: "receive-1"));
        var accepted = Given.Commit("C-1", 1, "Accepted", idempotencyKey: "accept-1");
        await Store.AppendAsync(accepted);

        var found = await Store.FindByIdempotencyKeyAsync("C-1", "accept-1");

        Assert.NotNull(found);
        AssertSameEntry(accepted.Entry, found);
        Assert.Null(await Store.FindByIdempotencyKeyAsync("C-1", "decide-1"));
        Assert.Null(await Store.FindByIdempotencyKeyAsync("C-2", "accept-1"));
    }

    [Fact]
    public async Task The_list_index_follows_the_last_commit()
    {
        await Store.AppendAsync(Given.Commit("C-1", 0, "Received"));
        var accepted = Given.Commit("C-1", 1, "Accepted", index: i => i with { NearestDueOn = null, ApplicantName = "李四" });
        await Store.AppendAsync(accepted);

        var page = await Backend.Queries.ListAsync(new CaseListQuery { Today = new DateOnly(2025, 3, 3) });

        var row = Assert.Single(page.Items);
        Assert.Equal(accepted.Index, row);
    }

    [Fact]
    public async Task Each_entry_is_chained_to_the_one_before_and_the_first_to_the_genesis_hash()
    {
        await Store.AppendAsync(Given.Commit("C-1", 0));
        await Store.AppendAsync(Given.Commit("C-1", 1, "Accepted"));
        await Store.AppendAsync(Given.Commit("C-1", 2, "Decided"));

        var history = await Store.ReadHistoryAsync("C-1");

        Assert.Equal(HistoryChain.GenesisHash, history[0].PreviousHash);
        Assert.Equal(history.Take(2).Select(e => e.Hash), history.Skip(1).Select(e => e.PreviousHash));
        Assert.All(history, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
        Assert.Equal(3, history.Select(e => e.Hash).Distinct().Count());
    }

    [Fact]
    public async Task An_entry_found_by_its_idempotency_key_carries_its_place_in_the_chain()
    {
        await Store.AppendAsync(Given.Commit("C-1", 0));
        await Store.AppendAsync(Given.Commit("C-1", 1, "Accepted", idempotencyKey: "accept-1"));

        var found = await Store.FindByIdempotencyKeyAsync("C-1", "accept-1");

        Assert.Equal((await Store.ReadHistoryAsync("C-1"))[1], found);
    }

    [Fact]
    public async Task An_intact_history_verifies_whatever_text_its_entries_hold()
    {
        var texts = new (string? Reason, string Payload, string? Key)[]
        {
            (null, """{"申请人": "张三", "事项": "不服行政处罚决定"}""", null),
            ("", """{"emoji": "😀👨‍👩‍👧", "n": 1.50, "big": 12345678901234567890}""", "k-1"),
            ("依法审查 😀", """[1, "two", {"three": null, "four": [true, false]}]""", null),
            ("line\nbreak \"quoted\" \\ tab\t", """{"z": 1, "a": {"y": "\u00e9\n", "b": []}, "m": "é"}""", "键-2"),
            (" ", "\"just a string\"", "k-3"),
        };
        for (var i = 0; i < texts.Length; i++)
        {
            var commit = Given.Commit("C-1", i, $"Step{i}");
            await Store.AppendAsync(commit with
            {
                Entry = commit.Entry with { Reason = texts[i].Reason, PayloadJson = texts[i].Payload, IdempotencyKey = texts[i].Key },
            });
        }

        Assert.Equal(new HistoryVerification(true, texts.Length, null, null), await Store.VerifyHistoryAsync("C-1"));
        Assert.Equal(new HistoryVerification(true, texts.Length, null, null), HistoryChain.Verify("C-1", await Store.ReadHistoryAsync("C-1")));
    }

    [Fact]
    public async Task An_unknown_case_has_an_empty_intact_history()
    {
        Assert.Equal(new HistoryVerification(true, 0, null, null), await Store.VerifyHistoryAsync("C-404"));
    }

    [Fact]
    public async Task Chains_are_per_case_and_the_same_entry_in_another_case_hashes_differently()
    {
        await Store.AppendAsync(Given.Commit("C-1", 0));
        await Store.AppendAsync(Given.Commit("C-2", 0));
        await Store.AppendAsync(Given.Commit("C-2", 1, "Accepted"));
        await Store.AppendAsync(Given.Commit("C-1", 1, "Accepted"));

        var one = await Store.ReadHistoryAsync("C-1");
        var two = await Store.ReadHistoryAsync("C-2");

        Assert.Equal(HistoryChain.GenesisHash, two[0].PreviousHash);
        Assert.NotEqual(one[0].Hash, two[0].Hash);
        Assert.True((await Store.VerifyHistoryAsync("C-1")).Intact);
        Assert.True((await Store.VerifyHistoryAsync("C-2")).Intact);
    }

    [Fact]
    public async Task Refused_appends_leave_the_chain_intact()
    {
        await Store.AppendAsync(Given.Commit("C-1", 0, idempotencyKey: "receive-1"));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AppendAsync(Given.Commit("C-1", 0)));
        await Assert.ThrowsAsync<DuplicateIdempotencyKeyException>(() => Store.AppendAsync(Given.Commit("C-1", 1, idempotencyKey: "receive-1")));
        await Store.AppendAsync(Given.Commit("C-1", 1, "Accepted"));

        Assert.Equal(new HistoryVerification(true, 2, null, null), await Store.VerifyHistoryAsync("C-1"));
    }

    [Fact]
    public async Task Text_that_is_not_valid_unicode_is_refused_and_writes_nothing()
    {
        await Store.AppendAsync(Given.Commit("C-1", 0));
        var commit = Given.Commit("C-1", 1, "Accepted");

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.AppendAsync(commit with { Entry = commit.Entry with { Reason = "lone \ud800 surrogate" } }));

        await AssertUnchangedAsync("C-1", version: 1, Given.Snapshot("C-1", 1));
        Assert.True((await Store.VerifyHistoryAsync("C-1")).Intact);
    }

    private static void AssertSameEntry(CaseHistoryEntry expected, CaseHistoryEntry actual)
    {
        Assert.NotNull(actual.Hash);
        Assert.NotNull(actual.PreviousHash);
        Assert.Equal(expected with { PayloadJson = actual.PayloadJson, PreviousHash = actual.PreviousHash, Hash = actual.Hash }, actual);

        Assert.True(Given.SameJson(expected.PayloadJson, actual.PayloadJson), actual.PayloadJson);
    }

    private async Task AssertUnchangedAsync(string caseId, long version, string snapshotJson)
    {
        var stored = await Store.LoadAsync(caseId);
        Assert.NotNull(stored);
        Assert.Equal(version, stored.Version);
        Assert.True(Given.SameJson(snapshotJson, stored.SnapshotJson), stored.SnapshotJson);
        var history = await Store.ReadHistoryAsync(caseId);
        Assert.Equal(version, history.Count);
        Assert.Equal(Enumerable.Range(1, (int)version).Select(i => (long)i), history.Select(e => e.Sequence));
    }
}
