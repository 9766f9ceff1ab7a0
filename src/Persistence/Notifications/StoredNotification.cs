namespace CaseGrains.Persistence.Notifications;

/// <summary>A notification as stored (<see cref="NotificationDraft"/>): <see cref="Id"/> increases in commit order
/// within one store, so readers resume a feed from the last id they saw.</summary>
public sealed record StoredNotification(
    long Id,
    string CaseId,
    DateTimeOffset CreatedAt,
    string Kind,
    string? RecipientOrganisationId,
    string? RecipientRole,
    string? RecipientUserId,
    string Title,
    string Text,
    string PayloadJson);
