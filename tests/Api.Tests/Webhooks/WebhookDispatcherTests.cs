using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseGrains.Api.Tests.Infrastructure;
using CaseGrains.Hosting.Webhooks;
using CaseGrains.Persistence.Memory;
using CaseGrains.Persistence.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace CaseGrains.Api.Tests.Webhooks;

/// <summary>
/// The dispatcher against a real HTTP receiver on loopback, on a fake clock: what it sends (body, headers, a signature
/// the receiver can verify with nothing but the secret), to whom, and when it tries again.
/// </summary>
public sealed class WebhookDispatcherTests : IAsyncLifetime
{
    private const string Organisation = "B-R210104";
    private const string Secret = "q8Jv2mXo4TLs9bYz0Wc3RkUe7NhA5gPd1FiQ6tVyBxM";
    private static readonly DateTimeOffset T0 = new(2025, 3, 10, 1, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider clock = new(T0);
    private readonly InMemoryWebhookStore store = new();
    private readonly TestNotificationFeed feed = new();
    private readonly Dispatchers dispatchers = new();
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await dispatchers.DisposeAsync();
        await receiver.DisposeAsync();
    }

    private async Task<WebhookSubscription> SubscribeAsync(string? url = null, string organisationId = Organisation)
    {
        var subscription = new WebhookSubscription(Guid.CreateVersion7(), organisationId, url ?? receiver.UrlFor("/hooks/casegrains"), clock.GetUtcNow(), "admin-sun");
        Assert.True(await store.AddSubscriptionAsync(subscription, Secret, await feed.HeadAsync()));
        return subscription;
    }

    private WebhookDispatcher Dispatcher(Action<WebhookOptions>? configure = null, CapturedLogs? logs = null) => dispatchers.Create(store, feed, clock, configure, logs);

    private async Task<WebhookDelivery> OnlyDeliveryAsync(WebhookSubscription subscription) =>
        Assert.Single((await store.ListDeliveriesAsync(subscription.Id, null, 1, 10)).Items);

    /// <summary>What a receiver computes to check a request, from the secret and the request alone.</summary>
    private static string ExpectedSignature(string secret, ReceivedWebhook request)
    {
        byte[] signed = [.. Encoding.UTF8.GetBytes(request.Header("CaseGrains-Webhook-Timestamp") + "."), .. request.Body];
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    [Fact]
    public async Task Every_notification_for_the_organisation_is_posted_once_with_its_body_id_timestamp_and_a_verifiable_signature()
    {
        var subscription = await SubscribeAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        var forOfficers = feed.Add(Organisation, clock.GetUtcNow(), role: "caseOfficer");
        feed.Add("B-R210102", clock.GetUtcNow());
        feed.Add(null, clock.GetUtcNow(), userId: "officer-wang");
        var forAll = feed.Add(Organisation, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(1));

        var round = await Dispatcher().RunOnceAsync();

        Assert.Equal(new WebhookDispatchRound(2, 2, 0, 0), round);
        var requests = receiver.Received;
        Assert.Equal(2, requests.Count);
        foreach (var (request, notification) in requests.OrderBy(r => r.BodyText.Contains("\"notificationId\":4", StringComparison.Ordinal)).Zip([forOfficers, forAll]))
        {
            Assert.Equal("/hooks/casegrains", request.Path);
            Assert.Equal("application/json; charset=utf-8", request.ContentType);
            Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("CaseGrains-Webhook-Timestamp"));
            Assert.Equal(ExpectedSignature(Secret, request), request.Header("CaseGrains-Webhook-Signature"));

            using var body = JsonDocument.Parse(request.Body);
            var json = body.RootElement;
            Assert.Equal(request.Header("CaseGrains-Webhook-Id"), json.GetProperty("id").GetString());
            Assert.Equal("reminderFired", json.GetProperty("type").GetString());
            Assert.Equal(notification.Id, json.GetProperty("notificationId").GetInt64());
            Assert.Equal(notification.CaseId, json.GetProperty("caseId").GetString());
            Assert.Equal(notification.CreatedAt, json.GetProperty("createdAt").GetDateTimeOffset());
            Assert.Equal(Organisation, json.GetProperty("recipientOrganisationId").GetString());
            Assert.Equal(notification.RecipientRole, json.GetProperty("recipientRole").GetString());
            Assert.Equal("答复期限即将届满", json.GetProperty("title").GetString());
            Assert.Equal(notification.Text, json.GetProperty("text").GetString());
            Assert.Equal(notification.Id, json.GetProperty("payload").GetProperty("sequence").GetInt64());
        }

        Assert.All((await store.ListDeliveriesAsync(subscription.Id, null, 1, 10)).Items, d =>
            Assert.Equal((WebhookDeliveryStatus.Delivered, 1, 200, clock.GetUtcNow()), (d.Status, d.Attempts, d.LastStatusCode, d.DeliveredAt!.Value)));

        // Nothing is sent twice, and a later notification is sent in a later round.
        Assert.Equal(new WebhookDispatchRound(0, 0, 0, 0), await Dispatcher().RunOnceAsync());
        feed.Add(Organisation, clock.GetUtcNow());
        Assert.Equal(new WebhookDispatchRound(1, 1, 0, 0), await Dispatcher().RunOnceAsync());
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task A_subscription_is_sent_what_the_feed_has_after_its_head_at_subscribing_whatever_the_notifications_times()
    {
        feed.Add(Organisation, clock.GetUtcNow().AddSeconds(30));
        var subscription = await SubscribeAsync();

        // Written after the subscription by a silo whose clock is a minute behind the gateway's.
        var after = feed.Add(Organisation, clock.GetUtcNow().AddMinutes(-1));

        await Dispatcher().RunOnceAsync();

        Assert.Equal(after.Id, (await OnlyDeliveryAsync(subscription)).NotificationId);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task A_notification_the_feed_hands_out_after_one_with_a_higher_id_is_sent_too()
    {
        var subscription = await SubscribeAsync();
        var (first, second) = feed.AddOutOfIdOrder(Organisation, clock.GetUtcNow());
        Assert.True(second.Id < first.Id);

        // One notification a page: the cursor stands at the first (the higher id) when the second is read.
        var round = await Dispatcher(o => o.FeedBatchSize = 1).RunOnceAsync();

        Assert.Equal(new WebhookDispatchRound(2, 2, 0, 0), round);
        var sent = (await store.ListDeliveriesAsync(subscription.Id, null, 1, 10)).Items.Select(d => d.NotificationId);
        Assert.Equal([second.Id, first.Id], sent.Order());
        Assert.Equal(second.Position, (await store.ListCursorsAsync()).Single().After);
    }

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_the_delivery_on_the_third_attempt_at_the_backoff_times()
    {
        receiver.Answer = n => n <= 2 ? 503 : 204;
        var subscription = await SubscribeAsync();
        feed.Add(Organisation, clock.GetUtcNow());
        var dispatcher = Dispatcher();

        Assert.Equal(new WebhookDispatchRound(1, 0, 1, 0), await dispatcher.RunOnceAsync());
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, 503, T0.AddSeconds(10)), Retry(await OnlyDeliveryAsync(subscription)));

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, (await dispatcher.RunOnceAsync()).Attempts);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new WebhookDispatchRound(0, 0, 1, 0), await dispatcher.RunOnceAsync());
        Assert.Equal((WebhookDeliveryStatus.Pending, 2, 503, T0.AddSeconds(30)), Retry(await OnlyDeliveryAsync(subscription)));

        clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(0, (await dispatcher.RunOnceAsync()).Attempts);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new WebhookDispatchRound(0, 1, 0, 0), await dispatcher.RunOnceAsync());

        var delivered = await OnlyDeliveryAsync(subscription);
        Assert.Equal((WebhookDeliveryStatus.Delivered, 3, 204, T0.AddSeconds(30)), (delivered.Status, delivered.Attempts, delivered.LastStatusCode, delivered.DeliveredAt!.Value));
        Assert.Null(delivered.LastError);

        // Three requests at 0, 10 and 30 seconds: the same delivery id and body each time, signed at its own time.
        var requests = receiver.Received;
        Assert.Equal(
            [T0.ToUnixTimeSeconds(), T0.AddSeconds(10).ToUnixTimeSeconds(), T0.AddSeconds(30).ToUnixTimeSeconds()],
            requests.Select(r => long.Parse(r.Header("CaseGrains-Webhook-Timestamp"), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Single(requests.Select(r => r.Header("CaseGrains-Webhook-Id")).Distinct());
        Assert.Single(requests.Select(r => r.BodyText).Distinct());
        Assert.All(requests, r => Assert.Equal(ExpectedSignature(Secret, r), r.Header("CaseGrains-Webhook-Signature")));
    }

    private static (WebhookDeliveryStatus, int, int?, DateTimeOffset?) Retry(WebhookDelivery delivery) =>
        (delivery.Status, delivery.Attempts, delivery.LastStatusCode, delivery.NextAttemptAt);

    [Fact]
    public async Task A_receiver_that_always_fails_makes_the_delivery_fail_after_the_last_attempt_and_it_is_not_sent_again()
    {
        receiver.Answer = _ => 500;
        var subscription = await SubscribeAsync();
        feed.Add(Organisation, clock.GetUtcNow());
        var dispatcher = Dispatcher(o => o.MaxAttempts = 3);

        Assert.Equal(1, (await dispatcher.RunOnceAsync()).Retrying);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, (await dispatcher.RunOnceAsync()).Retrying);
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(new WebhookDispatchRound(0, 0, 0, 1), await dispatcher.RunOnceAsync());
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await dispatcher.RunOnceAsync()).Attempts);

        var failed = await OnlyDeliveryAsync(subscription);
        Assert.Equal((WebhookDeliveryStatus.Failed, 3, 500, (DateTimeOffset?)null), Retry(failed));
        Assert.Equal("the receiver answered HTTP 500", failed.LastError);
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task An_attempt_without_an_answer_within_the_timeout_is_a_failed_attempt_and_is_retried()
    {
        receiver.Answer = n => n == 1 ? WebhookReceiver.NoAnswer : 200;
        var subscription = await SubscribeAsync();
        feed.Add(Organisation, clock.GetUtcNow());
        var dispatcher = Dispatcher();

        var round = dispatcher.RunOnceAsync();
        await receiver.NextArrivalAsync();
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(new WebhookDispatchRound(1, 0, 1, 0), await round);
        var retrying = await OnlyDeliveryAsync(subscription);
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, null, T0.AddSeconds(20)), Retry(retrying));
        Assert.Equal("no answer within 10 s", retrying.LastError);

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, (await dispatcher.RunOnceAsync()).Delivered);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_but_counted_as_a_failed_attempt()
    {
        receiver.Answer = _ => 302;
        var subscription = await SubscribeAsync();
        feed.Add(Organisation, clock.GetUtcNow());

        await Dispatcher().RunOnceAsync();

        var delivery = await OnlyDeliveryAsync(subscription);
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, 302, T0.AddSeconds(10)), Retry(delivery));
        Assert.Equal("/hooks/casegrains", Assert.Single(receiver.Received).Path);
    }

    [Fact]
    public async Task An_address_where_nothing_listens_is_a_failed_attempt_naming_only_the_kind_of_failure()
    {
        var subscription = await SubscribeAsync($"http://127.0.0.1:{FreePort.Next()}/hooks?token=do-not-log");
        feed.Add(Organisation, clock.GetUtcNow());

        Assert.Equal(1, (await Dispatcher().RunOnceAsync()).Retrying);

        var delivery = await OnlyDeliveryAsync(subscription);
        Assert.Equal("the request failed (ConnectionError)", delivery.LastError);
        Assert.Null(delivery.LastStatusCode);
    }

    [Fact]
    public async Task After_the_secret_is_replaced_the_next_attempt_is_signed_with_the_new_one()
    {
        receiver.Answer = n => n == 1 ? 500 : 200;
        var subscription = await SubscribeAsync();
        feed.Add(Organisation, clock.GetUtcNow());
        var dispatcher = Dispatcher();
        await dispatcher.RunOnceAsync();

        Assert.True(await store.ReplaceSecretAsync(Organisation, subscription.Id, "a-new-secret"));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, (await dispatcher.RunOnceAsync()).Delivered);

        var (first, second) = (receiver.Received[0], receiver.Received[1]);
        Assert.Equal(ExpectedSignature(Secret, first), first.Header("CaseGrains-Webhook-Signature"));
        Assert.Equal(ExpectedSignature("a-new-secret", second), second.Header("CaseGrains-Webhook-Signature"));
    }

    [Fact]
    public async Task The_logs_name_deliveries_by_id_and_never_show_the_secret_the_address_or_the_body()
    {
        var logs = new CapturedLogs();
        receiver.Answer = n => n == 1 ? 500 : 200;
        await SubscribeAsync(receiver.UrlFor("/hooks/casegrains?token=receiver-token-123"));
        feed.Add(Organisation, clock.GetUtcNow());
        var dispatcher = Dispatcher(logs: logs);

        await dispatcher.RunOnceAsync();
        clock.Advance(TimeSpan.FromSeconds(10));
        await dispatcher.RunOnceAsync();

        Assert.Equal(2, receiver.Received.Count);
        var deliveryId = receiver.Received[0].Header("CaseGrains-Webhook-Id");
        Assert.Contains(logs.Entries, e => e.StartsWith("Warning", StringComparison.Ordinal) && e.Contains(deliveryId, StringComparison.Ordinal));
        Assert.All(logs.Entries, e =>
        {
            Assert.DoesNotContain(Secret, e, StringComparison.Ordinal);
            Assert.DoesNotContain("receiver-token-123", e, StringComparison.Ordinal);
            Assert.DoesNotContain(receiver.BaseUrl, e, StringComparison.Ordinal);
            Assert.DoesNotContain("答复期限", e, StringComparison.Ordinal);
        });
    }
}
