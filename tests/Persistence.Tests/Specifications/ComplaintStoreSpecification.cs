using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Complaints;
using CaseGrains.Persistence.Reminders;
using CaseGrains.Persistence.Tests.Support;

namespace CaseGrains.Persistence.Tests.Specifications;

/// <summary>
/// Complaint storage, run against PostgreSQL and in memory: a commit writes the snapshot, the chained history entry, the
/// list row, the complaint's rows of the deadline index and its notifications together or not at all; versions and
/// idempotency keys are enforced; lists keep to their scope and filters.
/// </summary>
public abstract class ComplaintStoreSpecification : BackendSpecification
{
    private static readonly DateOnly Received = new(2025, 3, 3);

    private IComplaintStore Store => Backend.Complaints;

    internal static ComplaintCommit Commit(
        string id, long expectedVersion, string status = "received", string? idempotencyKey = null, Func<ComplaintIndexEntry, ComplaintIndexEntry>? index = null)
    {
        var version = expectedVersion + 1;
        var row = new ComplaintIndexEntry(
            id, status, "complaint", "A-DD-PSB", "沈阳市公安局大东分局", Given.PathOf("R210104"), "S-LN", Received, Received.AddDays(60), false, null,
            Given.Now.AddMinutes(version), version);
        return new ComplaintCommit(
            id,
            expectedVersion,
            $$$"""{"id": "{{{id}}}", "status": "{{{status}}}", "complainant": {"name": "enc:v1:AAAA"}}""",
            index is null ? row : index(row),
            Given.Entry(version, status, idempotencyKey));
    }

    private static ScheduleEntry Step(string id, string step, DateOnly dueOn) =>
        new(id, 0, "complaintAnswer", step, dueOn, new DateTimeOffset(dueOn.ToDateTime(new TimeOnly(0, 30)), TimeSpan.Zero));

    [Fact]
    public async Task Commits_create_and_advance_a_complaint_whose_history_is_chained_and_verifies()
    {
        await Store.AppendAsync(Commit("CP-1", 0));
        await Store.AppendAsync(Commit("CP-1", 1, "verified"));

        var stored = await Store.LoadAsync("CP-1");
        Assert.Equal(2, stored!.Version);
        Assert.True(Given.SameJson("""{"id": "CP-1", "status": "verified", "complainant": {"name": "enc:v1:AAAA"}}""", stored.SnapshotJson));
        var history = await Store.ReadHistoryAsync("CP-1");
        Assert.Equal([1L, 2], history.Select(e => e.Sequence));
        Assert.Equal(HistoryChain.GenesisHash, history[0].PreviousHash);
        Assert.Equal(history[0].Hash, history[1].PreviousHash);
        Assert.Equal(("u-officer-1", "B-SY", "依法审查"), (history[1].ActorUserId, history[1].ActorOrganisationId, history[1].Reason));
        Assert.True((await Store.VerifyHistoryAsync("CP-1")).Intact);
        Assert.Null(await Store.LoadAsync("CP-unknown"));
        Assert.Empty(await Store.ReadHistoryAsync("CP-unknown"));
    }

    [Fact]
    public async Task A_stale_version_or_a_reused_key_writes_nothing_not_even_its_reminders_and_notifications()
    {
        await Store.AppendAsync(Commit("CP-1", 0, idempotencyKey: "k-1"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AppendAsync(Commit("CP-1", 0)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AppendAsync(Commit("CP-1", 5)));
        await Assert.ThrowsAsync<DuplicateIdempotencyKeyException>(() => Store.AppendAsync(Commit("CP-1", 1, "verified", idempotencyKey: "k-1") with
        {
            Reminders = [Step("CP-1", "dueToday", Received.AddDays(60))],
            Notifications = [Given.ToOrganisation("S-LN", "不应写入")],
        }));

        Assert.Equal(1, (await Store.LoadAsync("CP-1"))!.Version);
        Assert.Single(await Store.ReadHistoryAsync("CP-1"));
        Assert.DoesNotContain(await DueAsync("CP-1"), e => e.CaseId == "CP-1");
    }

    [Fact]
    public async Task A_commit_replaces_the_complaints_reminder_rows_and_stores_its_notifications_under_its_id()
    {
        var due = Received.AddDays(60);
        await Store.AppendAsync(Commit("CP-1", 0) with { Reminders = [Step("CP-1", "advanceWarning", due.AddDays(-3)), Step("CP-1", "dueToday", due)] });
        Assert.Equal(["advanceWarning", "dueToday"], (await DueAsync("CP-1")).Select(e => e.Step).Order(StringComparer.Ordinal));

        await Store.AppendAsync(Commit("CP-1", 1) with
        {
            Reminders = [Step("CP-1", "dueToday", due)],
            Notifications = [Given.ToOrganisation("S-LN", "答复期限提醒", "supervisor")],
        });

        Assert.Equal(["dueToday"], (await DueAsync("CP-1")).Select(e => e.Step));
        var notification = Assert.Single(await Backend.Feed.WaitForAsync(1));
        Assert.Equal(("CP-1", "S-LN", "supervisor", "答复期限提醒"), (notification.CaseId, notification.RecipientOrganisationId, notification.RecipientRole, notification.Title));

        await Store.AppendAsync(Commit("CP-1", 2, "answered") with { Reminders = [] });
        Assert.Empty(await DueAsync("CP-1"));
    }

    [Fact]
    public async Task A_malformed_commit_is_refused_before_anything_is_written()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(Commit("CP-1", 0, index: row => row with { ComplaintId = "CP-2" })));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(Commit("CP-1", 0, index: row => row with { Version = 7 })));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(Commit("CP-1", 0) with { Reminders = [Step("CP-2", "dueToday", Received)] }));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(Commit("CP-1", 0) with { SnapshotJson = "not json" }));

        Assert.Null(await Store.LoadAsync("CP-1"));
    }

    [Fact]
    public async Task Lists_keep_to_the_scope_and_filter_page_and_sort()
    {
        var dalian = Given.PathOf("R210202");
        await Store.AppendAsync(Commit("CP-1", 0));
        await Store.AppendAsync(Commit("CP-2", 0, index: r => r with { AnswerDueOn = Received.AddDays(10) }));
        await Store.AppendAsync(Commit("CP-3", 0, index: r => r with { RegionPath = dalian, AgencyId = "A-DL", AgencyName = "大连市某局", AnswerDueOn = Received.AddDays(5) }));
        await Store.AppendAsync(Commit("CP-4", 0, "handled", index: r => r with { Status = "handled", AnswerDueOn = null, Substantiated = true, Kind = "report" }));
        var today = Received.AddDays(20);

        async Task<IReadOnlyList<string>> Ids(ComplaintListQuery query) => [.. (await Backend.ComplaintQueries.ListAsync(query)).Items.Select(i => i.ComplaintId)];

        Assert.Equal(["CP-3", "CP-2", "CP-1", "CP-4"], await Ids(new() { Today = today }));
        Assert.Equal(["CP-2", "CP-1", "CP-4"], await Ids(new() { Today = today, ScopeRegionPath = Given.PathOf("R210100") }));
        Assert.Equal(["CP-3"], await Ids(new() { Today = today, ScopeRegionPath = Given.PathOf("R210200") }));
        Assert.Empty(await Ids(new() { Today = today, ScopeRegionPath = Given.PathOf("R2101") }));
        Assert.Equal(["CP-3", "CP-2"], await Ids(new() { Today = today, Overdue = true }));
        Assert.Equal(["CP-4"], await Ids(new() { Today = today, Statuses = ["handled"], Substantiated = true, Kind = "report" }));
        Assert.Equal(["CP-3"], await Ids(new() { Today = today, Text = "大连", AgencyId = "A-DL", HandlingOfficeId = "S-LN" }));
        Assert.Equal(["CP-4", "CP-3", "CP-2", "CP-1"], await Ids(new() { Today = today, Sort = ComplaintSort.ReceivedNewestFirst }));

        var page = await Backend.ComplaintQueries.ListAsync(new() { Today = today, Page = 2, PageSize = 3 });
        Assert.Equal(4L, page.Total);
        Assert.Equal(["CP-4"], page.Items.Select(i => i.ComplaintId));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Backend.ComplaintQueries.ListAsync(new() { Today = today, PageSize = 0 }));
    }

    [Fact]
    public async Task The_region_filter_takes_in_the_regions_subtree()
    {
        await Backend.Directory.SeedIfEmptyAsync(Given.Regions, Given.Organisations);
        await Store.AppendAsync(Commit("CP-1", 0));
        await Store.AppendAsync(Commit("CP-2", 0, index: r => r with { RegionPath = Given.PathOf("R210202") }));

        var shenyang = await Backend.ComplaintQueries.ListAsync(new() { Today = Received, RegionId = "R210100" });
        var nowhere = await Backend.ComplaintQueries.ListAsync(new() { Today = Received, RegionId = "R999999" });

        Assert.Equal(["CP-1"], shenyang.Items.Select(i => i.ComplaintId));
        Assert.Empty(nowhere.Items);
    }

    private async Task<IReadOnlyList<ScheduleEntry>> DueAsync(string id) =>
        [.. (await Backend.Reminders.DueAsync(ReminderPartitions.Of(id), DateTimeOffset.MaxValue.AddYears(-1), 1000)).Where(e => e.CaseId == id)];
}
