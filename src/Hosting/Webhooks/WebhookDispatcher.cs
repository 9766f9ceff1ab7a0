using System.Globalization;
using System.Text;
using CaseGrains.Domain.Time;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseGrains.Hosting.Webhooks;

/// <summary>
/// Sends every organisation's notifications to its webhook subscriptions. Each round (<see cref="RunOnceAsync"/>)
/// first turns new notifications of the feed into deliveries (one per notification addressed to the subscription's
/// organisation, whatever role it names), then claims the deliveries that are due and makes one attempt at each:
/// a POST of the stored body, signed (<see cref="WebhookSignature"/>), within <see cref="WebhookOptions.AttemptTimeout"/>.
/// A 2xx answer delivers it; anything else is retried after <see cref="WebhookBackoff"/>'s delay, until the last
/// attempt marks it failed for an administrator to see and retry.
/// </summary>
/// <remarks>
/// Any number of processes run this at once against one database: the store lets one of them advance a subscription's
/// cursor and leases each due delivery to one of them (<see cref="IWebhookStore"/>). A process that dies mid-attempt
/// leaves its lease to run out, and another sends the delivery again with the same id: at least once. Logs name
/// deliveries and subscriptions by id only: never the address (it may carry a token), the body or the secret.
/// </remarks>
public sealed partial class WebhookDispatcher(
    IWebhookStore store,
    INotificationFeed feed,
    IHttpClientFactory httpClients,
    IOptions<WebhookOptions> options,
    PlatformClock clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>The name of the <see cref="HttpClient"/> configuration webhook requests use (<see cref="WebhookRegistration"/>).</summary>
    public const string HttpClientName = "CaseGrains.Webhooks";

    // Bounds on one round's work, so that a large backlog is worked off over several rounds rather than in one that
    // never ends; either bound is far above what one poll interval normally brings.
    private const int MaxFeedPagesPerRound = 50;
    private const int MaxClaimsPerRound = 50;

    private readonly WebhookOptions settings = options.Value;
    private readonly WebhookBackoff backoff = options.Value.Backoff();

    /// <summary>One round: enqueue what the feed has new, then attempt every delivery that is due now.</summary>
    public async Task<WebhookDispatchRound> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var enqueued = await EnqueueAsync(cancellationToken);
        var outcomes = new List<WebhookDeliveryStatus>();
        for (var claim = 0; claim < MaxClaimsPerRound; claim++)
        {
            var due = await store.ClaimDueAsync(Guid.NewGuid(), clock.GetUtcNow(), settings.LeaseDuration, settings.MaxConcurrentAttempts, cancellationToken);
            var recorded = await Task.WhenAll(due.Select(d => AttemptAsync(d, cancellationToken)));
            outcomes.AddRange(recorded.OfType<WebhookDeliveryStatus>());
            if (due.Count < settings.MaxConcurrentAttempts)
            {
                break;
            }
        }

        return new WebhookDispatchRound(
            enqueued,
            outcomes.Count(o => o == WebhookDeliveryStatus.Delivered),
            outcomes.Count(o => o == WebhookDeliveryStatus.Pending),
            outcomes.Count(o => o == WebhookDeliveryStatus.Failed));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be briefly unreachable; the next round picks up where this one stopped.
                LogRoundFailed(logger, exception);
                await Task.Delay(settings.PollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Reads the feed after the cursor furthest behind and enqueues, per subscription, the notifications
    /// positioned after its own cursor and addressed to its organisation; every cursor moves to the position of the last
    /// notification read. A subscription whose cursor another dispatcher moved meanwhile is left to that dispatcher.</summary>
    private async Task<int> EnqueueAsync(CancellationToken cancellationToken)
    {
        var cursors = await store.ListCursorsAsync(cancellationToken);
        var enqueued = 0;
        for (var page = 0; page < MaxFeedPagesPerRound && cursors.Count > 0; page++)
        {
            var batch = await feed.ReadAfterAsync(cursors.Min(c => c.After), settings.FeedBatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var end = batch[^1].Position;
            var now = clock.GetUtcNow();
            var advanced = new List<WebhookCursor>();
            foreach (var cursor in cursors)
            {
                if (cursor.After >= end)
                {
                    advanced.Add(cursor);
                    continue;
                }

                IReadOnlyList<WebhookDeliveryDraft> drafts = [.. batch.Where(n => IsFor(cursor, n)).Select(n => Draft(n, now))];
                if (await store.EnqueueAsync(cursor, end, drafts, now, cancellationToken))
                {
                    enqueued += drafts.Count;
                    advanced.Add(cursor with { After = end });
                }
            }

            cursors = advanced;
            if (batch.Count < settings.FeedBatchSize)
            {
                break;
            }
        }

        return enqueued;
    }

    /// <summary>Whether the subscription is still to be sent the notification. By position, not by time: the cursor
    /// started at the feed's head when the subscription was created, so whatever lies after it came later, whereas
    /// comparing times would set the clock of the silo that wrote the notification against that of the gateway that took
    /// the subscription.</summary>
    private static bool IsFor(WebhookCursor cursor, StoredNotification notification) =>
        notification.Position > cursor.After
        && string.Equals(notification.RecipientOrganisationId, cursor.OrganisationId, StringComparison.Ordinal);

    private static WebhookDeliveryDraft Draft(StoredNotification notification, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        return new WebhookDeliveryDraft(id, notification.Position, WebhookBody.Of(id, notification));
    }

    /// <summary>One attempt, recorded; the recorded status, or null when the lease was lost meanwhile (another
    /// dispatcher has the delivery now, and records its own attempt).</summary>
    private async Task<WebhookDeliveryStatus?> AttemptAsync(ClaimedWebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var (statusCode, error) = await SendAsync(delivery, cancellationToken);
        var at = clock.GetUtcNow();
        var attempt = delivery.Attempts + 1;
        var retryIn = error is null ? null : backoff.DelayAfter(attempt, Random.Shared.NextDouble());
        var outcome = error is null ? WebhookDeliveryStatus.Delivered
            : retryIn is null ? WebhookDeliveryStatus.Failed
            : WebhookDeliveryStatus.Pending;
        var nextAttemptAt = at + retryIn;
        if (!await store.RecordAttemptAsync(new WebhookAttempt(delivery.Id, delivery.LeaseId, at, outcome, nextAttemptAt, statusCode, error), cancellationToken))
        {
            LogLeaseLost(logger, delivery.Id, delivery.SubscriptionId, attempt);
            return null;
        }

        switch (outcome)
        {
            case WebhookDeliveryStatus.Delivered:
                LogDelivered(logger, delivery.Id, delivery.SubscriptionId, attempt, statusCode);
                break;
            case WebhookDeliveryStatus.Pending:
                LogRetrying(logger, delivery.Id, delivery.SubscriptionId, attempt, error, nextAttemptAt);
                break;
            default:
                LogFailed(logger, delivery.Id, delivery.SubscriptionId, attempt, error);
                break;
        }

        return outcome;
    }

    /// <summary>POSTs the delivery; the receiver's status code (when it is a valid one) and, unless it was 2xx, what went
    /// wrong, in words that never quote the address or the receiver's answer.</summary>
    private async Task<(int? StatusCode, string? Error)> SendAsync(ClaimedWebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookHeaders.Id, delivery.Id.ToString());
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(delivery.Secret, timestamp, delivery.Body));

        // On the platform's clock, so that tests with a fake clock decide when an attempt has taken too long.
        using var timeout = new CancellationTokenSource(settings.AttemptTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var code = (int)response.StatusCode;
            return (code is >= 100 and <= 599 ? code : null, response.IsSuccessStatusCode ? null : $"the receiver answered HTTP {code}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"no answer within {settings.AttemptTimeout.TotalSeconds:0.###} s"));
        }
        catch (HttpRequestException exception)
        {
            return (null, $"the request failed ({exception.HttpRequestError})");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhooks: a dispatch round failed; the next round continues.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook delivery {DeliveryId} of subscription {SubscriptionId} delivered on attempt {Attempt} (HTTP {StatusCode}).")]
    private static partial void LogDelivered(ILogger logger, Guid deliveryId, Guid subscriptionId, int attempt, int? statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} of subscription {SubscriptionId}: attempt {Attempt} failed ({Error}); next attempt at {NextAttemptAt:O}.")]
    private static partial void LogRetrying(ILogger logger, Guid deliveryId, Guid subscriptionId, int attempt, string? error, DateTimeOffset? nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} of subscription {SubscriptionId} failed for good after {Attempt} attempts ({Error}).")]
    private static partial void LogFailed(ILogger logger, Guid deliveryId, Guid subscriptionId, int attempt, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} of subscription {SubscriptionId}: attempt {Attempt} was made after its lease ran out; another dispatcher records its own.")]
    private static partial void LogLeaseLost(ILogger logger, Guid deliveryId, Guid subscriptionId, int attempt);
}
