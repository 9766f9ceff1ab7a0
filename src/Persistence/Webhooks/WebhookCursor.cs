using CaseGrains.Persistence.Notifications;

namespace CaseGrains.Persistence.Webhooks;

/// <summary>
/// How far an active subscription has read the notification feed: every notification positioned up to and including
/// <see cref="After"/> has been enqueued for it or passed over. A position, not an id, because the feed's order is by
/// position (<see cref="NotificationPosition"/>): a notification can become readable after one with a higher id.
/// </summary>
public sealed record WebhookCursor(Guid SubscriptionId, string OrganisationId, NotificationPosition After);
