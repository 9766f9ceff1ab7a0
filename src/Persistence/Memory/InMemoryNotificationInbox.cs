using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;

namespace CaseGrains.Persistence.Memory;

/// <summary><see cref="INotificationInbox"/> over an <see cref="InMemoryDatabase"/>: the notifications
/// <see cref="InMemoryCaseStore"/>'s commits wrote, with the same visibility rule, order and read state as PostgreSQL.</summary>
public sealed class InMemoryNotificationInbox(InMemoryDatabase database) : INotificationInbox
{
    public Task<InboxPage> ListAsync(NotificationRecipient recipient, InboxQuery query, CancellationToken cancellationToken = default)
    {
        InboxRules.Validate(recipient, query);
        lock (database.Gate)
        {
            var items = Visible(recipient)
                .Reverse()
                .Where(n => query.Before is null || n.Id < query.Before)
                .Where(n => query.CaseId is null || string.Equals(n.CaseId, query.CaseId, StringComparison.Ordinal))
                .Select(n => new InboxItem(n, ReadAt(recipient, n)))
                .Where(i => !query.UnreadOnly || !i.Read)
                .Take(query.Limit + 1)
                .ToList();
            var more = items.Count > query.Limit;
            return Task.FromResult(more
                ? new InboxPage(items[..query.Limit], items[query.Limit - 1].Notification.Id)
                : new InboxPage(items, null));
        }
    }

    public Task<long> CountUnreadAsync(NotificationRecipient recipient, CancellationToken cancellationToken = default)
    {
        InboxRules.Validate(recipient);
        lock (database.Gate)
        {
            return Task.FromResult(Visible(recipient).LongCount(n => ReadAt(recipient, n) is null));
        }
    }

    public Task<bool> MarkReadAsync(NotificationRecipient recipient, long notificationId, DateTimeOffset readAt, CancellationToken cancellationToken = default)
    {
        InboxRules.Validate(recipient);
        var at = CaseCommitRules.NormaliseInstant(readAt);
        lock (database.Gate)
        {
            // Ids start at 1 and are dense in memory, so the notification with an id is at index id - 1.
            var index = notificationId - 1;
            if (index < 0 || index >= database.Notifications.Count || !recipient.Sees(database.Notifications[(int)index]))
            {
                return Task.FromResult(false);
            }

            database.NotificationReads.TryAdd((recipient.UserId, notificationId), at);
            return Task.FromResult(true);
        }
    }

    public Task<long> MarkAllReadAsync(NotificationRecipient recipient, DateTimeOffset readAt, CancellationToken cancellationToken = default)
    {
        InboxRules.Validate(recipient);
        var at = CaseCommitRules.NormaliseInstant(readAt);
        lock (database.Gate)
        {
            var marked = 0L;
            foreach (var notification in Visible(recipient))
            {
                if (database.NotificationReads.TryAdd((recipient.UserId, notification.Id), at))
                {
                    marked++;
                }
            }

            return Task.FromResult(marked);
        }
    }

    private IEnumerable<StoredNotification> Visible(NotificationRecipient recipient) => database.Notifications.Where(recipient.Sees);

    private DateTimeOffset? ReadAt(NotificationRecipient recipient, StoredNotification notification) =>
        database.NotificationReads.TryGetValue((recipient.UserId, notification.Id), out var at) ? at : null;
}
