using System.Text.Json;
using CaseGrains.Persistence.Notifications;

namespace CaseGrains.Api.Notifications;

/// <summary>
/// A notification as the inbox and the live stream show it to one user: what happened (<see cref="Kind"/>), on which case,
/// when, to whom it was addressed, what the user reads (<see cref="Title"/>, <see cref="Text"/>), the machine-readable
/// <see cref="Payload"/> (a JSON object), and whether this user has read it.
/// </summary>
public sealed record NotificationView(
    long Id,
    string CaseId,
    DateTimeOffset CreatedAt,
    string Kind,
    string? RecipientOrganisationId,
    string? RecipientRole,
    string? RecipientUserId,
    string Title,
    string Text,
    JsonElement Payload,
    bool Read,
    DateTimeOffset? ReadAt)
{
    public static NotificationView Of(InboxItem item) => Of(item.Notification, item.ReadAt);

    /// <summary>The view of a notification the user has read at <paramref name="readAt"/> (null: not read).</summary>
    public static NotificationView Of(StoredNotification notification, DateTimeOffset? readAt)
    {
        using var payload = JsonDocument.Parse(notification.PayloadJson);
        return new NotificationView(
            notification.Id,
            notification.CaseId,
            notification.CreatedAt,
            notification.Kind,
            notification.RecipientOrganisationId,
            notification.RecipientRole,
            notification.RecipientUserId,
            notification.Title,
            notification.Text,
            payload.RootElement.Clone(),
            readAt is not null,
            readAt);
    }
}
