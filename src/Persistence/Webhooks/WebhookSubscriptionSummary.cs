namespace CaseGrains.Persistence.Webhooks;

/// <summary>A subscription with the number of its deliveries still pending and of those that failed.</summary>
public sealed record WebhookSubscriptionSummary(WebhookSubscription Subscription, long PendingDeliveries, long FailedDeliveries);
