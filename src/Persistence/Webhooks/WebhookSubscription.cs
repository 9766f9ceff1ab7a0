namespace CaseGrains.Persistence.Webhooks;

/// <summary>
/// An active subscription of an organisation to its notifications, as administrators see it: never with its secret,
/// which a store hands out only to the dispatcher that signs with it (<see cref="ClaimedWebhookDelivery"/>).
/// </summary>
public sealed record WebhookSubscription(Guid Id, string OrganisationId, string Url, DateTimeOffset CreatedAt, string CreatedBy);
