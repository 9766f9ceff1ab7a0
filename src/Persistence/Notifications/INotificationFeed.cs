namespace CaseGrains.Persistence.Notifications;

/// <summary>Every notification in feed order (<see cref="NotificationPosition"/>), for readers that fan them out (the
/// live stream, webhooks).</summary>
public interface INotificationFeed
{
    /// <summary>
    /// Up to <paramref name="limit"/> notifications positioned after <paramref name="after"/>, in position order. A
    /// notification is returned only once no notification with a smaller position can still appear, so a reader that
    /// resumes from the last position it saw never skips one and never sees one twice. On PostgreSQL that means a
    /// notification becomes readable only once every transaction older than its own has ended (see
    /// <c>PostgresNotificationFeed</c>); a long-running writing transaction anywhere on the server delays the feed.
    /// </summary>
    Task<IReadOnlyList<StoredNotification>> ReadAfterAsync(NotificationPosition after, int limit, CancellationToken cancellationToken = default);

    /// <summary>The position of the last readable notification (<see cref="NotificationPosition.Start"/> when there is
    /// none): where a reader that wants only what happens from now on starts.</summary>
    Task<NotificationPosition> HeadAsync(CancellationToken cancellationToken = default);
}
