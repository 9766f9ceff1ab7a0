using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Complaints;
using CaseGrains.Persistence.Reminders;
using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// <see cref="IComplaintStore"/> on PostgreSQL (<c>0120_complaints.sql</c>), built like <see cref="PostgresCaseStore"/>:
/// one statement per commit, whose CTEs write the complaint row (created, or updated only at the expected version), the
/// chained history entry (<c>case_history_hash</c> over the complaint's id), the complaint's rows of
/// <c>reminder_schedule</c>, its notifications and its finding for the agency (<c>supervision_outbox</c>), all only when the complaint row was written. No row written means
/// the version check failed.
/// </summary>
public sealed class PostgresComplaintStore(NpgsqlDataSource dataSource) : IComplaintStore
{
    private const string IdempotencyKeyIndex = "complaint_history_idempotency_key";

    // $1 id, $2 new version (= seq), $3 snapshot, $4..$14 list columns, $15..$21 history entry, $22 expected version
    // (update only); then the schedule's six parameters and the notifications' seven, as PostgresCaseStore numbers them.
    private const string IndexColumns =
        "status, kind, agency_id, agency_name, region_path, handling_office_id, received_on, answer_due_on, answer_overdue, substantiated, updated_at";

    private const string InsertHistoryFrom = """
        INSERT INTO complaint_history (complaint_id, seq, at, actor_user_id, actor_organisation_id, action, reason, payload,
                                       idempotency_key, previous_hash, hash)
        SELECT complaint_id, $2, $15, $16, $17, $18, $19, $20, $21,
               previous_hash, case_history_hash(complaint_id, $2, $15, $16, $17, $18, $19, $20, $21, previous_hash)
          FROM written, previous
        """;

    private const string ScheduleCtes = """
        ,
        schedule AS (
            SELECT * FROM unnest($P0::int[], $P1::text[], $P2::text[], $P3::date[], $P4::timestamptz[])
                   AS s (deadline_id, kind, step, due_on, fire_at)
        ),
        unscheduled AS (
            DELETE FROM reminder_schedule r USING written
             WHERE r.case_id = written.complaint_id
               AND NOT EXISTS (SELECT 1 FROM schedule s WHERE s.deadline_id = r.deadline_id AND s.step = r.step)
        ),
        scheduled AS (
            INSERT INTO reminder_schedule AS r (case_id, deadline_id, kind, step, due_on, fire_at, partition)
            SELECT written.complaint_id, s.deadline_id, s.kind, s.step, s.due_on, s.fire_at, $P5::smallint
              FROM written, schedule s
            ON CONFLICT (case_id, deadline_id, step) DO UPDATE
               SET kind = excluded.kind, due_on = excluded.due_on, fire_at = excluded.fire_at, partition = excluded.partition
             WHERE (r.kind, r.due_on, r.fire_at, r.partition)
                   IS DISTINCT FROM (excluded.kind, excluded.due_on, excluded.fire_at, excluded.partition)
        )
        """;

    private const string NotificationCtes = """
        ,
        notified AS (
            INSERT INTO notifications (case_id, created_at, kind, recipient_organisation_id, recipient_role, recipient_user_id,
                                       title, text, payload)
            SELECT written.complaint_id, $15, n.kind, n.organisation_id, n.role, n.user_id, n.title, n.text, n.payload
              FROM written,
                   unnest($Q0::text[], $Q1::text[], $Q2::text[], $Q3::text[], $Q4::text[], $Q5::text[], $Q6::jsonb[])
                       WITH ORDINALITY AS n (kind, organisation_id, role, user_id, title, text, payload, ordinal)
             ORDER BY n.ordinal
        )
        """;

    // A substantiated complaint's finding for its agency (AgencyFinding), like a case's: $R0 to $R3 are target kinds,
    // target ids, message keys and payloads; enqueued at the entry's time ($15).
    private const string OutboxCtes = """
        ,
        outboxed AS (
            INSERT INTO supervision_outbox (target_kind, target_id, message_key, message, enqueued_at)
            SELECT o.target_kind, o.target_id, o.message_key, o.message, $15
              FROM written,
                   unnest($R0::text[], $R1::text[], $R2::text[], $R3::jsonb[]) WITH ORDINALITY
                       AS o (target_kind, target_id, message_key, message, ordinal)
             ORDER BY o.ordinal
            ON CONFLICT (target_kind, target_id, message_key) DO NOTHING
        )
        """;

    private const string CreateSql = $"""
        WITH written AS (
            INSERT INTO complaints (complaint_id, version, snapshot, {IndexColumns})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            ON CONFLICT (complaint_id) DO NOTHING
            RETURNING complaint_id
        ),
        previous AS (SELECT repeat('0', 64) AS previous_hash)
        /*schedule*//*notifications*//*outbox*/
        {InsertHistoryFrom}
        """;

    private const string UpdateSql = $"""
        WITH written AS (
            UPDATE complaints
               SET version = $2, snapshot = $3, status = $4, kind = $5, agency_id = $6, agency_name = $7, region_path = $8,
                   handling_office_id = $9, received_on = $10, answer_due_on = $11, answer_overdue = $12,
                   substantiated = $13, updated_at = $14
             WHERE complaint_id = $1 AND version = $22
            RETURNING complaint_id
        ),
        previous AS (SELECT (SELECT h.hash FROM complaint_history h WHERE h.complaint_id = $1 AND h.seq = $2 - 1) AS previous_hash)
        /*schedule*//*notifications*//*outbox*/
        {InsertHistoryFrom}
        """;

    private const string HistoryColumns =
        "seq, at, actor_user_id, actor_organisation_id, action, reason, payload::text, idempotency_key, previous_hash, hash";

    private const string SelectVersionAndHistory = $"""
        SELECT c.version, {HistoryColumns}
          FROM complaints c LEFT JOIN complaint_history h ON h.complaint_id = c.complaint_id
         WHERE c.complaint_id = $1
         ORDER BY h.seq
        """;

    public async Task<StoredComplaint?> LoadAsync(string complaintId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaintId);
        await using var command = dataSource.CreateCommand("SELECT version, snapshot::text FROM complaints WHERE complaint_id = $1");
        command.Parameters.Add(Parameters.Text(complaintId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredComplaint(complaintId, reader.GetInt64(0), reader.GetString(1)) : null;
    }

    public async Task AppendAsync(ComplaintCommit commit, CancellationToken cancellationToken = default)
    {
        ComplaintCommitRules.Validate(commit);
        var index = commit.Index;
        var entry = commit.Entry;
        var reminders = CaseCommitRules.NormalisedReminders(commit.Reminders);
        var notifications = commit.Notifications is { Count: > 0 } drafts ? drafts : null;
        var outbox = commit.Outbox is { Count: > 0 } messages ? messages : null;
        await using var command = dataSource.CreateCommand(
            BuildAppendSql(commit.ExpectedVersion == 0, reminders is not null, notifications is not null, outbox is not null));
        var p = command.Parameters;
        p.Add(Parameters.Text(commit.ComplaintId));
        p.Add(Parameters.Bigint(commit.ExpectedVersion + 1));
        p.Add(Parameters.Jsonb(commit.SnapshotJson));
        p.Add(Parameters.Text(index.Status));
        p.Add(Parameters.Text(index.Kind));
        p.Add(Parameters.Text(index.AgencyId));
        p.Add(Parameters.Text(index.AgencyName));
        p.Add(Parameters.Text(index.RegionPath));
        p.Add(Parameters.Text(index.HandlingOfficeId));
        p.Add(Parameters.Date(index.ReceivedOn));
        p.Add(Parameters.Date(index.AnswerDueOn));
        p.Add(Parameters.Boolean(index.AnswerOverdue));
        p.Add(Parameters.Typed(index.Substantiated, NpgsqlTypes.NpgsqlDbType.Boolean));
        p.Add(Parameters.TimestampTz(CaseCommitRules.NormaliseInstant(index.UpdatedAt)));
        p.Add(Parameters.TimestampTz(CaseCommitRules.NormaliseInstant(entry.At)));
        p.Add(Parameters.Text(entry.ActorUserId));
        p.Add(Parameters.Text(entry.ActorOrganisationId));
        p.Add(Parameters.Text(entry.Action));
        p.Add(Parameters.Text(entry.Reason));
        p.Add(Parameters.Jsonb(entry.PayloadJson));
        p.Add(Parameters.Text(entry.IdempotencyKey));
        if (commit.ExpectedVersion != 0)
        {
            p.Add(Parameters.Bigint(commit.ExpectedVersion));
        }

        if (reminders is not null)
        {
            p.Add(Parameters.Typed(reminders.Select(r => r.DeadlineId).ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer));
            p.Add(Parameters.TextArray([.. reminders.Select(r => r.Kind)]));
            p.Add(Parameters.TextArray([.. reminders.Select(r => r.Step)]));
            p.Add(Parameters.Typed(reminders.Select(r => r.DueOn).ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Date));
            p.Add(Parameters.Typed(reminders.Select(r => r.FireAt).ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.TimestampTz));
            p.Add(Parameters.Typed((short)ReminderPartitions.Of(commit.ComplaintId), NpgsqlTypes.NpgsqlDbType.Smallint));
        }

        if (notifications is not null)
        {
            p.Add(Parameters.TextArray([.. notifications.Select(n => n.Kind)]));
            p.Add(Parameters.TextArray([.. notifications.Select(n => n.RecipientOrganisationId)]));
            p.Add(Parameters.TextArray([.. notifications.Select(n => n.RecipientRole)]));
            p.Add(Parameters.TextArray([.. notifications.Select(n => n.RecipientUserId)]));
            p.Add(Parameters.TextArray([.. notifications.Select(n => n.Title)]));
            p.Add(Parameters.TextArray([.. notifications.Select(n => n.Text)]));
            p.Add(Parameters.Typed(notifications.Select(n => n.PayloadJson).ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Jsonb));
        }

        if (outbox is not null)
        {
            p.Add(Parameters.TextArray([.. outbox.Select(m => m.TargetKind)]));
            p.Add(Parameters.TextArray([.. outbox.Select(m => m.TargetId)]));
            p.Add(Parameters.TextArray([.. outbox.Select(m => m.MessageKey)]));
            p.Add(Parameters.Typed(outbox.Select(m => m.PayloadJson).ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Jsonb));
        }

        int written;
        try
        {
            written = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == IdempotencyKeyIndex)
        {
            throw new DuplicateIdempotencyKeyException(commit.ComplaintId, entry.IdempotencyKey!);
        }

        if (written != 1)
        {
            throw new ConcurrencyConflictException(commit.ComplaintId, commit.ExpectedVersion);
        }
    }

    internal static string BuildAppendSql(bool create, bool replaceSchedule, bool insertNotifications, bool insertOutbox = false)
    {
        var next = create ? 22 : 23;
        var schedule = replaceSchedule ? Numbered(ScheduleCtes, "P", 6, ref next) : string.Empty;
        var notifications = insertNotifications ? Numbered(NotificationCtes, "Q", 7, ref next) : string.Empty;
        var outbox = insertOutbox ? Numbered(OutboxCtes, "R", 4, ref next) : string.Empty;
        return (create ? CreateSql : UpdateSql)
            .Replace("/*schedule*/", schedule, StringComparison.Ordinal)
            .Replace("/*notifications*/", notifications, StringComparison.Ordinal)
            .Replace("/*outbox*/", outbox, StringComparison.Ordinal);
    }

    private static string Numbered(string sql, string prefix, int count, ref int next)
    {
        for (var i = 0; i < count; i++)
        {
            sql = sql.Replace($"${prefix}{i}", $"${next++}", StringComparison.Ordinal);
        }

        return sql;
    }

    public async Task<IReadOnlyList<CaseHistoryEntry>> ReadHistoryAsync(string complaintId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaintId);
        await using var command = dataSource.CreateCommand($"SELECT {HistoryColumns} FROM complaint_history WHERE complaint_id = $1 ORDER BY seq");
        command.Parameters.Add(Parameters.Text(complaintId));
        var entries = new List<CaseHistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(ReadEntry(reader, 0));
        }

        return entries;
    }

    public async Task<HistoryVerification> VerifyHistoryAsync(string complaintId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaintId);
        await using var command = dataSource.CreateCommand(SelectVersionAndHistory);
        command.Parameters.Add(Parameters.Text(complaintId));
        var version = 0L;
        var entries = new List<CaseHistoryEntry>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                version = reader.GetInt64(0);
                if (!reader.IsDBNull(1))
                {
                    entries.Add(ReadEntry(reader, 1));
                }
            }
        }

        return HistoryChain.Verify(complaintId, entries, version);
    }

    private static CaseHistoryEntry ReadEntry(NpgsqlDataReader reader, int first) => new(
        reader.GetInt64(first),
        reader.GetFieldValue<DateTimeOffset>(first + 1),
        reader.GetString(first + 2),
        reader.GetString(first + 3),
        reader.GetString(first + 4),
        reader.IsDBNull(first + 5) ? null : reader.GetString(first + 5),
        reader.GetString(first + 6),
        reader.IsDBNull(first + 7) ? null : reader.GetString(first + 7),
        reader.GetString(first + 8),
        reader.GetString(first + 9));
}
