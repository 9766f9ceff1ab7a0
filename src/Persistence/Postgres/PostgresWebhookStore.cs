using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Webhooks;
using Npgsql;
using NpgsqlTypes;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// <see cref="IWebhookStore"/> on <c>webhook_subscriptions</c> and <c>webhook_deliveries</c> (<c>0106_webhooks.sql</c>).
/// Every operation is one statement. Dispatchers in several processes are kept apart by row locks taken with
/// <c>FOR UPDATE SKIP LOCKED</c>: enqueueing locks the subscription row and advances its cursor only from the position
/// the dispatcher read (compare-and-set), and claiming locks the due delivery rows and leases them, so a concurrent
/// claim skips them rather than waiting and then sending them too.
/// </summary>
public sealed class PostgresWebhookStore(NpgsqlDataSource dataSource) : IWebhookStore
{
    private const string DeliveryColumns =
        "id, subscription_id, notification_id, status, attempts, next_attempt_at, last_status_code, last_error, created_at, delivered_at";

    /// <summary>Leases the earliest due deliveries: $1 lease id, $2 now, $3 lease end, $4 limit.</summary>
    internal const string ClaimSql = """
        WITH due AS (
            SELECT d.id
              FROM webhook_deliveries d
              JOIN webhook_subscriptions s ON s.id = d.subscription_id
             WHERE d.status = 'Pending' AND d.next_attempt_at <= $2
               AND (d.lease_until IS NULL OR d.lease_until <= $2)
               AND s.active
             ORDER BY d.next_attempt_at, d.notification_id, d.id
             LIMIT $4
             FOR UPDATE OF d SKIP LOCKED
        )
        UPDATE webhook_deliveries d
           SET lease_id = $1, lease_until = $3
          FROM due, webhook_subscriptions s
         WHERE d.id = due.id AND s.id = d.subscription_id
        RETURNING d.id, d.subscription_id, d.notification_id, s.url, s.secret, d.body, d.attempts, d.next_attempt_at
        """;

    public async Task<bool> AddSubscriptionAsync(WebhookSubscription subscription, string secret, NotificationPosition startAfter, CancellationToken cancellationToken = default)
    {
        WebhookStoreRules.ValidateSubscription(subscription, secret, startAfter);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO webhook_subscriptions (id, organisation_id, url, secret, active, created_at, created_by, cursor_transaction, cursor_id)
            VALUES ($1, $2, $3, $4, true, $5, $6, $7, $8)
            ON CONFLICT (organisation_id, url) WHERE active DO NOTHING
            """);
        command.Parameters.Add(Uuid(subscription.Id));
        command.Parameters.Add(Parameters.Text(subscription.OrganisationId));
        command.Parameters.Add(Parameters.Text(subscription.Url));
        command.Parameters.Add(Parameters.Text(secret));
        command.Parameters.Add(Parameters.TimestampTz(WebhookStoreRules.Instant(subscription.CreatedAt)));
        command.Parameters.Add(Parameters.Text(subscription.CreatedBy));
        command.Parameters.Add(Parameters.Bigint(startAfter.Transaction));
        command.Parameters.Add(Parameters.Bigint(startAfter.Id));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<WebhookSubscriptionSummary>> ListSubscriptionsAsync(string organisationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisationId);
        await using var command = dataSource.CreateCommand("""
            SELECT s.id, s.organisation_id, s.url, s.created_at, s.created_by,
                   (SELECT count(*) FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.status = 'Pending'),
                   (SELECT count(*) FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.status = 'Failed')
              FROM webhook_subscriptions s
             WHERE s.organisation_id = $1 AND s.active
             ORDER BY s.created_at, s.url
            """);
        command.Parameters.Add(Parameters.Text(organisationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var summaries = new List<WebhookSubscriptionSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            summaries.Add(new WebhookSubscriptionSummary(ReadSubscription(reader), reader.GetInt64(5), reader.GetInt64(6)));
        }

        return summaries;
    }

    public async Task<WebhookSubscription?> FindSubscriptionAsync(string organisationId, Guid subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisationId);
        await using var command = dataSource.CreateCommand("""
            SELECT id, organisation_id, url, created_at, created_by
              FROM webhook_subscriptions
             WHERE id = $1 AND organisation_id = $2 AND active
            """);
        command.Parameters.Add(Uuid(subscriptionId));
        command.Parameters.Add(Parameters.Text(organisationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadSubscription(reader) : null;
    }

    public async Task<bool> RemoveSubscriptionAsync(string organisationId, Guid subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisationId);
        await using var command = dataSource.CreateCommand("""
            UPDATE webhook_subscriptions SET active = false, secret = ''
             WHERE id = $1 AND organisation_id = $2 AND active
            """);
        command.Parameters.Add(Uuid(subscriptionId));
        command.Parameters.Add(Parameters.Text(organisationId));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> ReplaceSecretAsync(string organisationId, Guid subscriptionId, string secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisationId);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        await using var command = dataSource.CreateCommand("""
            UPDATE webhook_subscriptions SET secret = $3
             WHERE id = $1 AND organisation_id = $2 AND active
            """);
        command.Parameters.Add(Uuid(subscriptionId));
        command.Parameters.Add(Parameters.Text(organisationId));
        command.Parameters.Add(Parameters.Text(secret));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<WebhookDeliveryPage> ListDeliveriesAsync(Guid subscriptionId, WebhookDeliveryStatus? status, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        WebhookStoreRules.ValidatePaging(page, pageSize);
        await using var batch = dataSource.CreateBatch();
        var items = new NpgsqlBatchCommand($"""
            SELECT {DeliveryColumns}
              FROM webhook_deliveries
             WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2)
             ORDER BY notification_id DESC
             LIMIT $3 OFFSET $4
            """);
        var total = new NpgsqlBatchCommand("SELECT count(*) FROM webhook_deliveries WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2)");
        foreach (var command in new[] { items, total })
        {
            command.Parameters.Add(Uuid(subscriptionId));
            command.Parameters.Add(Parameters.Text(status?.ToString()));
        }

        items.Parameters.Add(Parameters.Bigint(pageSize));
        items.Parameters.Add(Parameters.Bigint((long)(page - 1) * pageSize));
        batch.BatchCommands.Add(items);
        batch.BatchCommands.Add(total);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var deliveries = new List<WebhookDelivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            deliveries.Add(ReadDelivery(reader));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new WebhookDeliveryPage(deliveries, reader.GetInt64(0), page, pageSize);
    }

    public async Task<WebhookRetryOutcome> RetryDeliveryAsync(Guid subscriptionId, Guid deliveryId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            WITH target AS (
                SELECT id, status FROM webhook_deliveries WHERE id = $2 AND subscription_id = $1 FOR UPDATE
            ), retried AS (
                UPDATE webhook_deliveries d
                   SET status = 'Pending', attempts = 0, next_attempt_at = $3
                  FROM target
                 WHERE d.id = target.id AND target.status = 'Failed'
                RETURNING d.id
            )
            SELECT (SELECT status FROM target), EXISTS (SELECT 1 FROM retried)
            """);
        command.Parameters.Add(Uuid(subscriptionId));
        command.Parameters.Add(Uuid(deliveryId));
        command.Parameters.Add(Parameters.TimestampTz(WebhookStoreRules.Instant(now)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.IsDBNull(0) ? WebhookRetryOutcome.NotFound
            : reader.GetBoolean(1) ? WebhookRetryOutcome.Retried
            : WebhookRetryOutcome.NotFailed;
    }

    public async Task<IReadOnlyList<WebhookCursor>> ListCursorsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, organisation_id, cursor_transaction, cursor_id
              FROM webhook_subscriptions
             WHERE active
             ORDER BY organisation_id, url
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var cursors = new List<WebhookCursor>();
        while (await reader.ReadAsync(cancellationToken))
        {
            cursors.Add(new WebhookCursor(reader.GetGuid(0), reader.GetString(1), new NotificationPosition(reader.GetInt64(2), reader.GetInt64(3))));
        }

        return cursors;
    }

    public async Task<bool> EnqueueAsync(WebhookCursor cursor, NotificationPosition advanceTo, IReadOnlyList<WebhookDeliveryDraft> deliveries, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        WebhookStoreRules.ValidateEnqueue(cursor, advanceTo, deliveries);

        // SKIP LOCKED: a dispatcher that finds another one enqueueing for this subscription gives up at once instead of
        // waiting for it and then finding the cursor moved. The compare-and-set needs both columns equal (the whole
        // position); the rules have checked that advanceTo lies after it, so the cursor only moves forward. The inserting
        // CTE runs even though nothing reads it.
        await using var command = dataSource.CreateCommand("""
            WITH advanced AS (
                UPDATE webhook_subscriptions SET (cursor_transaction, cursor_id) = ($4, $5)
                 WHERE id = (SELECT id FROM webhook_subscriptions
                              WHERE id = $1 AND active AND (cursor_transaction, cursor_id) = ($2, $3)
                              FOR UPDATE SKIP LOCKED)
                RETURNING id
            ), inserted AS (
                INSERT INTO webhook_deliveries (id, subscription_id, notification_id, body, status, attempts, next_attempt_at, created_at)
                SELECT d.id, advanced.id, d.notification_id, d.body, 'Pending', 0, $9, $9
                  FROM advanced CROSS JOIN unnest($6::uuid[], $7::bigint[], $8::text[]) AS d (id, notification_id, body)
                ON CONFLICT (subscription_id, notification_id) DO NOTHING
            )
            SELECT EXISTS (SELECT 1 FROM advanced)
            """);
        command.Parameters.Add(Uuid(cursor.SubscriptionId));
        command.Parameters.Add(Parameters.Bigint(cursor.After.Transaction));
        command.Parameters.Add(Parameters.Bigint(cursor.After.Id));
        command.Parameters.Add(Parameters.Bigint(advanceTo.Transaction));
        command.Parameters.Add(Parameters.Bigint(advanceTo.Id));
        command.Parameters.Add(Parameters.Typed(deliveries.Select(d => d.Id).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid));
        command.Parameters.Add(Parameters.Typed(deliveries.Select(d => d.NotificationId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint));
        command.Parameters.Add(Parameters.TextArray([.. deliveries.Select(d => d.Body)]));
        command.Parameters.Add(Parameters.TimestampTz(WebhookStoreRules.Instant(now)));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<ClaimedWebhookDelivery>> ClaimDueAsync(Guid leaseId, DateTimeOffset now, TimeSpan leaseDuration, int limit, CancellationToken cancellationToken = default)
    {
        WebhookStoreRules.ValidateClaim(leaseDuration, limit);
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(Uuid(leaseId));
        command.Parameters.Add(Parameters.TimestampTz(WebhookStoreRules.Instant(now)));
        command.Parameters.Add(Parameters.TimestampTz(WebhookStoreRules.Instant(now + leaseDuration)));
        command.Parameters.Add(Parameters.Bigint(limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<(ClaimedWebhookDelivery Delivery, DateTimeOffset DueAt)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add((
                new ClaimedWebhookDelivery(
                    reader.GetGuid(0),
                    reader.GetGuid(1),
                    reader.GetInt64(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.GetInt32(6),
                    leaseId),
                reader.GetFieldValue<DateTimeOffset>(7)));
        }

        // UPDATE ... RETURNING does not keep the CTE's order.
        return [.. claimed
            .OrderBy(c => c.DueAt)
            .ThenBy(c => c.Delivery.NotificationId)
            .ThenBy(c => c.Delivery.Id.ToString("N"), StringComparer.Ordinal)
            .Select(c => c.Delivery)];
    }

    public async Task<bool> RecordAttemptAsync(WebhookAttempt attempt, CancellationToken cancellationToken = default)
    {
        var normalised = WebhookStoreRules.Normalised(attempt);
        await using var command = dataSource.CreateCommand("""
            UPDATE webhook_deliveries
               SET attempts = attempts + 1, status = $3, next_attempt_at = $4, last_status_code = $5, last_error = $6,
                   delivered_at = CASE WHEN $3 = 'Delivered' THEN $7 END, lease_id = NULL, lease_until = NULL
             WHERE id = $1 AND lease_id = $2 AND status = 'Pending'
            """);
        command.Parameters.Add(Uuid(normalised.DeliveryId));
        command.Parameters.Add(Uuid(normalised.LeaseId));
        command.Parameters.Add(Parameters.Text(normalised.Outcome.ToString()));
        command.Parameters.Add(Parameters.Typed(normalised.NextAttemptAt, NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Parameters.Typed(normalised.StatusCode, NpgsqlDbType.Integer));
        command.Parameters.Add(Parameters.Text(normalised.Error));
        command.Parameters.Add(Parameters.TimestampTz(normalised.At));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static NpgsqlParameter Uuid(Guid value) => Parameters.Typed(value, NpgsqlDbType.Uuid);

    private static WebhookSubscription ReadSubscription(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        reader.GetString(4));

    private static WebhookDelivery ReadDelivery(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetGuid(1),
        reader.GetInt64(2),
        Enum.Parse<WebhookDeliveryStatus>(reader.GetString(3)),
        reader.GetInt32(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
        reader.IsDBNull(6) ? null : reader.GetInt32(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.GetFieldValue<DateTimeOffset>(8),
        reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9));
}
