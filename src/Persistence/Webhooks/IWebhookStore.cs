using CaseGrains.Persistence.Notifications;

namespace CaseGrains.Persistence.Webhooks;

/// <summary>
/// Webhook subscriptions and their deliveries. Administrators add, list and remove subscriptions, replace their
/// secrets, read deliveries and retry failed ones; dispatchers (any number of processes at once) turn the notification
/// feed into deliveries and send them.
/// </summary>
/// <remarks>
/// <para>
/// Enqueueing: a dispatcher reads the active subscriptions' cursors (<see cref="ListCursorsAsync"/>), reads the feed
/// after them, and calls <see cref="EnqueueAsync"/> per subscription, which advances the cursor only if it is still
/// where the dispatcher read it, and stores the deliveries in the same transaction. Of two dispatchers that read the
/// same cursor, one enqueues and the other is told it lost; and a notification is never enqueued twice for one
/// subscription, whatever happens.
/// </para>
/// <para>
/// Sending: <see cref="ClaimDueAsync"/> leases due deliveries to one dispatcher, so no other claims them until the
/// lease ends, and <see cref="RecordAttemptAsync"/> records an attempt's outcome only for the lease's holder. A
/// dispatcher that dies mid-attempt leaves a lease that runs out, and the delivery is claimed and sent again: delivery
/// is at least once, and receivers deduplicate by the delivery id.
/// </para>
/// <para>All times are the caller's (its <see cref="TimeProvider"/>), stored to the microsecond.</para>
/// </remarks>
public interface IWebhookStore
{
    /// <summary>Adds an active subscription with <paramref name="secret"/>, its cursor at <paramref name="startAfter"/>:
    /// it is sent the notifications positioned after it. Callers pass the feed's head
    /// (<see cref="INotificationFeed.HeadAsync"/>), read before calling, so that a new subscription receives what happens
    /// from then on and nothing older. False when the organisation already has an active subscription for the same
    /// address.</summary>
    Task<bool> AddSubscriptionAsync(WebhookSubscription subscription, string secret, NotificationPosition startAfter, CancellationToken cancellationToken = default);

    /// <summary>The organisation's active subscriptions, oldest first, with their pending and failed delivery counts.</summary>
    Task<IReadOnlyList<WebhookSubscriptionSummary>> ListSubscriptionsAsync(string organisationId, CancellationToken cancellationToken = default);

    /// <summary>The organisation's active subscription with this id, or null.</summary>
    Task<WebhookSubscription?> FindSubscriptionAsync(string organisationId, Guid subscriptionId, CancellationToken cancellationToken = default);

    /// <summary>Deactivates the organisation's subscription and forgets its secret; its deliveries stay, and are no longer
    /// sent. False when there is no such active subscription.</summary>
    Task<bool> RemoveSubscriptionAsync(string organisationId, Guid subscriptionId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the secret of the organisation's active subscription; attempts from now on are signed with it.
    /// False when there is no such active subscription.</summary>
    Task<bool> ReplaceSecretAsync(string organisationId, Guid subscriptionId, string secret, CancellationToken cancellationToken = default);

    /// <summary>Page <paramref name="page"/> (from 1) of the subscription's deliveries, in <paramref name="status"/> or
    /// any, newest notification first.</summary>
    Task<WebhookDeliveryPage> ListDeliveriesAsync(Guid subscriptionId, WebhookDeliveryStatus? status, int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>Makes the subscription's failed delivery pending again, due at <paramref name="now"/>, with its attempts
    /// counted from zero (an administrator retries after fixing the receiver, so it gets the whole schedule again).</summary>
    Task<WebhookRetryOutcome> RetryDeliveryAsync(Guid subscriptionId, Guid deliveryId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Every active subscription's cursor.</summary>
    Task<IReadOnlyList<WebhookCursor>> ListCursorsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Advances the subscription's cursor from <paramref name="cursor"/>'s position to <paramref name="advanceTo"/> (the
    /// position of the last notification the dispatcher read) and stores <paramref name="deliveries"/> (pending, due at
    /// <paramref name="now"/>) in one transaction, if the subscription is still active and its cursor still there and not
    /// being advanced by another dispatcher; otherwise changes nothing and returns false. Every delivery's notification
    /// must be positioned after the cursor, up to <paramref name="advanceTo"/>, and appear once.
    /// </summary>
    Task<bool> EnqueueAsync(WebhookCursor cursor, NotificationPosition advanceTo, IReadOnlyList<WebhookDeliveryDraft> deliveries, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases up to <paramref name="limit"/> deliveries of active subscriptions that are pending, due at
    /// <paramref name="now"/> and not leased (or whose lease has run out) to <paramref name="leaseId"/> until
    /// <paramref name="now"/> + <paramref name="leaseDuration"/>, earliest due first. Dispatchers claiming at the same
    /// time get disjoint sets.
    /// </summary>
    Task<IReadOnlyList<ClaimedWebhookDelivery>> ClaimDueAsync(Guid leaseId, DateTimeOffset now, TimeSpan leaseDuration, int limit, CancellationToken cancellationToken = default);

    /// <summary>Records one attempt (one more attempt, the new status, answer and error, the lease released) if the
    /// delivery is still pending under the attempt's lease; false, changing nothing, when that lease was lost.</summary>
    Task<bool> RecordAttemptAsync(WebhookAttempt attempt, CancellationToken cancellationToken = default);
}
