using CaseGrains.Persistence.Cases;

namespace CaseGrains.Persistence.Webhooks;

/// <summary>The checks and normalisations every <see cref="IWebhookStore"/> applies, so all stores agree.</summary>
internal static class WebhookStoreRules
{
    /// <summary>The longest <see cref="WebhookAttempt.Error"/> stored; longer ones are cut.</summary>
    public const int MaxErrorLength = 500;

    public const int MaxUrlLength = 2000;

    public static void ValidateSubscription(WebhookSubscription subscription, string secret)
    {
        ArgumentNullException.ThrowIfNull(subscription);
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

    public static void ValidateEnqueue(WebhookCursor cursor, long advanceTo, IReadOnlyList<WebhookDeliveryDraft> deliveries)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(deliveries);
        if (advanceTo <= cursor.AfterNotificationId)
        {
            throw new ArgumentException($"The cursor moves forward only: {advanceTo} is not after {cursor.AfterNotificationId}.", nameof(advanceTo));
        }

        var seen = new HashSet<long>();
        foreach (var delivery in deliveries)
        {
            ArgumentNullException.ThrowIfNull(delivery, nameof(deliveries));
            ArgumentException.ThrowIfNullOrEmpty(delivery.Body, nameof(deliveries));
            if (delivery.NotificationId <= cursor.AfterNotificationId || delivery.NotificationId > advanceTo)
            {
                throw new ArgumentException(
                    $"Notification {delivery.NotificationId} is not after the cursor {cursor.AfterNotificationId} and up to {advanceTo}.", nameof(deliveries));
            }

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
}
