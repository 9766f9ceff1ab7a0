using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Tests.Support;

namespace CaseGrains.Persistence.Tests.Specifications;

/// <summary>How the notification feed is read: every notification once, in commit order, resumable from any position
/// it handed out, also while commits are running. Run against PostgreSQL and in memory (PostgreSQL's transactions that
/// commit out of order are <see cref="Postgres.NotificationFeedOrderTests"/>' subject).</summary>
public abstract class NotificationFeedSpecification : BackendSpecification
{
    private ICaseStore Store => Backend.Store;

    private INotificationFeed Feed => Backend.Feed;

    [Fact]
    public async Task The_feed_returns_every_notification_once_in_commit_order_and_resumes_after_any_position()
    {
        await Store.AppendAsync(Given.Commit("C-1", 0) with { Notifications = [Given.ToUser("u-1", "1"), Given.ToOrganisation("B-SY", "2")] });
        await Store.AppendAsync(Given.Commit("C-2", 0) with { Notifications = [Given.ToOrganisation("B-DL", "3", "bodyHead")] });
        await Store.AppendAsync(Given.Commit("C-1", 1));
        await Store.AppendAsync(Given.Commit("C-1", 2) with { Notifications = [Given.ToUser("u-2", "4"), Given.ToUser("u-1", "5")] });

        var all = await Feed.WaitForAsync(5);

        Assert.Equal(["1", "2", "3", "4", "5"], all.Select(n => n.Title));
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.Position < pair.Second.Position));
        Assert.Equal(all.Select(n => n.Id).Distinct().Count(), all.Count);
        for (var i = 0; i < all.Count; i++)
        {
            Assert.Equal(all.Skip(i + 1).Select(n => n.Id), (await Feed.ReadAllAsync(all[i].Position, 3)).Select(n => n.Id));
        }

        Assert.Empty(await Feed.ReadAfterAsync(all[^1].Position, 10));
        Assert.Empty(await Feed.ReadAfterAsync(NotificationPosition.Start, 0));
    }

    [Fact]
    public async Task The_head_is_the_last_position_so_a_reader_starting_there_sees_only_what_comes_next()
    {
        Assert.Equal(NotificationPosition.Start, await Feed.HeadAsync());
        await Store.AppendAsync(Given.Commit("C-1", 0) with { Notifications = [Given.ToUser("u-1", "old"), Given.ToUser("u-1", "older")] });
        var old = await Feed.WaitForAsync(2);

        var head = await Feed.HeadAsync();
        await Store.AppendAsync(Given.Commit("C-1", 1) with { Notifications = [Given.ToUser("u-1", "new")] });

        Assert.Equal(old[1].Position, head);
        Assert.Equal(["new"], (await Feed.WaitForAsync(1, head)).Select(n => n.Title));
    }

    [Fact]
    public async Task A_reader_following_concurrent_commits_sees_each_notification_exactly_once_in_position_order()
    {
        const int Writers = 6;
        const int CommitsEach = 15;
        const int Expected = Writers * CommitsEach * 2;
        var seen = new List<StoredNotification>();
        var reader = Task.Run(async () =>
        {
            var after = NotificationPosition.Start;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (seen.Count < Expected && DateTime.UtcNow < deadline)
            {
                var page = await Feed.ReadAfterAsync(after, 7);
                seen.AddRange(page);
                after = page.Count > 0 ? page[^1].Position : after;
            }
        });

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var c = 0; c < CommitsEach; c++)
            {
                await Store.AppendAsync(Given.Commit($"C-{w}", c) with { Notifications = [Given.ToUser("u-1", $"{w}/{c}/a"), Given.ToUser("u-1", $"{w}/{c}/b")] });
            }
        })));
        await reader;

        Assert.Equal(Expected, seen.Count);
        Assert.Equal(seen.Count, seen.Select(n => n.Id).Distinct().Count());
        Assert.True(seen.Zip(seen.Skip(1)).All(pair => pair.First.Position < pair.Second.Position));
        Assert.Equal((await Feed.ReadAllAsync(NotificationPosition.Start, 50)).Select(n => n.Id), seen.Select(n => n.Id));

        // Each case's notifications come in its commit order: a and b of one commit together, commits in version order.
        foreach (var writer in seen.GroupBy(n => n.CaseId))
        {
            var expected = Enumerable.Range(0, CommitsEach).SelectMany(c => new[] { $"{writer.Key[2..]}/{c}/a", $"{writer.Key[2..]}/{c}/b" });
            Assert.Equal(expected, writer.Select(n => n.Title));
        }
    }

    [Fact]
    public async Task Negative_positions_and_limits_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Feed.ReadAfterAsync(new NotificationPosition(-1, 0), 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Feed.ReadAfterAsync(new NotificationPosition(0, -1), 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Feed.ReadAfterAsync(NotificationPosition.Start, -1));
    }
}
