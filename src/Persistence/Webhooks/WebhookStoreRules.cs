using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;

namespace CaseGrains.Persistence.Webhooks;

/// <summary>The checks and normalisations every <see cref="IWebhookStore"/> applies, so all stores agree.</summary>
internal static class WebhookStoreRules
{
    /// <summary>The longest <see cref="WebhookAttempt.Error"/> stored; longer ones are cut.</summary>
    public const int MaxErrorLength = 500;

    public const int MaxUrlLength = 2000;

    public static void ValidateSubscription(WebhookSubscription subscription, string secret, NotificationPosition startAfter)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ValidatePosition(startAfter, nameof(startAfter));
        ArgumentException.ThrowIfNullOrEmpty(subscription.OrganisationId, nameof(subscription));
        ArgumentException.ThrowIfNullOrEmpty(subscription.Url, nameof(subscription));
        ArgumentException.ThrowIfNullOrEmpty(subscription.CreatedBy, nameof(subscription));
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (subscription.Url.Length > MaxUrlLength)
        {
            throw new ArgumentException($"A webhook address is at most {MaxUrlLength} characters.", nameof(subscription));
        }
    }

    public static void ValidatePaging(int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
    }

    public static void ValidateEnqueue(WebhookCursor cursor, NotificationPosition advanceTo, IReadOnlyList<WebhookDeliveryDraft> deliveries)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(deliveries);
        ValidatePosition(advanceTo, nameof(advanceTo));
        if (advanceTo <= cursor.After)
        {
            throw new ArgumentException($"The cursor moves forward only: {advanceTo} is not after {cursor.After}.", nameof(advanceTo));
        }

        var seen = new HashSet<long>();
        foreach (var delivery in deliveries)
        {
            ArgumentNullException.ThrowIfNull(delivery, nameof(deliveries));
            ArgumentException.ThrowIfNullOrEmpty(delivery.Body, nameof(deliveries));
            if (delivery.Position <= cursor.After || delivery.Position > advanceTo)
            {
                throw new ArgumentException(
                    $"Notification {delivery.NotificationId} at {delivery.Position} is not after the cursor {cursor.After} and up to {advanceTo}.", nameof(deliveries));
            }

            // By id, which is what a delivery keeps: one notification has one position.
            if (!seen.Add(delivery.NotificationId))
            {
                throw new ArgumentException($"Notification {delivery.NotificationId} is enqueued twice.", nameof(deliveries));
            }
        }
    }

    public static void ValidateClaim(TimeSpan leaseDuration, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
    }

    /// <summary>The attempt with its times normalised and its error cut to <see cref="MaxErrorLength"/>; throws unless
    /// a pending outcome has a next attempt time and no other outcome has one.</summary>
    public static WebhookAttempt Normalised(WebhookAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if ((attempt.Outcome == WebhookDeliveryStatus.Pending) != attempt.NextAttemptAt.HasValue)
        {
            throw new ArgumentException("A pending outcome, and only a pending one, has a next attempt time.", nameof(attempt));
        }

        if (attempt.StatusCode is < 100 or > 599)
        {
            throw new ArgumentException($"{attempt.StatusCode} is not an HTTP status code.", nameof(attempt));
        }

        return attempt with
        {
            At = Instant(attempt.At),
            NextAttemptAt = attempt.NextAttemptAt is { } next ? Instant(next) : null,
            Error = attempt.Error is { Length: > MaxErrorLength } error ? error[..MaxErrorLength] : attempt.Error,
        };
    }

    /// <summary>An instant as PostgreSQL keeps it: UTC, whole microseconds.</summary>
    public static DateTimeOffset Instant(DateTimeOffset value) => CaseCommitRules.NormaliseInstant(value);

    /// <summary>Refuses a position no feed hands out, which PostgreSQL's checks would refuse and memory would keep.</summary>
    private static void ValidatePosition(NotificationPosition position, string parameterName)
    {
        if (position.Transaction < 0 || position.Id < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, position, "A feed position has no negative part.");
        }
    }
}
