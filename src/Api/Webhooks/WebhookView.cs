using CaseGrains.Persistence.Webhooks;

namespace CaseGrains.Api.Webhooks;

/// <summary>A subscription as listed: never its secret; with how many of its deliveries are pending and failed.</summary>
public sealed record WebhookView(Guid Id, string OrganisationId, string Url, DateTimeOffset CreatedAt, string CreatedBy, long PendingDeliveries, long FailedDeliveries)
{
    public static WebhookView Of(WebhookSubscriptionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var s = summary.Subscription;
        return new(s.Id, s.OrganisationId, s.Url, s.CreatedAt, s.CreatedBy, summary.PendingDeliveries, summary.FailedDeliveries);
    }
}
