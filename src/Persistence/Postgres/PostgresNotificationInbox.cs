using System.Globalization;
using System.Text;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;
using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// <see cref="INotificationInbox"/> on <c>notifications</c> and <c>notification_reads</c> (<c>0105_notifications.sql</c>).
/// What a user sees (<see cref="NotificationRecipient.Sees"/>) is written as the union of its three disjoint parts, each
/// an equality on one of the inbox indexes. A page reads at most a page from each part by a backward index scan, then
/// sorts those few rows, instead of sorting everything the user was ever sent (PostgreSQL does not merge the ordered
/// parts of a union whose parts have conditions). Read state is an anti-join on the read table's primary key.
/// </summary>
public sealed class PostgresNotificationInbox(NpgsqlDataSource dataSource) : INotificationInbox
{
    // $1 the user, $2 their organisation, $3 their role's name: every statement below starts with these three. The three
    // disjoint parts of what the user sees.
    private static readonly string[] Parts =
    [
        "n.recipient_user_id = $1",
        "n.recipient_organisation_id = $2 AND n.recipient_role IS NULL",
        "n.recipient_organisation_id = $2 AND n.recipient_role = $3",
    ];

    // The ids of everything the user sees, for counting and marking (index-only scans of the parts' indexes).
    private static readonly string Visible =
        "(" + string.Join(" UNION ALL ", Parts.Select(part => $"SELECT n.id FROM notifications n WHERE {part}")) + ") AS n";

    private const string Unread = "NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.user_id = $1 AND r.notification_id = n.id)";

    private static readonly string CountUnreadSql = $"SELECT count(*) FROM {Visible} WHERE {Unread}";

    // $4 the notification, $5 the time. ON CONFLICT keeps the first time when it was already read.
    private static readonly string MarkReadSql = $"""
        WITH target AS (SELECT n.id FROM {Visible} WHERE n.id = $4),
        marked AS (
            INSERT INTO notification_reads (user_id, notification_id, read_at)
            SELECT $1, target.id, $5 FROM target
            ON CONFLICT (user_id, notification_id) DO NOTHING
        )
        SELECT count(*) FROM target
        """;

    // $4 the time. ON CONFLICT: a concurrent mark of the same notification is not an error.
    private static readonly string MarkAllReadSql = $"""
        INSERT INTO notification_reads (user_id, notification_id, read_at)
        SELECT $1, n.id, $4 FROM {Visible} WHERE {Unread}
        ON CONFLICT (user_id, notification_id) DO NOTHING
        """;

    public async Task<InboxPage> ListAsync(NotificationRecipient recipient, InboxQuery query, CancellationToken cancellationToken = default)
    {
        InboxRules.Validate(recipient, query);
        await using var command = BuildListCommand(dataSource, recipient, query);
        var items = new List<InboxItem>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new InboxItem(
                    NotificationRows.Read(reader),
                    reader.IsDBNull(NotificationRows.Count) ? null : reader.GetFieldValue<DateTimeOffset>(NotificationRows.Count)));
            }
        }

        return items.Count > query.Limit
            ? new InboxPage(items[..query.Limit], items[query.Limit - 1].Notification.Id)
            : new InboxPage(items, null);
    }

    /// <summary>The page's statement: from each part of the inbox, its newest rows that pass the query's filters, one more
    /// than a page (which says whether there is a next page); then the newest of those.</summary>
    internal static NpgsqlCommand BuildListCommand(NpgsqlDataSource dataSource, NotificationRecipient recipient, InboxQuery query)
    {
        var command = dataSource.CreateCommand();
        AddRecipient(command, recipient);
        var filters = new StringBuilder();
        if (query.Before is { } before)
        {
            command.Parameters.Add(Parameters.Bigint(before));
            filters.Append(CultureInfo.InvariantCulture, $" AND n.id < ${command.Parameters.Count}");
        }

        if (query.CaseId is { } caseId)
        {
            command.Parameters.Add(Parameters.Text(caseId));
            filters.Append(CultureInfo.InvariantCulture, $" AND n.case_id = ${command.Parameters.Count}");
        }

        if (query.UnreadOnly)
        {
            filters.Append(" AND r.notification_id IS NULL");
        }

        command.Parameters.Add(Parameters.Bigint(query.Limit + 1));
        var limit = "$" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        var parts = Parts.Select(part => $"""
            (SELECT {NotificationRows.Columns}, r.read_at
               FROM notifications n
               LEFT JOIN notification_reads r ON r.user_id = $1 AND r.notification_id = n.id
              WHERE {part}{filters}
              ORDER BY n.id DESC
              LIMIT {limit})
            """);
        command.CommandText = $"""
            SELECT * FROM ({string.Join("\nUNION ALL\n", parts)}) AS page
             ORDER BY id DESC
             LIMIT {limit}
            """;
        return command;
    }

    public async Task<long> CountUnreadAsync(NotificationRecipient recipient, CancellationToken cancellationToken = default)
    {
        InboxRules.Validate(recipient);
        await using var command = dataSource.CreateCommand(CountUnreadSql);
        AddRecipient(command, recipient);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<bool> MarkReadAsync(NotificationRecipient recipient, long notificationId, DateTimeOffset readAt, CancellationToken cancellationToken = default)
    {
        InboxRules.Validate(recipient);
        await using var command = dataSource.CreateCommand(MarkReadSql);
        AddRecipient(command, recipient);
        command.Parameters.Add(Parameters.Bigint(notificationId));
        command.Parameters.Add(Parameters.TimestampTz(CaseCommitRules.NormaliseInstant(readAt)));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    public async Task<long> MarkAllReadAsync(NotificationRecipient recipient, DateTimeOffset readAt, CancellationToken cancellationToken = default)
    {
        InboxRules.Validate(recipient);
        await using var command = dataSource.CreateCommand(MarkAllReadSql);
        AddRecipient(command, recipient);
        command.Parameters.Add(Parameters.TimestampTz(CaseCommitRules.NormaliseInstant(readAt)));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddRecipient(NpgsqlCommand command, NotificationRecipient recipient)
    {
        command.Parameters.Add(Parameters.Text(recipient.UserId));
        command.Parameters.Add(Parameters.Text(recipient.OrganisationId));
        command.Parameters.Add(Parameters.Text(recipient.RoleName));
    }
}
