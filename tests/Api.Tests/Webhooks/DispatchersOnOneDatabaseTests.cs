using System.Text.Json;
using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Webhooks;
using CaseGrains.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CaseGrains.Api.Tests.Webhooks;

/// <summary>
/// Several silos and gateways run the dispatcher against one PostgreSQL: here two dispatchers, each with its own
/// connection pool as a separate process would have, run their rounds at the same time over the same feed. Each
/// notification reaches each subscription exactly once; and a delivery whose dispatcher died mid-attempt is sent
/// again, with the same id, once its lease has run out.
/// </summary>
public sealed class DispatchersOnOneDatabaseTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 10, 1, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider clock = new(T0);
    private readonly TestNotificationFeed feed = new();
    private readonly Dispatchers dispatchers = new();
    private PostgresDatabase database = null!;
    private NpgsqlDataSource otherProcess = null!;
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        otherProcess = NpgsqlDataSource.Create(database.ConnectionString);
        await new PostgresOrganisationDirectory(database.DataSource).SeedIfEmptyAsync(LiaoningDemo.Regions, LiaoningDemo.Organisations);
        receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await dispatchers.DisposeAsync();
        await receiver.DisposeAsync();
        await otherProcess.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task<WebhookSubscription> SubscribeAsync(IWebhookStore store, string organisationId)
    {
        var subscription = new WebhookSubscription(Guid.CreateVersion7(), organisationId, receiver.UrlFor("/" + organisationId), clock.GetUtcNow(), "admin-sun");
        Assert.True(await store.AddSubscriptionAsync(subscription, "secret-" + organisationId, await feed.HeadAsync()));
        return subscription;
    }

    [Fact]
    public async Task Two_dispatchers_running_at_once_send_each_notification_to_each_subscription_exactly_once()
    {
        var first = new PostgresWebhookStore(database.DataSource);
        var second = new PostgresWebhookStore(otherProcess);
        await SubscribeAsync(first, "B-R210104");
        await SubscribeAsync(first, "B-R210102");
        var one = dispatchers.Create(first, feed, clock, o => (o.FeedBatchSize, o.MaxConcurrentAttempts) = (7, 3));
        var other = dispatchers.Create(second, feed, clock, o => (o.FeedBatchSize, o.MaxConcurrentAttempts) = (7, 3));

        var expected = new List<(string Organisation, long NotificationId)>();
        for (var wave = 0; wave < 4; wave++)
        {
            for (var i = 0; i < 15; i++)
            {
                var organisation = i % 3 == 0 ? "B-R210102" : i % 3 == 1 ? "B-R210104" : "A-R210104-TRAFFIC";
                var notification = feed.Add(organisation, clock.GetUtcNow());
                if (organisation.StartsWith("B-", StringComparison.Ordinal))
                {
                    expected.Add((organisation, notification.Id));
                }
            }

            var rounds = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => (i % 2 == 0 ? one : other).RunOnceAsync())));
            Assert.All(rounds, r => Assert.Equal(0, r.Retrying + r.Failed));
        }

        // Rounds that race may each leave a page of the feed to the other, as a running dispatcher leaves it to its next
        // poll; the last wave has no next wave, so one more round of each picks up what is left.
        foreach (var dispatcher in new[] { one, other })
        {
            var last = await dispatcher.RunOnceAsync();
            Assert.Equal(0, last.Retrying + last.Failed);
        }

        var received = receiver.Received;
        Assert.Equal(received.Count, received.Select(r => r.Header("CaseGrains-Webhook-Id")).Distinct().Count());
        var sent = received.Select(r => (r.Path.TrimStart('/'), JsonDocument.Parse(r.Body).RootElement.GetProperty("notificationId").GetInt64()));
        Assert.Equal(expected.Order(), sent.Order());
        Assert.Equal(40L, await database.ScalarAsync<long>("SELECT count(*) FROM webhook_deliveries WHERE status = 'Delivered' AND attempts = 1"));
    }

    [Fact]
    public async Task A_delivery_whose_dispatcher_stopped_mid_attempt_is_sent_again_with_the_same_id_once_its_lease_has_run_out()
    {
        receiver.Answer = n => n == 1 ? WebhookReceiver.NoAnswer : 200;
        var subscription = await SubscribeAsync(new PostgresWebhookStore(database.DataSource), "B-R210104");
        feed.Add("B-R210104", clock.GetUtcNow());
        var stopping = dispatchers.Create(new PostgresWebhookStore(database.DataSource), feed, clock);
        var survivor = dispatchers.Create(new PostgresWebhookStore(otherProcess), feed, clock);

        // The first process is stopped while its attempt waits for an answer: it records nothing.
        using (var stop = new CancellationTokenSource())
        {
            var round = stopping.RunOnceAsync(stop.Token);
            await receiver.NextArrivalAsync();
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => round);
        }

        // Its lease (twice the attempt timeout and 30 s: 50 s) keeps the other from sending it meanwhile.
        clock.Advance(TimeSpan.FromSeconds(49));
        Assert.Equal(0, (await survivor.RunOnceAsync()).Attempts);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await survivor.RunOnceAsync()).Delivered);

        var requests = receiver.Received;
        Assert.Equal(2, requests.Count);
        Assert.Single(requests.Select(r => r.Header("CaseGrains-Webhook-Id")).Distinct());
        Assert.Single(requests.Select(r => r.BodyText).Distinct());
        var delivery = Assert.Single((await new PostgresWebhookStore(database.DataSource).ListDeliveriesAsync(subscription.Id, null, 1, 10)).Items);
        Assert.Equal((WebhookDeliveryStatus.Delivered, 1), (delivery.Status, delivery.Attempts));
    }
}
