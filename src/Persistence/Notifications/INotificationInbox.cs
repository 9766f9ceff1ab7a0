namespace CaseGrains.Persistence.Notifications;

/// <summary>
/// A user's notifications: those <see cref="NotificationRecipient.Sees"/> lets them see, with their own read state.
/// Notifications are written only by case commits (<see cref="Cases.CaseCommit.Notifications"/>); the inbox only reads
/// them and records who read what.
/// </summary>
public interface INotificationInbox
{
    /// <summary>A page of the recipient's inbox, newest first (<see cref="InboxQuery"/>).</summary>
    Task<InboxPage> ListAsync(NotificationRecipient recipient, InboxQuery query, CancellationToken cancellationToken = default);

    /// <summary>How many notifications the recipient sees and has not read.</summary>
    Task<long> CountUnreadAsync(NotificationRecipient recipient, CancellationToken cancellationToken = default);

    /// <summary>Marks the notification read for the recipient at <paramref name="readAt"/> (a second call keeps the first
    /// time). Returns false, changing nothing, when the recipient does not see a notification with that id.</summary>
    Task<bool> MarkReadAsync(NotificationRecipient recipient, long notificationId, DateTimeOffset readAt, CancellationToken cancellationToken = default);

    /// <summary>Marks every notification the recipient sees and has not read as read at <paramref name="readAt"/>;
    /// returns how many that was.</summary>
    Task<long> MarkAllReadAsync(NotificationRecipient recipient, DateTimeOffset readAt, CancellationToken cancellationToken = default);
}
