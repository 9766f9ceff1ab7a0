using CaseGrains.Persistence.Outbox;
using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary><see cref="ISupervisionOutbox"/> on <c>supervision_outbox</c> (<c>0110_supervision.sql</c>).</summary>
public sealed class PostgresOutbox(NpgsqlDataSource dataSource) : ISupervisionOutbox
{
    public async Task<IReadOnlyList<PendingOutboxMessage>> PendingAsync(DateTimeOffset enqueuedBefore, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var command = dataSource.CreateCommand("""
            SELECT id, target_kind, target_id, message_key, message::text, enqueued_at
              FROM supervision_outbox
             WHERE enqueued_at <= $1
             ORDER BY id
             LIMIT $2
            """);
        command.Parameters.Add(Parameters.TimestampTz(enqueuedBefore.ToUniversalTime()));
        command.Parameters.Add(Parameters.Bigint(limit));
        var pending = new List<PendingOutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(new PendingOutboxMessage(
                reader.GetInt64(0),
                new OutboxMessage(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return pending;
    }

    /// <remarks>
    /// The deletion does not wait for its WAL to reach disk (<c>synchronous_commit</c> off for its own implicit
    /// transaction): a deletion lost in a server crash only means the relay delivers the message again, which every target
    /// takes as a repeat. Waiting cost a disk flush per finding delivered, on the path every decision waits for.
    /// </remarks>
    public async Task AcknowledgeAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT set_config('synchronous_commit', 'off', true)"));
        var delete = new NpgsqlBatchCommand("DELETE FROM supervision_outbox WHERE target_kind = $1 AND target_id = $2 AND message_key = $3");
        delete.Parameters.Add(Parameters.Text(message.TargetKind));
        delete.Parameters.Add(Parameters.Text(message.TargetId));
        delete.Parameters.Add(Parameters.Text(message.MessageKey));
        batch.BatchCommands.Add(delete);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Inserts a commit's messages inside its transaction, keeping any already waiting with the same target and key.</summary>
    internal static async Task EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<OutboxMessage>? messages, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (messages is not { Count: > 0 })
        {
            return;
        }

        await using var command = new NpgsqlCommand("""
            INSERT INTO supervision_outbox (target_kind, target_id, message_key, message, enqueued_at)
            SELECT o.target_kind, o.target_id, o.message_key, o.message, $5
              FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY
                       AS o (target_kind, target_id, message_key, message, ordinal)
             ORDER BY o.ordinal
            ON CONFLICT (target_kind, target_id, message_key) DO NOTHING
            """, connection, transaction);
        SubjectCommitSql.AddOutbox(command.Parameters, messages);
        command.Parameters.Add(Parameters.TimestampTz(at));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
