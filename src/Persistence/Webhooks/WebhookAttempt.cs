namespace CaseGrains.Persistence.Webhooks;

/// <summary>
/// The outcome of one attempt at a claimed delivery, as the dispatcher decided it: <see cref="Outcome"/> is the new
/// status (<see cref="WebhookDeliveryStatus.Pending"/> again with <see cref="NextAttemptAt"/> when it will be retried),
/// <see cref="StatusCode"/> the receiver's answer if any, <see cref="Error"/> what went wrong (null on success).
/// </summary>
public sealed record WebhookAttempt(
    Guid DeliveryId,
    Guid LeaseId,
    DateTimeOffset At,
    WebhookDeliveryStatus Outcome,
    DateTimeOffset? NextAttemptAt,
    int? StatusCode,
    string? Error);
