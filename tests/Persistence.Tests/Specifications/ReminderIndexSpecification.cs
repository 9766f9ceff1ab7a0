using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Reminders;
using CaseGrains.Persistence.Tests.Support;

namespace CaseGrains.Persistence.Tests.Specifications;

/// <summary>How the deadline index behaves, written through case commits and read per partition: run against
/// PostgreSQL and in memory.</summary>
public abstract class ReminderIndexSpecification : BackendSpecification
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 10, 1, 0, 0, TimeSpan.Zero);

    private ICaseStore Store => Backend.Store;

    private IReminderIndex Index => Backend.Reminders;

    private static ScheduleEntry R(string caseId, int deadlineId, string step, int hours, int dueDay = 20, string kind = "Review") =>
        new(caseId, deadlineId, kind, step, new DateOnly(2025, 3, dueDay), T0.AddHours(hours));

    private static CaseCommit Commit(string caseId, long expectedVersion, IReadOnlyList<ScheduleEntry>? reminders) =>
        Given.Commit(caseId, expectedVersion) with { Reminders = reminders };

    /// <summary>Case ids in the same partition, and one in another, found by searching (the hash is fixed).</summary>
    private static (string[] Same, string Other) CasesSharingAPartition(int count)
    {
        var ids = Enumerable.Range(0, 10_000).Select(i => $"C-{i:D5}").ToList();
        var same = ids.GroupBy(ReminderPartitions.Of).First(g => g.Count() >= count);
        var other = ids.First(id => ReminderPartitions.Of(id) != same.Key);
        return ([.. same.Take(count)], other);
    }

    private async Task<IReadOnlyList<ScheduleEntry>> AllOfAsync(string caseId) =>
        [.. (await Index.DueAsync(ReminderPartitions.Of(caseId), DateTimeOffset.MaxValue, 1000)).Where(r => r.CaseId == caseId)];

    [Fact]
    public async Task A_commit_with_a_schedule_writes_it_and_a_later_one_replaces_it_whole()
    {
        await Store.AppendAsync(Commit("C-1", 0, [R("C-1", 0, "AdvanceWarning", 1), R("C-1", 0, "DueToday", 2), R("C-1", 0, "Overdue", 3)]));
        Assert.Equal(3, (await AllOfAsync("C-1")).Count);

        // Deadline 0 extended (new due date, DueToday and Overdue moved, AdvanceWarning gone), deadline 1 added.
        IReadOnlyList<ScheduleEntry> replacement = [R("C-1", 0, "DueToday", 50, dueDay: 25), R("C-1", 0, "Overdue", 51, dueDay: 25), R("C-1", 1, "Overdue", 4, kind: "Reply")];
        await Store.AppendAsync(Commit("C-1", 1, replacement));

        Assert.Equal(replacement.OrderBy(r => r.FireAt), await AllOfAsync("C-1"));
        Assert.Equal(3L, await Index.CountAsync());
    }

    [Fact]
    public async Task A_commit_without_a_schedule_leaves_it_alone_and_an_empty_one_clears_it()
    {
        IReadOnlyList<ScheduleEntry> schedule = [R("C-1", 0, "DueToday", 2), R("C-1", 0, "Overdue", 3)];
        await Store.AppendAsync(Commit("C-1", 0, schedule));

        await Store.AppendAsync(Commit("C-1", 1, null));
        Assert.Equal(schedule, await AllOfAsync("C-1"));

        await Store.AppendAsync(Commit("C-1", 2, []));
        Assert.Empty(await AllOfAsync("C-1"));
        Assert.Equal(0L, await Index.CountAsync());
    }

    [Fact]
    public async Task Replacing_one_case_schedule_leaves_other_cases_alone()
    {
        await Store.AppendAsync(Commit("C-1", 0, [R("C-1", 0, "DueToday", 2)]));
        await Store.AppendAsync(Commit("C-2", 0, [R("C-2", 0, "DueToday", 2)]));

        await Store.AppendAsync(Commit("C-1", 1, []));

        Assert.Equal([R("C-2", 0, "DueToday", 2)], await AllOfAsync("C-2"));
        Assert.Equal(1L, await Index.CountAsync());
    }

    [Fact]
    public async Task A_version_conflict_changes_no_schedule()
    {
        IReadOnlyList<ScheduleEntry> schedule = [R("C-1", 0, "DueToday", 2)];
        await Store.AppendAsync(Commit("C-1", 0, schedule));
        await Store.AppendAsync(Commit("C-1", 1, null));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AppendAsync(Commit("C-1", 1, [R("C-1", 3, "Overdue", 9)])));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AppendAsync(Commit("C-1", 1, [])));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AppendAsync(Commit("C-1", 0, [R("C-1", 3, "Overdue", 9)])));

        Assert.Equal(schedule, await AllOfAsync("C-1"));
        Assert.Equal(1L, await Index.CountAsync());
    }

    [Fact]
    public async Task A_duplicate_idempotency_key_changes_no_schedule()
    {
        IReadOnlyList<ScheduleEntry> schedule = [R("C-1", 0, "DueToday", 2)];
        await Store.AppendAsync(Given.Commit("C-1", 0, idempotencyKey: "k") with { Reminders = schedule });

        await Assert.ThrowsAsync<DuplicateIdempotencyKeyException>(
            () => Store.AppendAsync(Given.Commit("C-1", 1, idempotencyKey: "k") with { Reminders = [] }));

        Assert.Equal(schedule, await AllOfAsync("C-1"));
    }

    [Fact]
    public async Task A_malformed_schedule_is_refused_before_anything_is_written()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(Commit("C-1", 0, [R("C-2", 0, "DueToday", 2)])));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(Commit("C-1", 0, [R("C-1", 0, "DueToday", 2), R("C-1", 0, "DueToday", 5)])));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(Commit("C-1", 0, [R("C-1", -1, "DueToday", 2)])));

        Assert.Null(await Store.LoadAsync("C-1"));
        Assert.Equal(0L, await Index.CountAsync());
    }

    [Fact]
    public async Task Due_entries_are_read_per_partition_in_fire_order_up_to_now_and_the_limit()
    {
        var (same, other) = CasesSharingAPartition(2);
        var partition = ReminderPartitions.Of(same[0]);
        await Store.AppendAsync(Commit(same[0], 0, [R(same[0], 0, "Overdue", 5), R(same[0], 0, "DueToday", 1), R(same[0], 1, "DueToday", 3)]));
        await Store.AppendAsync(Commit(same[1], 0, [R(same[1], 0, "DueToday", 2), R(same[1], 0, "Overdue", 3)]));
        await Store.AppendAsync(Commit(other, 0, [R(other, 0, "DueToday", 0)]));

        var due = await Index.DueAsync(partition, T0.AddHours(3), 10);

        // Fire order; the tie at +3h by case id, then deadline id. Nothing after now, nothing of the other partition.
        Assert.Equal(
            [(same[0], 0, "DueToday"), (same[1], 0, "DueToday"), (same[0], 1, "DueToday"), (same[1], 0, "Overdue")],
            due.Select(r => (r.CaseId, r.DeadlineId, r.Step)));
        Assert.Equal(2, (await Index.DueAsync(partition, T0.AddHours(3), 2)).Count);
        Assert.Empty(await Index.DueAsync(partition, T0.AddMinutes(59), 10));
        Assert.Equal(5, (await Index.DueAsync(partition, T0.AddHours(5), 10)).Count);
        Assert.Equal([(other, 0, "DueToday")], (await Index.DueAsync(ReminderPartitions.Of(other), T0.AddDays(1), 10)).Select(r => (r.CaseId, r.DeadlineId, r.Step)));
    }

    [Fact]
    public async Task Due_entries_after_a_given_one_continue_in_fire_order_through_ties_on_time_case_deadline_and_step()
    {
        var (same, _) = CasesSharingAPartition(2);
        var partition = ReminderPartitions.Of(same[0]);
        await Store.AppendAsync(Commit(same[0], 0, [R(same[0], 0, "DueToday", 1), R(same[0], 0, "Overdue", 1), R(same[0], 1, "DueToday", 1)]));
        await Store.AppendAsync(Commit(same[1], 0, [R(same[1], 0, "DueToday", 1), R(same[1], 0, "Overdue", 2)]));
        var all = await Index.DueAsync(partition, T0.AddHours(3), 10);

        var pages = new List<ScheduleEntry>();
        for (ScheduleEntry? after = null; (await Index.DueAsync(partition, T0.AddHours(3), 2, after)) is { Count: > 0 } page; after = page[^1])
        {
            pages.AddRange(page);
        }

        Assert.Equal(5, all.Count);
        Assert.Equal(all, pages);
        Assert.Empty(await Index.DueAsync(partition, T0.AddHours(3), 10, all[^1]));
    }

    [Fact]
    public async Task The_next_fire_time_is_the_earliest_of_the_partition_past_or_future()
    {
        var (same, other) = CasesSharingAPartition(2);
        var partition = ReminderPartitions.Of(same[0]);
        Assert.Null(await Index.NextFireAtAsync(partition));

        await Store.AppendAsync(Commit(same[0], 0, [R(same[0], 0, "Overdue", 7)]));
        await Store.AppendAsync(Commit(same[1], 0, [R(same[1], 0, "DueToday", 4)]));
        await Store.AppendAsync(Commit(other, 0, [R(other, 0, "DueToday", 1)]));

        var next = await Index.NextFireAtAsync(partition);
        Assert.Equal(T0.AddHours(4), next);
        Assert.Equal(TimeSpan.Zero, next!.Value.Offset);
    }

    [Fact]
    public async Task Fire_times_read_back_in_utc_to_the_microsecond()
    {
        var fireAt = new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567);
        await Store.AppendAsync(Commit("C-1", 0, [R("C-1", 0, "DueToday", 0) with { FireAt = fireAt }]));

        var entry = Assert.Single(await AllOfAsync("C-1"));
        Assert.Equal(TimeSpan.Zero, entry.FireAt.Offset);
        Assert.Equal(fireAt.AddTicks(-7), entry.FireAt);
    }

    [Fact]
    public async Task Removing_a_delivered_entry_deletes_exactly_that_row()
    {
        var delivered = R("C-1", 0, "DueToday", 2);
        await Store.AppendAsync(Commit("C-1", 0, [delivered, R("C-1", 0, "Overdue", 3)]));

        Assert.True(await Index.RemoveAsync(delivered));
        Assert.False(await Index.RemoveAsync(delivered));

        Assert.Equal([R("C-1", 0, "Overdue", 3)], await AllOfAsync("C-1"));
    }

    [Fact]
    public async Task A_stale_acknowledgement_does_not_remove_a_rescheduled_row()
    {
        var delivered = R("C-1", 0, "DueToday", 2);
        await Store.AppendAsync(Commit("C-1", 0, [delivered]));

        // While the delivery was in flight the deadline was extended: same key, new due date and fire time.
        var rescheduled = R("C-1", 0, "DueToday", 26, dueDay: 21);
        await Store.AppendAsync(Commit("C-1", 1, [rescheduled]));
        Assert.False(await Index.RemoveAsync(delivered));

        // Only the fire time moved (the step's time of day changed): still not the delivered row.
        var retimed = delivered with { FireAt = delivered.FireAt.AddMinutes(30) };
        await Store.AppendAsync(Commit("C-1", 2, [retimed]));
        Assert.False(await Index.RemoveAsync(delivered));

        Assert.Equal([retimed], await AllOfAsync("C-1"));
    }

    [Fact]
    public async Task Cases_due_from_a_date_are_read_once_each_in_case_order_after_a_cursor_up_to_the_limit()
    {
        // C-2 has an early entry and a late one, C-3 only early ones, C-5 is due on the very day; C-1 and C-4 are late.
        await Store.AppendAsync(Commit("C-5", 0, [R("C-5", 0, "Overdue", 1, dueDay: 20)]));
        await Store.AppendAsync(Commit("C-3", 0, [R("C-3", 0, "DueToday", 1, dueDay: 12), R("C-3", 1, "Overdue", 2, dueDay: 19)]));
        await Store.AppendAsync(Commit("C-2", 0, [R("C-2", 0, "DueToday", 1, dueDay: 10), R("C-2", 1, "AdvanceWarning", 2, dueDay: 25), R("C-2", 1, "Overdue", 3, dueDay: 25)]));
        await Store.AppendAsync(Commit("C-4", 0, [R("C-4", 0, "DueToday", 1, dueDay: 28), R("C-4", 0, "Overdue", 2, dueDay: 28)]));
        await Store.AppendAsync(Commit("C-1", 0, [R("C-1", 2, "Overdue", 1, dueDay: 31)]));
        var from = new DateOnly(2025, 3, 20);

        Assert.Equal(["C-1", "C-2", "C-4", "C-5"], await Index.CasesDueFromAsync(from, after: null, limit: 10));
        Assert.Equal(["C-1", "C-2"], await Index.CasesDueFromAsync(from, after: null, limit: 2));
        Assert.Equal(["C-4", "C-5"], await Index.CasesDueFromAsync(from, after: "C-2", limit: 2));
        Assert.Equal(["C-4"], await Index.CasesDueFromAsync(from, after: "C-3", limit: 1));
        Assert.Empty(await Index.CasesDueFromAsync(from, after: "C-5", limit: 10));
        Assert.Empty(await Index.CasesDueFromAsync(from, after: null, limit: 0));
        Assert.Equal(["C-1", "C-2", "C-3", "C-4", "C-5"], await Index.CasesDueFromAsync(new DateOnly(2025, 3, 19), after: null, limit: 10));
        Assert.Equal(["C-1"], await Index.CasesDueFromAsync(new DateOnly(2025, 3, 29), after: null, limit: 10));
    }

    [Fact]
    public async Task Cases_due_from_a_date_are_in_ordinal_order_and_follow_schedule_replacements()
    {
        // Ordinal: upper case before lower case, "C-10" before "C-9".
        foreach (var id in new[] { "c-1", "C-9", "C-10" })
        {
            await Store.AppendAsync(Commit(id, 0, [R(id, 0, "Overdue", 1, dueDay: 25)]));
        }

        var from = new DateOnly(2025, 3, 20);
        Assert.Equal(["C-10", "C-9", "c-1"], await Index.CasesDueFromAsync(from, after: null, limit: 10));

        // C-9's deadline moved before the date, c-1's schedule was cleared: neither is a case due from it any more.
        await Store.AppendAsync(Commit("C-9", 1, [R("C-9", 0, "Overdue", 1, dueDay: 15)]));
        await Store.AppendAsync(Commit("c-1", 1, []));
        Assert.Equal(["C-10"], await Index.CasesDueFromAsync(from, after: null, limit: 10));
    }

    [Fact]
    public async Task Partitions_outside_the_range_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Index.DueAsync(-1, T0, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Index.DueAsync(ReminderPartitions.Count, T0, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Index.NextFireAtAsync(ReminderPartitions.Count));
    }
}
