using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Webhooks;

namespace CaseGrains.Persistence.Memory;

/// <summary>
/// <see cref="IWebhookStore"/> in memory, for the embedded default: same rules and order as PostgreSQL. Its rows are
/// its own (webhooks refer to organisations and notifications only by id), and one lock makes each operation atomic,
/// as a transaction would be.
/// </summary>
public sealed class InMemoryWebhookStore : IWebhookStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, SubscriptionRow> subscriptions = [];
    private readonly Dictionary<Guid, DeliveryRow> deliveryRows = [];
    private readonly HashSet<(Guid SubscriptionId, long NotificationId)> enqueued = [];

    public Task<bool> AddSubscriptionAsync(WebhookSubscription subscription, string secret, NotificationPosition startAfter, CancellationToken cancellationToken = default)
    {
        WebhookStoreRules.ValidateSubscription(subscription, secret, startAfter);
        lock (gate)
        {
            if (subscriptions.ContainsKey(subscription.Id))
            {
                throw new InvalidOperationException($"A subscription with the id {subscription.Id} exists.");
            }

            if (subscriptions.Values.Any(s => s.Active && s.Subscription.OrganisationId == subscription.OrganisationId && s.Subscription.Url == subscription.Url))
            {
                return Task.FromResult(false);
            }

            subscriptions[subscription.Id] = new SubscriptionRow(subscription with { CreatedAt = WebhookStoreRules.Instant(subscription.CreatedAt) }, secret, startAfter);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<WebhookSubscriptionSummary>> ListSubscriptionsAsync(string organisationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisationId);
        lock (gate)
        {
            IReadOnlyList<WebhookSubscriptionSummary> listed = [.. subscriptions.Values
                .Where(s => s.Active && s.Subscription.OrganisationId == organisationId)
                .OrderBy(s => s.Subscription.CreatedAt)
                .ThenBy(s => s.Subscription.Url, StringComparer.Ordinal)
                .Select(s => new WebhookSubscriptionSummary(
                    s.Subscription,
                    deliveryRows.Values.LongCount(d => d.SubscriptionId == s.Subscription.Id && d.Status == WebhookDeliveryStatus.Pending),
                    deliveryRows.Values.LongCount(d => d.SubscriptionId == s.Subscription.Id && d.Status == WebhookDeliveryStatus.Failed)))];
            return Task.FromResult(listed);
        }
    }

    public Task<WebhookSubscription?> FindSubscriptionAsync(string organisationId, Guid subscriptionId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(ActiveOf(organisationId, subscriptionId)?.Subscription);
        }
    }

    public Task<bool> RemoveSubscriptionAsync(string organisationId, Guid subscriptionId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (ActiveOf(organisationId, subscriptionId) is not { } row)
            {
                return Task.FromResult(false);
            }

            row.Active = false;
            row.Secret = string.Empty;
            return Task.FromResult(true);
        }
    }

    public Task<bool> ReplaceSecretAsync(string organisationId, Guid subscriptionId, string secret, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        lock (gate)
        {
            if (ActiveOf(organisationId, subscriptionId) is not { } row)
            {
                return Task.FromResult(false);
            }

            row.Secret = secret;
            return Task.FromResult(true);
        }
    }

    public Task<WebhookDeliveryPage> ListDeliveriesAsync(Guid subscriptionId, WebhookDeliveryStatus? status, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        WebhookStoreRules.ValidatePaging(page, pageSize);
        lock (gate)
        {
            var matching = deliveryRows.Values
                .Where(d => d.SubscriptionId == subscriptionId && (status is null || d.Status == status))
                .OrderByDescending(d => d.NotificationId)
                .ToList();
            IReadOnlyList<WebhookDelivery> items = [.. matching.Skip((int)Math.Min((long)(page - 1) * pageSize, int.MaxValue)).Take(pageSize).Select(d => d.View())];
            return Task.FromResult(new WebhookDeliveryPage(items, matching.Count, page, pageSize));
        }
    }

    public Task<WebhookRetryOutcome> RetryDeliveryAsync(Guid subscriptionId, Guid deliveryId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!deliveryRows.TryGetValue(deliveryId, out var row) || row.SubscriptionId != subscriptionId)
            {
                return Task.FromResult(WebhookRetryOutcome.NotFound);
            }

            if (row.Status != WebhookDeliveryStatus.Failed)
            {
                return Task.FromResult(WebhookRetryOutcome.NotFailed);
            }

            row.Status = WebhookDeliveryStatus.Pending;
            row.Attempts = 0;
            row.NextAttemptAt = WebhookStoreRules.Instant(now);
            return Task.FromResult(WebhookRetryOutcome.Retried);
        }
    }

    public Task<IReadOnlyList<WebhookCursor>> ListCursorsAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<WebhookCursor> cursors = [.. subscriptions.Values
                .Where(s => s.Active)
                .OrderBy(s => s.Subscription.OrganisationId, StringComparer.Ordinal)
                .ThenBy(s => s.Subscription.Url, StringComparer.Ordinal)
                .Select(s => new WebhookCursor(s.Subscription.Id, s.Subscription.OrganisationId, s.Cursor))];
            return Task.FromResult(cursors);
        }
    }

    public Task<bool> EnqueueAsync(WebhookCursor cursor, NotificationPosition advanceTo, IReadOnlyList<WebhookDeliveryDraft> deliveries, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        WebhookStoreRules.ValidateEnqueue(cursor, advanceTo, deliveries);
        var at = WebhookStoreRules.Instant(now);
        lock (gate)
        {
            if (!subscriptions.TryGetValue(cursor.SubscriptionId, out var row) || !row.Active || row.Cursor != cursor.After)
            {
                return Task.FromResult(false);
            }

            if (deliveries.FirstOrDefault(d => deliveryRows.ContainsKey(d.Id)) is { } taken)
            {
                throw new InvalidOperationException($"A delivery with the id {taken.Id} exists.");
            }

            row.Cursor = advanceTo;
            foreach (var draft in deliveries.Where(d => enqueued.Add((cursor.SubscriptionId, d.NotificationId))))
            {
                deliveryRows[draft.Id] = new DeliveryRow(draft.Id, cursor.SubscriptionId, draft.NotificationId, draft.Body, at);
            }

            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<ClaimedWebhookDelivery>> ClaimDueAsync(Guid leaseId, DateTimeOffset now, TimeSpan leaseDuration, int limit, CancellationToken cancellationToken = default)
    {
        WebhookStoreRules.ValidateClaim(leaseDuration, limit);
        var at = WebhookStoreRules.Instant(now);
        var until = WebhookStoreRules.Instant(now + leaseDuration);
        lock (gate)
        {
            var due = deliveryRows.Values
                .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= at && !(d.LeaseUntil > at) && subscriptions[d.SubscriptionId].Active)
                .OrderBy(d => d.NextAttemptAt)
                .ThenBy(d => d.NotificationId)
                .ThenBy(d => d.Id.ToString("N"), StringComparer.Ordinal)
                .Take(limit)
                .ToList();
            IReadOnlyList<ClaimedWebhookDelivery> claimed = [.. due.Select(d =>
            {
                d.LeaseId = leaseId;
                d.LeaseUntil = until;
                var subscription = subscriptions[d.SubscriptionId];
                return new ClaimedWebhookDelivery(d.Id, d.SubscriptionId, d.NotificationId, subscription.Subscription.Url, subscription.Secret, d.Body, d.Attempts, leaseId);
            })];
            return Task.FromResult(claimed);
        }
    }

    public Task<bool> RecordAttemptAsync(WebhookAttempt attempt, CancellationToken cancellationToken = default)
    {
        var normalised = WebhookStoreRules.Normalised(attempt);
        lock (gate)
        {
            if (!deliveryRows.TryGetValue(normalised.DeliveryId, out var row) || row.Status != WebhookDeliveryStatus.Pending || row.LeaseId != normalised.LeaseId)
            {
                return Task.FromResult(false);
            }

            row.Attempts++;
            row.Status = normalised.Outcome;
            row.NextAttemptAt = normalised.NextAttemptAt;
            row.LastStatusCode = normalised.StatusCode;
            row.LastError = normalised.Error;
            row.DeliveredAt = normalised.Outcome == WebhookDeliveryStatus.Delivered ? normalised.At : null;
            row.LeaseId = null;
            row.LeaseUntil = null;
            return Task.FromResult(true);
        }
    }

    private SubscriptionRow? ActiveOf(string organisationId, Guid subscriptionId) =>
        subscriptions.TryGetValue(subscriptionId, out var row) && row.Active && row.Subscription.OrganisationId == organisationId ? row : null;

    private sealed class SubscriptionRow(WebhookSubscription subscription, string secret, NotificationPosition cursor)
    {
        public WebhookSubscription Subscription { get; } = subscription;

        public string Secret { get; set; } = secret;

        public bool Active { get; set; } = true;

        public NotificationPosition Cursor { get; set; } = cursor;
    }

    private sealed class DeliveryRow(Guid id, Guid subscriptionId, long notificationId, string body, DateTimeOffset createdAt)
    {
        public Guid Id { get; } = id;

        public Guid SubscriptionId { get; } = subscriptionId;

        public long NotificationId { get; } = notificationId;

        public string Body { get; } = body;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public WebhookDeliveryStatus Status { get; set; } = WebhookDeliveryStatus.Pending;

        public int Attempts { get; set; }

        public DateTimeOffset? NextAttemptAt { get; set; } = createdAt;

        public int? LastStatusCode { get; set; }

        public string? LastError { get; set; }

        public DateTimeOffset? DeliveredAt { get; set; }

        public Guid? LeaseId { get; set; }

        public DateTimeOffset? LeaseUntil { get; set; }

        public WebhookDelivery View() =>
            new(Id, SubscriptionId, NotificationId, Status, Attempts, NextAttemptAt, LastStatusCode, LastError, CreatedAt, DeliveredAt);
    }
}
