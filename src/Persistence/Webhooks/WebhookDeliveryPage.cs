namespace CaseGrains.Persistence.Webhooks;

/// <summary>One page of a subscription's deliveries, newest notification first, and how many match in all.</summary>
public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDelivery> Items, long Total, int Page, int PageSize);
