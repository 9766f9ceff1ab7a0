using CaseGrains.Domain.Access;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Tests.Support;
using Npgsql;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>
/// The feed on PostgreSQL when transactions commit in another order than they took their ids: a notification is read
/// only once nothing before it can still appear, in the order of the transactions that wrote them, so a reader that
/// resumes from the last position it saw skips nothing. Each test holds transactions open on its own connections.
/// </summary>
public sealed class NotificationFeedOrderTests : IAsyncLifetime
{
    private PostgresBackend backend = null!;

    private INotificationFeed Feed => backend.Feed;

    public async Task InitializeAsync()
    {
        backend = await PostgresBackend.CreateAsync();
        await backend.Store.AppendAsync(Given.Commit("C-1", 0));
    }

    public async Task DisposeAsync() => await backend.DisposeAsync();

    /// <summary>Inserts a notification as a case commit does (the transaction id is the column's default); returns its id.</summary>
    private static async Task<long> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string title)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO notifications (case_id, created_at, kind, recipient_user_id, title, text, payload)
            VALUES ('C-1', now(), 'test', 'u-1', $1, '正文', '{}')
            RETURNING id
            """, connection, transaction);
        command.Parameters.AddWithValue(title);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_smaller_id_that_commits_after_a_larger_one_is_read_first_not_skipped()
    {
        await using var slow = await backend.Database.DataSource.OpenConnectionAsync();
        await using var fast = await backend.Database.DataSource.OpenConnectionAsync();
        await using var slowTransaction = await slow.BeginTransactionAsync();
        var smaller = await InsertAsync(slow, slowTransaction, "slow");
        await using var fastTransaction = await fast.BeginTransactionAsync();
        var larger = await InsertAsync(fast, fastTransaction, "fast");
        await fastTransaction.CommitAsync();
        Assert.True(smaller < larger);

        // The larger id is committed and its row is visible to any query, but the transaction holding the smaller id is
        // still running. A reader following ids would read the larger one now, resume after it and never read the
        // smaller; the feed holds both back.
        Assert.Equal(1L, await backend.Inbox.CountUnreadAsync(new NotificationRecipient("u-1", "B-SY", Role.CaseOfficer)));
        Assert.Empty(await Feed.ReadAfterAsync(NotificationPosition.Start, 10));
        Assert.Equal(NotificationPosition.Start, await Feed.HeadAsync());

        await slowTransaction.CommitAsync();

        var all = await Feed.WaitForAsync(2);
        Assert.Equal([smaller, larger], all.Select(n => n.Id));
        Assert.Equal([larger], (await Feed.ReadAfterAsync(all[0].Position, 10)).Select(n => n.Id));
    }

    [Fact]
    public async Task Notifications_come_in_the_order_of_their_transactions_even_when_their_ids_do_not()
    {
        await using var older = await backend.Database.DataSource.OpenConnectionAsync();
        await using var younger = await backend.Database.DataSource.OpenConnectionAsync();
        await using var olderTransaction = await older.BeginTransactionAsync();
        await using (var start = new NpgsqlCommand("SELECT pg_current_xact_id()", older, olderTransaction))
        {
            await start.ExecuteScalarAsync();
        }

        await using var youngerTransaction = await younger.BeginTransactionAsync();
        var first = await InsertAsync(younger, youngerTransaction, "younger");
        var second = await InsertAsync(older, olderTransaction, "older");
        await youngerTransaction.CommitAsync();
        Assert.Empty(await Feed.ReadAfterAsync(NotificationPosition.Start, 10));

        await olderTransaction.CommitAsync();

        var all = await Feed.WaitForAsync(2);
        Assert.Equal([second, first], all.Select(n => n.Id));
        Assert.True(all[0].Position < all[1].Position);
        Assert.Equal([first], (await Feed.ReadAfterAsync(all[0].Position, 10)).Select(n => n.Id));
    }

    [Fact]
    public async Task An_open_older_transaction_holds_the_feed_back_but_not_the_inbox()
    {
        await using var other = await backend.Database.DataSource.OpenConnectionAsync();
        await using var open = await other.BeginTransactionAsync();
        await using (var start = new NpgsqlCommand("SELECT pg_current_xact_id()", other, open))
        {
            await start.ExecuteScalarAsync();
        }

        await backend.Store.AppendAsync(Given.Commit("C-1", 1) with { Notifications = [Given.ToUser("u-1", "held")] });

        Assert.Empty(await Feed.ReadAfterAsync(NotificationPosition.Start, 10));
        Assert.Equal(1L, await backend.Inbox.CountUnreadAsync(new NotificationRecipient("u-1", "B-SY", Role.CaseOfficer)));

        await open.RollbackAsync();

        Assert.Equal(["held"], (await Feed.WaitForAsync(1)).Select(n => n.Title));
    }
}
