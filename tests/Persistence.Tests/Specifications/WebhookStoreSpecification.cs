using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Tests.Support;
using CaseGrains.Persistence.Webhooks;

namespace CaseGrains.Persistence.Tests.Specifications;

/// <summary>How every <see cref="IWebhookStore"/> behaves, for administrators and for dispatchers in several
/// processes at once: run against PostgreSQL and in memory.</summary>
public abstract class WebhookStoreSpecification : BackendSpecification
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 10, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private IWebhookStore Store => Backend.Webhooks;

    private async Task<WebhookSubscription> SubscribeAsync(
        string organisationId = "B-SY", string url = "https://hooks.example.org/a", int minutes = 0, string secret = "secret-1", NotificationPosition startAfter = default)
    {
        await Backend.Directory.SeedIfEmptyAsync(Given.Regions, Given.Organisations);
        var subscription = new WebhookSubscription(Guid.CreateVersion7(), organisationId, url, T0.AddMinutes(minutes), "admin-1");
        Assert.True(await Store.AddSubscriptionAsync(subscription, secret, startAfter));
        return subscription;
    }

    private async Task<WebhookCursor> CursorOfAsync(Guid subscriptionId) => (await Store.ListCursorsAsync()).Single(c => c.SubscriptionId == subscriptionId);

    /// <summary>The position of notification <paramref name="id"/> in a feed where each commit wrote one notification and
    /// committed in id order, as most tests here assume; the others give positions explicitly.</summary>
    private static NotificationPosition OneACommit(long id) => new(id, id);

    private static NotificationPosition Parsed(string text) =>
        NotificationPosition.TryParse(text, out var position) ? position : throw new ArgumentException($"'{text}' is not a position.", nameof(text));

    private static WebhookDeliveryDraft Draft(NotificationPosition position) =>
        new(Guid.CreateVersion7(), position, $$"""{"notificationId": {{position.Id}}}""");

    private static WebhookDeliveryDraft Draft(long notificationId) => Draft(OneACommit(notificationId));

    /// <summary>Enqueues one delivery per notification (one a commit) for the subscription, advancing its cursor to the last.</summary>
    private Task<IReadOnlyList<WebhookDeliveryDraft>> EnqueueAsync(WebhookSubscription subscription, DateTimeOffset at, params long[] notificationIds) =>
        EnqueueAsync(subscription, at, [.. notificationIds.Select(OneACommit)]);

    /// <summary>Enqueues one delivery per notification for the subscription, advancing its cursor to the last position.</summary>
    private async Task<IReadOnlyList<WebhookDeliveryDraft>> EnqueueAsync(WebhookSubscription subscription, DateTimeOffset at, params NotificationPosition[] positions)
    {
        IReadOnlyList<WebhookDeliveryDraft> drafts = [.. positions.Select(Draft)];
        Assert.True(await Store.EnqueueAsync(await CursorOfAsync(subscription.Id), positions.Max(), drafts, at));
        return drafts;
    }

    private async Task<ClaimedWebhookDelivery> ClaimOneAsync(DateTimeOffset at) => Assert.Single(await Store.ClaimDueAsync(Guid.NewGuid(), at, Lease, 10));

    private async Task<WebhookDelivery> DeliveryAsync(WebhookSubscription subscription, Guid deliveryId) =>
        (await Store.ListDeliveriesAsync(subscription.Id, null, 1, 100)).Items.Single(d => d.Id == deliveryId);

    private static WebhookAttempt Failure(ClaimedWebhookDelivery claimed, DateTimeOffset at, DateTimeOffset? next, int? status = 503, string error = "HTTP 503") =>
        new(claimed.Id, claimed.LeaseId, at, next is null ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending, next, status, error);

    [Fact]
    public async Task Subscriptions_are_listed_per_organisation_oldest_first_and_found_only_by_their_own_organisation()
    {
        var second = await SubscribeAsync(url: "https://hooks.example.org/b", minutes: 5);
        var first = await SubscribeAsync(url: "https://hooks.example.org/a");
        var other = await SubscribeAsync("B-DL", "https://hooks.example.org/a");

        var listed = await Store.ListSubscriptionsAsync("B-SY");

        Assert.Equal([first, second], listed.Select(s => s.Subscription));
        Assert.All(listed, s => Assert.Equal((0L, 0L), (s.PendingDeliveries, s.FailedDeliveries)));
        Assert.Equal(other, Assert.Single(await Store.ListSubscriptionsAsync("B-DL")).Subscription);
        Assert.Equal(first, await Store.FindSubscriptionAsync("B-SY", first.Id));
        Assert.Null(await Store.FindSubscriptionAsync("B-DL", first.Id));
        Assert.Null(await Store.FindSubscriptionAsync("B-SY", Guid.NewGuid()));
    }

    [Fact]
    public async Task Times_are_kept_to_the_microsecond_in_utc()
    {
        await Backend.Directory.SeedIfEmptyAsync(Given.Regions, Given.Organisations);
        var subscription = new WebhookSubscription(Guid.NewGuid(), "B-SY", "https://hooks.example.org/a", new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.FromHours(8)).AddTicks(1234567), "admin-1");

        await Store.AddSubscriptionAsync(subscription, "s", NotificationPosition.Start);

        var stored = Assert.Single(await Store.ListSubscriptionsAsync("B-SY")).Subscription;
        Assert.Equal(subscription.CreatedAt.AddTicks(-7), stored.CreatedAt);
        Assert.Equal(TimeSpan.Zero, stored.CreatedAt.Offset);
    }

    [Fact]
    public async Task A_second_active_subscription_of_an_organisation_to_the_same_address_is_refused()
    {
        var first = await SubscribeAsync();

        Assert.False(await Store.AddSubscriptionAsync(first with { Id = Guid.NewGuid() }, "other", NotificationPosition.Start));
        Assert.True(await Store.AddSubscriptionAsync(first with { Id = Guid.NewGuid(), OrganisationId = "B-DL" }, "other", NotificationPosition.Start));

        Assert.True(await Store.RemoveSubscriptionAsync("B-SY", first.Id));
        Assert.True(await Store.AddSubscriptionAsync(first with { Id = Guid.NewGuid() }, "again", NotificationPosition.Start));
    }

    [Fact]
    public async Task A_removed_subscription_is_gone_for_administrators_and_dispatchers_and_its_deliveries_are_no_longer_sent()
    {
        var removed = await SubscribeAsync();
        var kept = await SubscribeAsync(url: "https://hooks.example.org/kept");
        var removedDelivery = Assert.Single(await EnqueueAsync(removed, T0, 1));
        var keptDelivery = Assert.Single(await EnqueueAsync(kept, T0, 1));

        Assert.False(await Store.RemoveSubscriptionAsync("B-DL", removed.Id));
        Assert.True(await Store.RemoveSubscriptionAsync("B-SY", removed.Id));
        Assert.False(await Store.RemoveSubscriptionAsync("B-SY", removed.Id));

        Assert.Null(await Store.FindSubscriptionAsync("B-SY", removed.Id));
        Assert.Equal([kept.Id], (await Store.ListSubscriptionsAsync("B-SY")).Select(s => s.Subscription.Id));
        Assert.Equal([kept.Id], (await Store.ListCursorsAsync()).Select(c => c.SubscriptionId));
        Assert.False(await Store.ReplaceSecretAsync("B-SY", removed.Id, "new"));
        Assert.False(await Store.EnqueueAsync(new WebhookCursor(removed.Id, "B-SY", OneACommit(1)), OneACommit(2), [], T0));
        Assert.Equal(keptDelivery.Id, (await ClaimOneAsync(T0)).Id);
        Assert.Equal(WebhookDeliveryStatus.Pending, (await DeliveryAsync(removed, removedDelivery.Id)).Status);
    }

    [Fact]
    public async Task A_new_subscription_starts_at_the_position_it_is_given_whatever_other_subscriptions_have_read()
    {
        var first = await SubscribeAsync();
        Assert.Equal(NotificationPosition.Start, (await CursorOfAsync(first.Id)).After);
        await EnqueueAsync(first, T0, 3, 41);

        var second = await SubscribeAsync("B-DL", startAfter: new NotificationPosition(812, 5));
        var third = await SubscribeAsync("B-SY", "https://hooks.example.org/third");

        Assert.Equal(new WebhookCursor(second.Id, "B-DL", new NotificationPosition(812, 5)), await CursorOfAsync(second.Id));
        Assert.Equal(new WebhookCursor(third.Id, "B-SY", NotificationPosition.Start), await CursorOfAsync(third.Id));
    }

    [Fact]
    public async Task A_position_no_feed_hands_out_is_refused_as_a_start_and_as_an_end()
    {
        var subscription = await SubscribeAsync();
        var cursor = await CursorOfAsync(subscription.Id);
        var another = subscription with { Id = Guid.NewGuid(), Url = "https://hooks.example.org/b" };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.AddSubscriptionAsync(another, "s", new NotificationPosition(-1, 5)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.AddSubscriptionAsync(another, "s", new NotificationPosition(5, -1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.EnqueueAsync(cursor, new NotificationPosition(6, -1), [], T0));
        Assert.Equal([new WebhookCursor(subscription.Id, "B-SY", NotificationPosition.Start)], await Store.ListCursorsAsync());
    }

    [Fact]
    public async Task Enqueueing_advances_the_cursor_and_stores_pending_deliveries_due_at_once()
    {
        var subscription = await SubscribeAsync();

        var drafts = await EnqueueAsync(subscription, T0, 2, 5);
        Assert.True(await Store.EnqueueAsync(await CursorOfAsync(subscription.Id), OneACommit(9), [], T0.AddSeconds(1)));

        Assert.Equal(OneACommit(9), (await CursorOfAsync(subscription.Id)).After);
        var page = await Store.ListDeliveriesAsync(subscription.Id, null, 1, 10);
        Assert.Equal(
            [
                new WebhookDelivery(drafts[1].Id, subscription.Id, 5, WebhookDeliveryStatus.Pending, 0, T0, null, null, T0, null),
                new WebhookDelivery(drafts[0].Id, subscription.Id, 2, WebhookDeliveryStatus.Pending, 0, T0, null, null, T0, null),
            ],
            page.Items);
        Assert.Equal(2L, page.Total);
        Assert.Equal((2L, 0L), Counts(Assert.Single(await Store.ListSubscriptionsAsync("B-SY"))));
    }

    [Fact]
    public async Task Enqueueing_from_a_cursor_that_has_moved_on_changes_nothing()
    {
        var subscription = await SubscribeAsync();
        var stale = await CursorOfAsync(subscription.Id);
        await EnqueueAsync(subscription, T0, 1);

        Assert.False(await Store.EnqueueAsync(stale, OneACommit(2), [Draft(2)], T0));

        Assert.Equal(OneACommit(1), (await CursorOfAsync(subscription.Id)).After);
        Assert.Equal([1L], (await Store.ListDeliveriesAsync(subscription.Id, null, 1, 10)).Items.Select(d => d.NotificationId));
    }

    [Fact]
    public async Task Two_processes_enqueueing_from_the_same_cursor_at_once_enqueue_each_notification_once()
    {
        var subscription = await SubscribeAsync();
        var stores = Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? Store : Backend.ConnectAnotherWebhookStore()).ToList();

        for (var round = 0; round < 5; round++)
        {
            // Two notifications of one commit.
            var cursor = await CursorOfAsync(subscription.Id);
            var positions = new NotificationPosition[] { new(cursor.After.Transaction + 1, cursor.After.Id + 1), new(cursor.After.Transaction + 1, cursor.After.Id + 2) };
            var won = await Task.WhenAll(stores.Select(s => Task.Run(() => s.EnqueueAsync(cursor, positions[1], [.. positions.Select(Draft)], T0))));

            Assert.Single(won, true);
        }

        var deliveries = (await Store.ListDeliveriesAsync(subscription.Id, null, 1, 100)).Items;
        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(i => (long)i), deliveries.Select(d => d.NotificationId));
    }

    [Fact]
    public async Task Enqueueing_follows_feed_positions_not_ids()
    {
        var subscription = await SubscribeAsync();

        // Notification 6's transaction is older than 5's, so the feed hands out 6 first: 5 lies after it.
        await EnqueueAsync(subscription, T0, new NotificationPosition(10, 6), new NotificationPosition(11, 5));
        await EnqueueAsync(subscription, T0, new NotificationPosition(12, 4));

        Assert.Equal(new NotificationPosition(12, 4), (await CursorOfAsync(subscription.Id)).After);
        Assert.Equal([4L, 5L, 6L], (await Store.ListDeliveriesAsync(subscription.Id, null, 1, 10)).Items.Select(d => d.NotificationId).Order());
    }

    /// <summary>Positions in their text form (xunit cannot show a struct's value in a test's name).</summary>
    public static TheoryData<string, string[]> InvalidEnqueues => new()
    {
        { "5-5", [] },
        { "4-9", [] },
        { "8-8", ["5-5"] },
        { "8-8", ["4-7"] },
        { "8-8", ["9-1"] },
        { "8-8", ["6-6", "6-6"] },
        { "8-8", ["6-6", "7-6"] },
    };

    [Theory]
    [MemberData(nameof(InvalidEnqueues))]
    public async Task An_enqueue_that_does_not_move_forward_or_names_notifications_outside_its_range_is_a_programming_error(string advanceTo, string[] positions)
    {
        var subscription = await SubscribeAsync();
        await EnqueueAsync(subscription, T0, 5);
        var cursor = new WebhookCursor(subscription.Id, "B-SY", OneACommit(5));

        await Assert.ThrowsAsync<ArgumentException>(() => Store.EnqueueAsync(cursor, Parsed(advanceTo), [.. positions.Select(p => Draft(Parsed(p)))], T0));
        Assert.Equal(OneACommit(5), (await CursorOfAsync(subscription.Id)).After);
    }

    [Fact]
    public async Task A_claim_leases_due_deliveries_earliest_first_with_the_current_address_and_secret()
    {
        var subscription = await SubscribeAsync(secret: "first-secret");
        var drafts = await EnqueueAsync(subscription, T0, 1, 2, 3);
        await EnqueueAsync(await SubscribeAsync("B-DL", "https://hooks.example.org/later"), T0.AddMinutes(10), 4);
        Assert.True(await Store.ReplaceSecretAsync("B-SY", subscription.Id, "second-secret"));

        var lease = Guid.NewGuid();
        var claimed = await Store.ClaimDueAsync(lease, T0.AddMinutes(1), Lease, 2);

        Assert.Equal(
            [
                new ClaimedWebhookDelivery(drafts[0].Id, subscription.Id, 1, subscription.Url, "second-secret", drafts[0].Body, 0, lease),
                new ClaimedWebhookDelivery(drafts[1].Id, subscription.Id, 2, subscription.Url, "second-secret", drafts[1].Body, 0, lease),
            ],
            claimed);
        Assert.Equal([3L], (await Store.ClaimDueAsync(Guid.NewGuid(), T0.AddMinutes(1), Lease, 10)).Select(c => c.NotificationId));
        Assert.Empty(await Store.ClaimDueAsync(Guid.NewGuid(), T0.AddMinutes(1), Lease, 10));
    }

    [Fact]
    public async Task A_lease_that_runs_out_lets_another_dispatcher_claim_and_the_first_can_no_longer_record()
    {
        var subscription = await SubscribeAsync();
        await EnqueueAsync(subscription, T0, 1);
        var first = await ClaimOneAsync(T0);

        Assert.Empty(await Store.ClaimDueAsync(Guid.NewGuid(), T0 + Lease - TimeSpan.FromSeconds(1), Lease, 10));
        var second = await ClaimOneAsync(T0 + Lease);

        Assert.Equal(first.Id, second.Id);
        Assert.False(await Store.RecordAttemptAsync(new WebhookAttempt(first.Id, first.LeaseId, T0.AddMinutes(2), WebhookDeliveryStatus.Delivered, null, 200, null)));
        Assert.True(await Store.RecordAttemptAsync(new WebhookAttempt(second.Id, second.LeaseId, T0.AddMinutes(2), WebhookDeliveryStatus.Delivered, null, 204, null)));
        Assert.Equal((WebhookDeliveryStatus.Delivered, 1, 204), await StatusOfAsync(subscription, first.Id));
    }

    private async Task<(WebhookDeliveryStatus, int, int?)> StatusOfAsync(WebhookSubscription subscription, Guid deliveryId)
    {
        var delivery = await DeliveryAsync(subscription, deliveryId);
        return (delivery.Status, delivery.Attempts, delivery.LastStatusCode);
    }

    [Fact]
    public async Task Dispatchers_in_several_processes_claiming_at_once_get_disjoint_deliveries()
    {
        var subscription = await SubscribeAsync();
        var drafts = await EnqueueAsync(subscription, T0, [.. Enumerable.Range(1, 40).Select(i => (long)i)]);
        var stores = Enumerable.Range(0, 6).Select(i => i % 2 == 0 ? Store : Backend.ConnectAnotherWebhookStore()).ToList();

        var claims = await Task.WhenAll(stores.Select(s => Task.Run(async () =>
        {
            var mine = new List<ClaimedWebhookDelivery>();
            IReadOnlyList<ClaimedWebhookDelivery> batch;
            while ((batch = await s.ClaimDueAsync(Guid.NewGuid(), T0, Lease, 3)).Count > 0)
            {
                mine.AddRange(batch);
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).Select(c => c.Id).ToList();
        Assert.Equal(drafts.Select(d => d.Id).Order(), all.Order());
    }

    [Fact]
    public async Task An_attempt_is_recorded_with_its_outcome_and_releases_the_lease()
    {
        var subscription = await SubscribeAsync();
        await EnqueueAsync(subscription, T0, 1, 2, 3);
        var claimed = await Store.ClaimDueAsync(Guid.NewGuid(), T0, Lease, 3);
        var at = T0.AddSeconds(3);

        Assert.True(await Store.RecordAttemptAsync(new WebhookAttempt(claimed[0].Id, claimed[0].LeaseId, at, WebhookDeliveryStatus.Delivered, null, 200, null)));
        Assert.True(await Store.RecordAttemptAsync(Failure(claimed[1], at, at.AddSeconds(10))));
        Assert.True(await Store.RecordAttemptAsync(Failure(claimed[2], at, null, null, "timed out")));

        var byNotification = (await Store.ListDeliveriesAsync(subscription.Id, null, 1, 10)).Items.ToDictionary(d => d.NotificationId);
        Assert.Equal(new WebhookDelivery(claimed[0].Id, subscription.Id, 1, WebhookDeliveryStatus.Delivered, 1, null, 200, null, T0, at), byNotification[1]);
        Assert.Equal(new WebhookDelivery(claimed[1].Id, subscription.Id, 2, WebhookDeliveryStatus.Pending, 1, at.AddSeconds(10), 503, "HTTP 503", T0, null), byNotification[2]);
        Assert.Equal(new WebhookDelivery(claimed[2].Id, subscription.Id, 3, WebhookDeliveryStatus.Failed, 1, null, null, "timed out", T0, null), byNotification[3]);
        Assert.Equal((1L, 1L), Counts(Assert.Single(await Store.ListSubscriptionsAsync("B-SY"))));

        // Recorded once: the lease is released, so the same lease cannot record again.
        Assert.False(await Store.RecordAttemptAsync(Failure(claimed[1], at, at.AddSeconds(10))));

        // The retried one is due again only at its next attempt time, and carries the attempts so far.
        Assert.Empty(await Store.ClaimDueAsync(Guid.NewGuid(), at.AddSeconds(9), Lease, 10));
        Assert.Equal((claimed[1].Id, 1), Pair(await ClaimOneAsync(at.AddSeconds(10))));
    }

    private static (long Pending, long Failed) Counts(WebhookSubscriptionSummary summary) => (summary.PendingDeliveries, summary.FailedDeliveries);

    private static (Guid Id, int Attempts) Pair(ClaimedWebhookDelivery claimed) => (claimed.Id, claimed.Attempts);

    [Fact]
    public async Task A_long_error_is_cut_to_500_characters_and_an_attempt_with_an_inconsistent_outcome_is_refused()
    {
        var subscription = await SubscribeAsync();
        await EnqueueAsync(subscription, T0, 1);
        var claimed = await ClaimOneAsync(T0);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.RecordAttemptAsync(Failure(claimed, T0, null) with { Outcome = WebhookDeliveryStatus.Pending }));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.RecordAttemptAsync(Failure(claimed, T0, T0) with { Outcome = WebhookDeliveryStatus.Failed }));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.RecordAttemptAsync(Failure(claimed, T0, null, status: 42)));
        Assert.True(await Store.RecordAttemptAsync(Failure(claimed, T0, T0.AddSeconds(10), error: new string('x', 600))));

        Assert.Equal(new string('x', 500), (await DeliveryAsync(subscription, claimed.Id)).LastError);
    }

    [Fact]
    public async Task Deliveries_are_listed_by_status_newest_notification_first_a_page_at_a_time()
    {
        var subscription = await SubscribeAsync();
        await EnqueueAsync(subscription, T0, [.. Enumerable.Range(1, 7).Select(i => (long)i)]);
        foreach (var claimed in await Store.ClaimDueAsync(Guid.NewGuid(), T0, Lease, 3))
        {
            await Store.RecordAttemptAsync(Failure(claimed, T0, null));
        }

        var failed = await Store.ListDeliveriesAsync(subscription.Id, WebhookDeliveryStatus.Failed, 1, 2);
        var pending = await Store.ListDeliveriesAsync(subscription.Id, WebhookDeliveryStatus.Pending, 2, 3);
        var beyond = await Store.ListDeliveriesAsync(subscription.Id, null, 3, 5);

        Assert.Equal([3L, 2L], failed.Items.Select(d => d.NotificationId));
        Assert.Equal(3L, failed.Total);
        Assert.Equal([4L], pending.Items.Select(d => d.NotificationId));
        Assert.Equal(4L, pending.Total);
        Assert.Equal((2, 3), (pending.Page, pending.PageSize));
        Assert.Equal((0, 7L), (beyond.Items.Count, beyond.Total));
        Assert.Empty((await Store.ListDeliveriesAsync(subscription.Id, WebhookDeliveryStatus.Delivered, 1, 10)).Items);
        Assert.Empty((await Store.ListDeliveriesAsync(Guid.NewGuid(), null, 1, 10)).Items);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_from_zero_attempts_due_now_and_only_a_failed_one()
    {
        var subscription = await SubscribeAsync();
        var other = await SubscribeAsync("B-DL");
        await EnqueueAsync(subscription, T0, 1, 2);
        var claimed = await Store.ClaimDueAsync(Guid.NewGuid(), T0, Lease, 1);
        await Store.RecordAttemptAsync(Failure(claimed[0], T0, null));
        var pendingId = (await Store.ListDeliveriesAsync(subscription.Id, WebhookDeliveryStatus.Pending, 1, 1)).Items[0].Id;
        var now = T0.AddHours(5);

        Assert.Equal(WebhookRetryOutcome.NotFound, await Store.RetryDeliveryAsync(other.Id, claimed[0].Id, now));
        Assert.Equal(WebhookRetryOutcome.NotFound, await Store.RetryDeliveryAsync(subscription.Id, Guid.NewGuid(), now));
        Assert.Equal(WebhookRetryOutcome.NotFailed, await Store.RetryDeliveryAsync(subscription.Id, pendingId, now));
        Assert.Equal(WebhookRetryOutcome.Retried, await Store.RetryDeliveryAsync(subscription.Id, claimed[0].Id, now));
        Assert.Equal(WebhookRetryOutcome.NotFailed, await Store.RetryDeliveryAsync(subscription.Id, claimed[0].Id, now));

        var retried = await DeliveryAsync(subscription, claimed[0].Id);
        Assert.Equal((WebhookDeliveryStatus.Pending, 0, now, 503, "HTTP 503"), (retried.Status, retried.Attempts, retried.NextAttemptAt, retried.LastStatusCode, retried.LastError));
        Assert.Equal((2L, 0L), Counts(Assert.Single(await Store.ListSubscriptionsAsync("B-SY"))));
    }
}
