namespace CaseGrains.Hosting.Webhooks;

/// <summary>The headers every webhook request carries besides its JSON body.</summary>
public static class WebhookHeaders
{
    /// <summary>The delivery id (also the body's <c>id</c>): the same on every retry, so receivers deduplicate by it.</summary>
    public const string Id = "CaseGrains-Webhook-Id";

    /// <summary>When this attempt was signed, in Unix seconds; part of the signed text, so an old request cannot be
    /// replayed with a new timestamp.</summary>
    public const string Timestamp = "CaseGrains-Webhook-Timestamp";

    /// <summary>See <see cref="WebhookSignature"/>.</summary>
    public const string Signature = "CaseGrains-Webhook-Signature";
}
