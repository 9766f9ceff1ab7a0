namespace CaseGrains.Api.Webhooks;

/// <summary>The body of <c>POST /api/v1/organisations/{id}/webhooks</c>: the address to post notifications to.</summary>
public sealed record WebhookInput(string Url);
