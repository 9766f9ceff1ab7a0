namespace CaseGrains.Persistence.Webhooks;

/// <summary>
/// A due delivery a dispatcher has claimed under <see cref="LeaseId"/>: what it needs to send one attempt (the
/// subscription's current address and secret, the stored body) and how many attempts were recorded before this one.
/// </summary>
public sealed record ClaimedWebhookDelivery(
    Guid Id,
    Guid SubscriptionId,
    long NotificationId,
    string Url,
    string Secret,
    string Body,
    int Attempts,
    Guid LeaseId)
{
    /// <summary>Never the secret or the body: a claimed delivery may end up in a log or an assertion message.</summary>
    public override string ToString() => $"delivery {Id} of subscription {SubscriptionId} (notification {NotificationId}, {Attempts} attempts)";
}
