namespace CaseGrains.Persistence.Notifications;

/// <summary>
/// A notification as stored (<see cref="NotificationDraft"/>). <see cref="Id"/> identifies it (the inbox marks it read by
/// id, and lists newest first by id); <see cref="Position"/> is its place in the feed (<see cref="INotificationFeed"/>),
/// which, unlike the id, follows commit order. <see cref="CaseId"/> and <see cref="CreatedAt"/> (UTC, to the microsecond)
/// are those of the commit that wrote it.
/// </summary>
public sealed record StoredNotification(
    long Id,
    NotificationPosition Position,
    string CaseId,
    DateTimeOffset CreatedAt,
    string Kind,
    string? RecipientOrganisationId,
    string? RecipientRole,
    string? RecipientUserId,
    string Title,
    string Text,
    string PayloadJson);
