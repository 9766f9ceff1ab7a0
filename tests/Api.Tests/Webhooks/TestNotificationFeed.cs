using CaseGrains.Persistence.Notifications;

namespace CaseGrains.Api.Tests.Webhooks;

/// <summary>
/// A notification feed the test writes to: ids 1, 2, 3... in the order added, each notification committed by a
/// transaction of its own and readable at once, read as <see cref="INotificationFeed"/> promises. It stands in for the
/// notification store, which the webhook dispatcher only ever reads through the feed. <see cref="AddOutOfIdOrder"/>
/// writes what PostgreSQL's feed can hand out: a notification with a higher id before one with a lower id.
/// </summary>
public sealed class TestNotificationFeed : INotificationFeed
{
    private readonly Lock gate = new();
    private readonly List<StoredNotification> notifications = [];
    private long lastTransaction;

    /// <summary>Adds a notification addressed to <paramref name="organisationId"/> (and <paramref name="role"/>), or to
    /// <paramref name="userId"/> alone when the organisation is null.</summary>
    public StoredNotification Add(string? organisationId, DateTimeOffset createdAt, string? role = null, string? userId = null)
    {
        lock (gate)
        {
            return Commit(++lastTransaction, notifications.Count + 1L, organisationId, createdAt, role, userId);
        }
    }

    /// <summary>
    /// Two notifications to <paramref name="organisationId"/> from concurrent transactions: the younger transaction took
    /// the lower id, so the feed hands out the higher id first. Returned in feed order.
    /// </summary>
    public (StoredNotification First, StoredNotification Second) AddOutOfIdOrder(string organisationId, DateTimeOffset createdAt)
    {
        lock (gate)
        {
            var lowerId = notifications.Count + 1L;
            var older = ++lastTransaction;
            var younger = ++lastTransaction;
            var first = Commit(older, lowerId + 1, organisationId, createdAt, null, null);
            var second = Commit(younger, lowerId, organisationId, createdAt, null, null);
            return (first, second);
        }
    }

    public Task<IReadOnlyList<StoredNotification>> ReadAfterAsync(NotificationPosition after, int limit, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<StoredNotification> read = [.. notifications.Where(n => n.Position > after).Take(limit)];
            return Task.FromResult(read);
        }
    }

    public Task<NotificationPosition> HeadAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(notifications.Count == 0 ? NotificationPosition.Start : notifications[^1].Position);
        }
    }

    /// <summary>Appends in position order, which every caller keeps by taking a new, higher transaction (under the lock).</summary>
    private StoredNotification Commit(long transaction, long id, string? organisationId, DateTimeOffset createdAt, string? role, string? userId)
    {
        var notification = new StoredNotification(
            id,
            new NotificationPosition(transaction, id),
            $"C-{id:D4}",
            createdAt,
            "reminderFired",
            organisationId,
            role,
            userId,
            "答复期限即将届满",
            $"案件 C-{id:D4} 的答复期限将于三日后届满。",
            $$"""{"deadline": "reply", "step": "advanceWarning", "sequence": {{id}}}""");
        notifications.Add(notification);
        return notification;
    }
}
