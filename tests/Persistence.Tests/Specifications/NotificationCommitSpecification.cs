using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Tests.Support;

namespace CaseGrains.Persistence.Tests.Specifications;

/// <summary>How a case commit writes the notifications it carries: together with the case change or not at all, and
/// never a malformed one. Run against PostgreSQL and in memory.</summary>
public abstract class NotificationCommitSpecification : BackendSpecification
{
    private ICaseStore Store => Backend.Store;

    private static CaseCommit Commit(string caseId, long expectedVersion, params NotificationDraft[] notifications) =>
        Given.Commit(caseId, expectedVersion) with { Notifications = notifications };

    /// <summary>Every notification written, after committing a marker to another case and waiting for it (see
    /// <see cref="Feeds"/>); the marker is left out.</summary>
    private async Task<IReadOnlyList<StoredNotification>> AllAsync()
    {
        var version = (await Store.LoadAsync("C-MARK"))?.Version ?? 0;
        var marker = $"marker-{version}";
        await Store.AppendAsync(Commit("C-MARK", version, Given.ToUser("u-marker", marker)));
        var all = await Backend.Feed.UpToMarkerAsync(marker);
        Assert.Equal(marker, all[^1].Title);
        return [.. all.Where(n => n.CaseId != "C-MARK")];
    }

    [Fact]
    public async Task A_commit_stores_its_notifications_in_list_order_with_the_case_id_and_the_entry_time()
    {
        var at = new DateTimeOffset(2025, 3, 3, 9, 30, 15, TimeSpan.FromHours(8)).AddTicks(1_234_567);
        var commit = Commit("C-1", 0, Given.ToOrganisation("B-SY", "甲", "caseOfficer"), Given.ToUser("u-applicant-1", "乙"), Given.ToOrganisation("B-SY", "丙"));
        await Store.AppendAsync(commit with { Entry = commit.Entry with { At = at } });

        var stored = await AllAsync();

        Assert.Equal(["甲", "乙", "丙"], stored.Select(n => n.Title));
        Assert.All(stored, n => Assert.Equal(("C-1", at.AddTicks(-7), TimeSpan.Zero), (n.CaseId, n.CreatedAt, n.CreatedAt.Offset)));
        Assert.Equal(stored.OrderBy(n => n.Position), stored);
        Assert.Equal(stored.OrderBy(n => n.Id), stored);
        Assert.Equal(stored.Select(n => n.Id), stored.Select(n => n.Position.Id));
        for (var i = 0; i < stored.Count; i++)
        {
            var draft = commit.Notifications![i];
            var notification = stored[i];
            Assert.Equal(
                (draft.Kind, draft.RecipientOrganisationId, draft.RecipientRole, draft.RecipientUserId, draft.Title, draft.Text),
                (notification.Kind, notification.RecipientOrganisationId, notification.RecipientRole, notification.RecipientUserId, notification.Title, notification.Text));
            Assert.True(Given.SameJson(draft.PayloadJson, notification.PayloadJson), notification.PayloadJson);
        }
    }

    [Fact]
    public async Task A_commit_without_notifications_writes_none()
    {
        await Store.AppendAsync(Given.Commit("C-1", 0));
        await Store.AppendAsync(Commit("C-1", 1));

        Assert.Empty(await AllAsync());
    }

    [Fact]
    public async Task A_version_conflict_writes_no_notification()
    {
        await Store.AppendAsync(Commit("C-1", 0, Given.ToUser("u-1", "first")));
        await Store.AppendAsync(Commit("C-1", 1, Given.ToUser("u-1", "second")));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AppendAsync(Commit("C-1", 1, Given.ToUser("u-1", "stale"))));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AppendAsync(Commit("C-1", 5, Given.ToUser("u-1", "ahead"))));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AppendAsync(Commit("C-1", 0, Given.ToUser("u-1", "exists"))));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AppendAsync(Commit("C-2", 1, Given.ToUser("u-1", "missing"))));

        Assert.Equal(["first", "second"], (await AllAsync()).Select(n => n.Title));
    }

    [Fact]
    public async Task A_duplicate_idempotency_key_writes_no_notification()
    {
        await Store.AppendAsync(Given.Commit("C-1", 0, idempotencyKey: "k") with { Notifications = [Given.ToUser("u-1", "first")] });

        await Assert.ThrowsAsync<DuplicateIdempotencyKeyException>(
            () => Store.AppendAsync(Given.Commit("C-1", 1, idempotencyKey: "k") with { Notifications = [Given.ToUser("u-1", "retry")] }));

        Assert.Equal(["first"], (await AllAsync()).Select(n => n.Title));
    }

    /// <summary>Notifications that break a rule of <see cref="NotificationDraft"/>, by what is wrong with them.</summary>
    private static readonly Dictionary<string, NotificationDraft?> Malformed = new(StringComparer.Ordinal)
    {
        ["null"] = null,
        ["user and organisation"] = Given.ToUser("u-1", "t") with { RecipientOrganisationId = "B-SY" },
        ["no recipient"] = Given.ToUser("u-1", "t") with { RecipientUserId = null },
        ["role with a user"] = Given.ToUser("u-1", "t") with { RecipientRole = "caseOfficer" },
        ["unknown role"] = Given.ToOrganisation("B-SY", "t", "CaseOfficer"),
        ["empty role"] = Given.ToOrganisation("B-SY", "t", ""),
        ["empty user"] = Given.ToUser("", "t"),
        ["empty organisation"] = Given.ToOrganisation("", "t"),
        ["long user"] = Given.ToUser(new string('u', NotificationLimits.Identifier + 1), "t"),
        ["empty kind"] = Given.ToUser("u-1", "t") with { Kind = "" },
        ["long kind"] = Given.ToUser("u-1", "t") with { Kind = new string('k', NotificationLimits.Identifier + 1) },
        ["blank title"] = Given.ToUser("u-1", " \n"),
        ["long title"] = Given.ToUser("u-1", new string('题', NotificationLimits.Title + 1)),
        ["empty text"] = Given.ToUser("u-1", "t") with { Text = "" },
        ["long text"] = Given.ToUser("u-1", "t") with { Text = new string('文', NotificationLimits.Text + 1) },
        ["payload array"] = Given.ToUser("u-1", "t") with { PayloadJson = "[1, 2]" },
        ["payload string"] = Given.ToUser("u-1", "t") with { PayloadJson = "\"x\"" },
        ["payload not JSON"] = Given.ToUser("u-1", "t") with { PayloadJson = "{\"a\": " },
        ["payload empty"] = Given.ToUser("u-1", "t") with { PayloadJson = "" },
        ["payload too large"] = Given.ToUser("u-1", "t") with { PayloadJson = $$"""{"a": "{{new string('x', NotificationLimits.PayloadBytes)}}"}""" },
    };

    public static TheoryData<string> MalformedNames => [.. Malformed.Keys];

    [Theory]
    [MemberData(nameof(MalformedNames))]
    public async Task A_malformed_notification_is_refused_before_anything_is_written(string what)
    {
        var commit = Given.Commit("C-1", 0) with { Notifications = [Given.ToUser("u-1", "fine"), Malformed[what]!] };

        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(commit));

        Assert.Null(await Store.LoadAsync("C-1"));
        Assert.Empty(await AllAsync());
    }

    [Fact]
    public async Task More_notifications_than_a_commit_may_carry_are_refused()
    {
        var many = Enumerable.Range(0, NotificationLimits.PerCommit + 1).Select(i => Given.ToUser("u-1", $"n{i}")).ToArray();

        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(Commit("C-1", 0, many)));

        Assert.Null(await Store.LoadAsync("C-1"));
    }

    [Fact]
    public async Task Notifications_at_every_limit_are_stored_whole()
    {
        var largest = new NotificationDraft(
            new string('k', NotificationLimits.Identifier),
            new string('o', NotificationLimits.Identifier),
            "bodyHead",
            null,
            new string('题', NotificationLimits.Title),
            new string('文', NotificationLimits.Text),
            $$"""{"a":"{{new string('x', NotificationLimits.PayloadBytes - 8)}}"}""");
        var many = Enumerable.Range(1, NotificationLimits.PerCommit - 1).Select(i => Given.ToUser("u-1", $"n{i}"));

        await Store.AppendAsync(Commit("C-1", 0, [largest, .. many]));

        var stored = await AllAsync();
        Assert.Equal(NotificationLimits.PerCommit, stored.Count);
        Assert.Equal((largest.Kind, largest.Title, largest.Text), (stored[0].Kind, stored[0].Title, stored[0].Text));
        Assert.True(Given.SameJson(largest.PayloadJson, stored[0].PayloadJson));
    }
}
