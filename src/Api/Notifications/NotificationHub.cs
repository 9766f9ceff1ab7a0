using CaseGrains.Persistence.Notifications;
using Microsoft.Extensions.Options;

namespace CaseGrains.Api.Notifications;

/// <summary>
/// The gateway's in-process fan-out of the notification feed: the <see cref="NotificationPoller"/> publishes every new
/// notification once, in feed order, and the hub hands each to the subscriptions whose recipient sees it
/// (<see cref="NotificationRecipient.Sees"/>), looked up by user and by organisation rather than by asking every
/// subscription. <see cref="Position"/> is the last position published; a subscription receives exactly what is
/// published after the position <see cref="SubscribeAsync"/> returned, so a stream that replays the feed up to that
/// position and then follows the subscription misses nothing and repeats nothing.
/// </summary>
public sealed class NotificationHub(IOptions<NotificationStreamOptions> options)
{
    /// <summary>How long a stream waits for the poller's first read of the feed before giving up.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, HashSet<NotificationSubscription>> byUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<NotificationSubscription>> byOrganisation = new(StringComparer.Ordinal);
    private NotificationPosition position;
    private bool stopped;

    /// <summary>The last position published (before the first publication, the feed's head when the poller started).</summary>
    public NotificationPosition Position
    {
        get
        {
            lock (gate)
            {
                return position;
            }
        }
    }

    /// <summary>How many streams are connected.</summary>
    public int SubscriberCount
    {
        get
        {
            lock (gate)
            {
                return byUser.Values.Sum(s => s.Count);
            }
        }
    }

    /// <summary>
    /// Subscribes <paramref name="recipient"/> once the poller has found where the feed stands, and returns the position
    /// the subscription starts after. After the hub has stopped the subscription is already ended. Throws
    /// <see cref="TimeoutException"/> when the poller has not reached the feed within <see cref="StartTimeout"/> (the
    /// database is unreachable), which the gateway answers with 503 and Retry-After.
    /// </summary>
    public async Task<(NotificationSubscription Subscription, NotificationPosition After)> SubscribeAsync(
        NotificationRecipient recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        await started.Task.WaitAsync(StartTimeout, cancellationToken);
        var subscription = new NotificationSubscription(this, recipient, options.Value.StreamBufferSize);
        lock (gate)
        {
            if (stopped)
            {
                subscription.End(overflowed: false);
            }
            else
            {
                Add(byUser, recipient.UserId, subscription);
                Add(byOrganisation, recipient.OrganisationId, subscription);
            }

            return (subscription, position);
        }
    }

    /// <summary>Opens the hub at the feed's head: subscriptions start after it. Called once by the poller.</summary>
    internal void Start(NotificationPosition head)
    {
        lock (gate)
        {
            position = head;
        }

        started.TrySetResult();
    }

    /// <summary>Hands each notification, in order, to the subscriptions that see it; ends those whose buffer is full.</summary>
    internal void Publish(IReadOnlyList<StoredNotification> notifications)
    {
        lock (gate)
        {
            // A subscription whose buffer was full gets nothing more, not even a later notification that would fit once
            // its reader has made room: its stream would skip the one that did not.
            HashSet<NotificationSubscription>? full = null;
            foreach (var notification in notifications)
            {
                foreach (var subscription in Candidates(notification))
                {
                    if (full?.Contains(subscription) != true && subscription.Recipient.Sees(notification) && !subscription.TryDeliver(notification))
                    {
                        (full ??= []).Add(subscription);
                    }
                }

                position = notification.Position;
            }

            foreach (var subscription in full ?? [])
            {
                RemoveLocked(subscription);
                subscription.End(overflowed: true);
            }
        }
    }

    /// <summary>Ends every subscription (the gateway is stopping), so that their streams finish.</summary>
    internal void Stop()
    {
        lock (gate)
        {
            stopped = true;
            foreach (var subscription in byUser.Values.SelectMany(s => s).ToList())
            {
                RemoveLocked(subscription);
                subscription.End(overflowed: false);
            }
        }
    }

    internal void Unsubscribe(NotificationSubscription subscription)
    {
        lock (gate)
        {
            RemoveLocked(subscription);
        }

        subscription.End(overflowed: false);
    }

    /// <summary>The subscriptions that may see the notification: its user's, or its organisation's (the role is checked
    /// by <see cref="NotificationRecipient.Sees"/>). A full buffer ends a subscription only after the loop, so the sets
    /// are not changed while they are read.</summary>
    private IEnumerable<NotificationSubscription> Candidates(StoredNotification notification) =>
        (notification.RecipientUserId is { } user ? byUser.GetValueOrDefault(user)
            : byOrganisation.GetValueOrDefault(notification.RecipientOrganisationId!)) ?? [];

    private void RemoveLocked(NotificationSubscription subscription)
    {
        Remove(byUser, subscription.Recipient.UserId, subscription);
        Remove(byOrganisation, subscription.Recipient.OrganisationId, subscription);
    }

    private static void Add(Dictionary<string, HashSet<NotificationSubscription>> index, string key, NotificationSubscription subscription)
    {
        if (!index.TryGetValue(key, out var set))
        {
            index[key] = set = [];
        }

        set.Add(subscription);
    }

    private static void Remove(Dictionary<string, HashSet<NotificationSubscription>> index, string key, NotificationSubscription subscription)
    {
        if (index.TryGetValue(key, out var set) && set.Remove(subscription) && set.Count == 0)
        {
            index.Remove(key);
        }
    }
}
