namespace CaseGrains.Hosting.Webhooks;

/// <summary>What one round of the dispatcher did: deliveries enqueued from the feed, and the outcomes of the attempts it
/// made (delivered, to be retried, failed for good).</summary>
public sealed record WebhookDispatchRound(int Enqueued, int Delivered, int Retrying, int Failed)
{
    public int Attempts => Delivered + Retrying + Failed;
}
