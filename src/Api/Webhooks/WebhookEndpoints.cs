using System.Globalization;
using CaseGrains.Abstractions;
using CaseGrains.Api.Auth;
using CaseGrains.Api.Http;
using CaseGrains.Domain.Time;
using CaseGrains.Hosting.Webhooks;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Organisations;
using CaseGrains.Persistence.Webhooks;
using Microsoft.Extensions.Options;

namespace CaseGrains.Api.Webhooks;

/// <summary>
/// An organisation's webhook subscriptions and their deliveries, for administrators only: subscribe an address (the
/// answer shows the new secret, once), list (never with secrets), remove, replace the secret (shown once), read the
/// deliveries by status and send a failed one again.
/// </summary>
public static class WebhookEndpoints
{
    public const int MaxPageSize = 200;

    private static readonly IReadOnlyDictionary<string, WebhookDeliveryStatus> Statuses = EnumNames.Lookup<WebhookDeliveryStatus>();

    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/organisations/{organisationId}/webhooks").WithTags("Webhooks").RequirePrincipal().RequireAdministrator();
        webhooks.MapPost("/", SubscribeAsync).Accepts<WebhookInput>("application/json")
            .WithSummary("Subscribe an address to the organisation's notifications; the answer shows the secret, once");
        webhooks.MapGet("/", ListAsync).WithSummary("The organisation's webhooks (without secrets), with pending and failed delivery counts");
        webhooks.MapDelete("/{webhookId}", RemoveAsync).WithSummary("Remove a webhook: nothing more is sent to it");
        webhooks.MapPost("/{webhookId}/rotate-secret", RotateSecretAsync).WithSummary("Replace a webhook's secret; the answer shows the new one, once");
        webhooks.MapGet("/{webhookId}/deliveries", DeliveriesAsync)
            .WithSummary("A webhook's deliveries, newest first: ?status=pending|delivered|failed&page=&pageSize=");
        webhooks.MapPost("/{webhookId}/deliveries/{deliveryId}/retry", RetryAsync).WithSummary("Send a failed delivery again, now");
        return api;
    }

    private static async Task<IResult> SubscribeAsync(
        string organisationId,
        HttpContext http,
        IOrganisationDirectory directory,
        IWebhookStore store,
        INotificationFeed feed,
        IOptions<WebhookOptions> options,
        PlatformClock clock,
        CancellationToken cancellationToken)
    {
        if (await directory.FindOrganisationAsync(organisationId, cancellationToken) is null)
        {
            return UnknownOrganisation(organisationId);
        }

        var (input, _, bodyError) = await JsonBody.ReadAsync<WebhookInput>(http.Request, ApiJson.Input);
        if (bodyError is not null)
        {
            return bodyError;
        }

        if (WebhookUrlRules.ProblemWith(input!.Url, options.Value.AllowInsecureHttp == true) is { } problem)
        {
            return Problems.Invalid("url", problem);
        }

        var now = clock.GetUtcNow();
        var subscription = new WebhookSubscription(Guid.CreateVersion7(now), organisationId, input.Url, now, http.GetPrincipal().UserId);
        var secret = WebhookSecrets.Generate();

        // The new webhook is sent what the feed passes on from now. The head is read before the subscription is stored:
        // a notification that becomes readable in between is sent although it barely preceded the subscription, where
        // reading the head afterwards could skip one that followed it.
        var head = await feed.HeadAsync(cancellationToken);
        if (!await store.AddSubscriptionAsync(subscription, secret, head, cancellationToken))
        {
            return Results.Problem(Problems.Create(StatusCodes.Status409Conflict, "webhook_exists", "该机构已订阅此地址",
                $"Organisation '{organisationId}' already has a webhook for this address."));
        }

        // The secret is in this answer only: no cache keeps it.
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(WebhookWithSecretView.Of(subscription, secret), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(string organisationId, IOrganisationDirectory directory, IWebhookStore store, CancellationToken cancellationToken)
    {
        if (await directory.FindOrganisationAsync(organisationId, cancellationToken) is null)
        {
            return UnknownOrganisation(organisationId);
        }

        var subscriptions = await store.ListSubscriptionsAsync(organisationId, cancellationToken);
        return Results.Ok(subscriptions.Select(WebhookView.Of).ToList());
    }

    private static async Task<IResult> RemoveAsync(string organisationId, string webhookId, IOrganisationDirectory directory, IWebhookStore store, CancellationToken cancellationToken)
    {
        return Guid.TryParse(webhookId, out var id) && await store.RemoveSubscriptionAsync(organisationId, id, cancellationToken)
            ? Results.NoContent()
            : await NotFoundAsync(organisationId, webhookId, directory, cancellationToken);
    }

    private static async Task<IResult> RotateSecretAsync(
        string organisationId,
        string webhookId,
        HttpContext http,
        IOrganisationDirectory directory,
        IWebhookStore store,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(organisationId, webhookId, store, cancellationToken) is not { } subscription)
        {
            return await NotFoundAsync(organisationId, webhookId, directory, cancellationToken);
        }

        var secret = WebhookSecrets.Generate();
        if (!await store.ReplaceSecretAsync(organisationId, subscription.Id, secret, cancellationToken))
        {
            return UnknownWebhook(organisationId, webhookId);
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.Ok(WebhookWithSecretView.Of(subscription, secret));
    }

    private static async Task<IResult> DeliveriesAsync(
        string organisationId,
        string webhookId,
        HttpRequest request,
        IOrganisationDirectory directory,
        IWebhookStore store,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(organisationId, webhookId, store, cancellationToken) is not { } subscription)
        {
            return await NotFoundAsync(organisationId, webhookId, directory, cancellationToken);
        }

        var errors = new Dictionary<string, string[]>();
        var status = Parse<WebhookDeliveryStatus?>(request.Query, "status", errors, raw => Statuses.TryGetValue(raw, out var s)
            ? (s, null)
            : (null, $"expected one of {string.Join(", ", Statuses.Keys)}"));
        var page = Parse<int?>(request.Query, "page", errors, raw => Number(raw, 1, 1_000_000)) ?? 1;
        var pageSize = Parse<int?>(request.Query, "pageSize", errors, raw => Number(raw, 1, MaxPageSize)) ?? 50;
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        return Results.Ok(await store.ListDeliveriesAsync(subscription.Id, status, page, pageSize, cancellationToken));
    }

    private static async Task<IResult> RetryAsync(
        string organisationId,
        string webhookId,
        string deliveryId,
        IOrganisationDirectory directory,
        IWebhookStore store,
        PlatformClock clock,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(organisationId, webhookId, store, cancellationToken) is not { } subscription)
        {
            return await NotFoundAsync(organisationId, webhookId, directory, cancellationToken);
        }

        var outcome = Guid.TryParse(deliveryId, out var id)
            ? await store.RetryDeliveryAsync(subscription.Id, id, clock.GetUtcNow(), cancellationToken)
            : WebhookRetryOutcome.NotFound;
        return outcome switch
        {
            WebhookRetryOutcome.Retried => Results.NoContent(),
            WebhookRetryOutcome.NotFailed => Results.Problem(Problems.Create(StatusCodes.Status409Conflict, "delivery_not_failed", "仅可重新发送失败的推送",
                $"Delivery '{deliveryId}' is pending or delivered; only a failed delivery can be retried.")),
            _ => Problems.NotFound("推送记录", $"Webhook '{webhookId}' has no delivery '{deliveryId}'."),
        };
    }

    /// <summary>The organisation's active webhook named by the path, or null (also for an id that is not a GUID).</summary>
    private static async Task<WebhookSubscription?> FindAsync(string organisationId, string webhookId, IWebhookStore store, CancellationToken cancellationToken) =>
        Guid.TryParse(webhookId, out var id) ? await store.FindSubscriptionAsync(organisationId, id, cancellationToken) : null;

    /// <summary>404 for the organisation when it does not exist, otherwise for the webhook.</summary>
    private static async Task<IResult> NotFoundAsync(string organisationId, string webhookId, IOrganisationDirectory directory, CancellationToken cancellationToken) =>
        await directory.FindOrganisationAsync(organisationId, cancellationToken) is null
            ? UnknownOrganisation(organisationId)
            : UnknownWebhook(organisationId, webhookId);

    private static IResult UnknownOrganisation(string organisationId) => Problems.NotFound("机构", $"No organisation has the id '{organisationId}'.");

    private static IResult UnknownWebhook(string organisationId, string webhookId) =>
        Problems.NotFound("Webhook 订阅", $"Organisation '{organisationId}' has no webhook '{webhookId}'.");

    private static T? Parse<T>(IQueryCollection query, string name, Dictionary<string, string[]> errors, Func<string, (T? Value, string? Error)> parse)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return default;
        }

        if (values.Count > 1)
        {
            errors[name] = ["given more than once"];
            return default;
        }

        var (value, error) = parse(values.ToString());
        if (error is not null)
        {
            errors[name] = [error];
        }

        return value;
    }

    private static (int? Value, string? Error) Number(string raw, int min, int max) =>
        int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? (n, null)
            : (null, $"expected a whole number from {min} to {max}");
}
