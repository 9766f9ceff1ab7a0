namespace CaseGrains.Persistence.Webhooks;

/// <summary>A delivery to enqueue: its id (which is in the body, so receivers can deduplicate), the notification it
/// carries and the exact body every attempt sends and signs.</summary>
public sealed record WebhookDeliveryDraft(Guid Id, long NotificationId, string Body);
