namespace CaseGrains.Persistence.Notifications;

/// <summary>A notification in one user's inbox, with when that user read it (null: unread). Read state is per user: an
/// organisation's notification read by one member is still unread for the others.</summary>
public sealed record InboxItem(StoredNotification Notification, DateTimeOffset? ReadAt)
{
    public bool Read => ReadAt is not null;
}
