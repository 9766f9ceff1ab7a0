namespace CaseGrains.Persistence.Notifications;

/// <summary>Every notification in id order, for readers that fan them out (the live stream, webhooks).</summary>
public interface INotificationFeed
{
    /// <summary>Up to <paramref name="limit"/> notifications with an id greater than <paramref name="afterId"/>, in id
    /// order. A notification is returned only once every notification with a smaller id is visible, so a reader that
    /// resumes from the last id it saw never skips one.</summary>
    Task<IReadOnlyList<StoredNotification>> ReadAfterAsync(long afterId, int limit, CancellationToken cancellationToken = default);
}
