using CaseGrains.Persistence.Notifications;
using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// <see cref="INotificationFeed"/> on <c>notifications</c> (<c>0105_notifications.sql</c>), in (<c>xact_id</c>, <c>id</c>)
/// order, reading only rows whose transaction is older than the reading snapshot's xmin (the oldest transaction still
/// running anywhere on the server). Every transaction below xmin has ended, and every transaction that starts later gets a
/// larger id, so the set of rows below xmin only grows at its end: a reader resuming after the last position it saw
/// never skips a row that committed late, and never sees one twice.
/// </summary>
/// <remarks>
/// Chosen over a publisher that stamps committed rows with positions from a sequence under an advisory lock: this needs
/// no writes, no lock and no extra process, so several gateways read the feed side by side and case commits are never
/// serialised or delayed by it; the position is known at commit. Its cost is that a row waits until every older
/// transaction has ended, so a long-running writing transaction (or one left idle) anywhere on the server holds the
/// feed back until it ends. Case commits are one statement each, or a batch of at most 64 such statements
/// (<see cref="SubjectCommitBatcher"/>); keep other transactions short.
/// </remarks>
public sealed class PostgresNotificationFeed(NpgsqlDataSource dataSource) : INotificationFeed
{
    private const string Settled = "n.xact_id < pg_snapshot_xmin(pg_current_snapshot())";

    internal const string ReadAfterSql = $"""
        SELECT {NotificationRows.Columns}
          FROM notifications n
         WHERE (n.xact_id, n.id) > ($1, $2) AND {Settled}
         ORDER BY n.xact_id, n.id
         LIMIT $3
        """;

    private const string HeadSql = $"""
        SELECT n.xact_id, n.id
          FROM notifications n
         WHERE {Settled}
         ORDER BY n.xact_id DESC, n.id DESC
         LIMIT 1
        """;

    public async Task<IReadOnlyList<StoredNotification>> ReadAfterAsync(NotificationPosition after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after.Transaction, nameof(after));
        ArgumentOutOfRangeException.ThrowIfNegative(after.Id, nameof(after));
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var command = dataSource.CreateCommand(ReadAfterSql);
        command.Parameters.Add(NotificationRows.Transaction(after.Transaction));
        command.Parameters.Add(Parameters.Bigint(after.Id));
        command.Parameters.Add(Parameters.Bigint(limit));
        var notifications = new List<StoredNotification>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            notifications.Add(NotificationRows.Read(reader));
        }

        return notifications;
    }

    public async Task<NotificationPosition> HeadAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(HeadSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new NotificationPosition(NotificationRows.TransactionOf(reader.GetFieldValue<ulong>(0)), reader.GetInt64(1))
            : NotificationPosition.Start;
    }
}
