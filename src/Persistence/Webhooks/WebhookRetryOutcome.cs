namespace CaseGrains.Persistence.Webhooks;

/// <summary>What an administrator's retry of a delivery did.</summary>
public enum WebhookRetryOutcome
{
    /// <summary>The failed delivery is pending again, due now, with its attempts counted from zero.</summary>
    Retried,

    /// <summary>The subscription has no such delivery.</summary>
    NotFound,

    /// <summary>The delivery is pending or delivered: only a failed one is retried.</summary>
    NotFailed,
}
