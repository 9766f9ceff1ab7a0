using CaseGrains.Persistence.Notifications;

namespace CaseGrains.Api.Tests.Webhooks;

/// <summary>
/// A notification feed the test writes to: ids 1, 2, 3... in the order added, read as <see cref="INotificationFeed"/>
/// promises. It stands in for the notification store, which the webhook dispatcher only ever reads through the feed.
/// </summary>
public sealed class TestNotificationFeed : INotificationFeed
{
    private readonly Lock gate = new();
    private readonly List<StoredNotification> notifications = [];

    /// <summary>Adds a notification addressed to <paramref name="organisationId"/> (and <paramref name="role"/>), or to
    /// <paramref name="userId"/> alone when the organisation is null.</summary>
    public StoredNotification Add(string? organisationId, DateTimeOffset createdAt, string? role = null, string? userId = null)
    {
        lock (gate)
        {
            var id = notifications.Count + 1L;
            var notification = new StoredNotification(
                id,
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

    public Task<IReadOnlyList<StoredNotification>> ReadAfterAsync(long afterId, int limit, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<StoredNotification> read = [.. notifications.Where(n => n.Id > afterId).Take(limit)];
            return Task.FromResult(read);
        }
    }
}
