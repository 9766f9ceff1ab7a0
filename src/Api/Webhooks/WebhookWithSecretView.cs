using CaseGrains.Persistence.Webhooks;

namespace CaseGrains.Api.Webhooks;

/// <summary>A subscription with its secret: the answer to creating it and to replacing its secret, the only two times
/// the secret is ever shown.</summary>
public sealed record WebhookWithSecretView(Guid Id, string OrganisationId, string Url, DateTimeOffset CreatedAt, string CreatedBy, string Secret)
{
    public static WebhookWithSecretView Of(WebhookSubscription subscription, string secret)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return new(subscription.Id, subscription.OrganisationId, subscription.Url, subscription.CreatedAt, subscription.CreatedBy, secret);
    }

    /// <summary>Never the secret: a view may end up in a log or an assertion message.</summary>
    public override string ToString() => $"webhook {Id} of {OrganisationId}";
}
