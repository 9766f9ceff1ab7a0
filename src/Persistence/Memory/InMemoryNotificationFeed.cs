using CaseGrains.Persistence.Notifications;

namespace CaseGrains.Persistence.Memory;

/// <summary><see cref="INotificationFeed"/> over an <see cref="InMemoryDatabase"/>. Positions are handed out under the
/// database's lock by the commit that writes them, so every stored notification is readable at once and the list is
/// already in position order.</summary>
public sealed class InMemoryNotificationFeed(InMemoryDatabase database) : INotificationFeed
{
    public Task<IReadOnlyList<StoredNotification>> ReadAfterAsync(NotificationPosition after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after.Transaction, nameof(after));
        ArgumentOutOfRangeException.ThrowIfNegative(after.Id, nameof(after));
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        lock (database.Gate)
        {
            var notifications = database.Notifications;
            var start = FirstAfter(notifications, after);
            IReadOnlyList<StoredNotification> page = notifications.GetRange(start, Math.Min(limit, notifications.Count - start));
            return Task.FromResult(page);
        }
    }

    /// <summary>The index of the first notification positioned after <paramref name="after"/> (binary search: the list is
    /// in position order), so a poll costs the same however long the feed has grown.</summary>
    private static int FirstAfter(List<StoredNotification> notifications, NotificationPosition after)
    {
        var (low, high) = (0, notifications.Count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (notifications[middle].Position > after)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    public Task<NotificationPosition> HeadAsync(CancellationToken cancellationToken = default)
    {
        lock (database.Gate)
        {
            return Task.FromResult(database.Notifications.Count == 0 ? NotificationPosition.Start : database.Notifications[^1].Position);
        }
    }
}
