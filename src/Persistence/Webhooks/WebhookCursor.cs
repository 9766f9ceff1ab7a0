namespace CaseGrains.Persistence.Webhooks;

/// <summary>
/// How far an active subscription has read the notification feed: every notification with an id up to and including
/// <see cref="AfterNotificationId"/> has been enqueued for it or passed over. <see cref="SubscribedAt"/> is the
/// subscription's creation time; notifications older than it are not sent.
/// </summary>
public sealed record WebhookCursor(Guid SubscriptionId, string OrganisationId, DateTimeOffset SubscribedAt, long AfterNotificationId);
