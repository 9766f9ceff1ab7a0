using CaseGrains.Persistence.Notifications;

namespace CaseGrains.Persistence.Webhooks;

/// <summary>A delivery to enqueue: its id (which is in the body, so receivers can deduplicate), the feed position of the
/// notification it carries (so a store can check it lies within the cursor's step; the delivery keeps only the
/// notification's id, <see cref="NotificationId"/>) and the exact body every attempt sends and signs.</summary>
public sealed record WebhookDeliveryDraft(Guid Id, NotificationPosition Position, string Body)
{
    public long NotificationId => Position.Id;
}
