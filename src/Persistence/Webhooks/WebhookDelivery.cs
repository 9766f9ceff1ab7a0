namespace CaseGrains.Persistence.Webhooks;

/// <summary>
/// A delivery as administrators see it (not its body, which repeats the notification's text). <see cref="Attempts"/>
/// counts the attempts whose outcome was recorded; <see cref="LastStatusCode"/> is the receiver's last answer (null when
/// it gave none), <see cref="LastError"/> what went wrong last; <see cref="NextAttemptAt"/> is set only while pending.
/// </summary>
public sealed record WebhookDelivery(
    Guid Id,
    Guid SubscriptionId,
    long NotificationId,
    WebhookDeliveryStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt);
