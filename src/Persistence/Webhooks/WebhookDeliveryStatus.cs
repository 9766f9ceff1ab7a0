namespace CaseGrains.Persistence.Webhooks;

/// <summary>Where a webhook delivery stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Not yet delivered and still to be tried, at its next attempt time.</summary>
    Pending,

    /// <summary>The receiver answered an attempt with a 2xx status.</summary>
    Delivered,

    /// <summary>Every attempt failed; only an administrator's retry sends it again.</summary>
    Failed,
}
