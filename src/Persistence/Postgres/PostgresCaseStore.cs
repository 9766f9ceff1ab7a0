using CaseGrains.Domain.Statistics;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Reminders;
using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// <see cref="ICaseStore"/> on PostgreSQL (schema <c>0100_cases.sql</c> to <c>0103</c>). A commit is one statement, so
/// one round trip and one implicit transaction: a data-modifying CTE inserts the case row (version 0, <c>ON CONFLICT
/// DO NOTHING</c>) or updates it only where it is still at the expected version, and the history entry is inserted
/// from the CTE's rows, so it is written exactly when the case row was. No row means the version check failed.
/// Concurrent commits at the same version serialise on the row lock; the loser re-checks the version and gets
/// no row. The same statement chains the entry (<see cref="HistoryChain"/>): it reads the hash of entry seq - 1,
/// which the version check guarantees is committed and visible, and computes the new hash with
/// <c>case_history_hash</c> (<c>0102_history_chain.sql</c>) over the values it inserts. A commit carrying a
/// schedule (<see cref="CaseCommit.Reminders"/>) replaces the case's <c>reminder_schedule</c> rows
/// (<c>0104_deadline_schedule.sql</c>) in further CTEs of the same statement, also only when the case row was written;
/// a commit carrying notifications (<see cref="CaseCommit.Notifications"/>) inserts them into <c>notifications</c>
/// (<c>0105_notifications.sql</c>) the same way, so a version conflict or a failed statement writes none; and outbox
/// messages (<see cref="CaseCommit.Outbox"/>) go into <c>supervision_outbox</c> (<c>0110_supervision.sql</c>) likewise.
/// </summary>
public sealed class PostgresCaseStore(NpgsqlDataSource dataSource) : ICaseStore
{
    private const string IdempotencyKeyIndex = "case_history_idempotency_key";

    // $1 case_id, $2 new version (= seq), $3 snapshot, $4..$17 index columns, $18..$23 the outcome (0130), $24..$30 history
    // entry, $31 expected version.
    private const string IndexColumns =
        "status, receiving_body_id, competent_body_id, respondent_agency_id, intake_point_id, region_path, channel, "
        + "enterprise_related, applicant_name, agency_name, received_on, nearest_due_on, updated_at, applicant_user_id, "
        + "accepted_on, ending, ended_on, decision_type, findings, decision_overdue";

    // "previous" is always exactly one row: a missing predecessor gives a NULL previous_hash, which the NOT NULL
    // column refuses, failing the whole statement rather than writing the case without its history entry.
    private const string InsertHistoryFrom = """
        INSERT INTO case_history (case_id, seq, at, actor_user_id, actor_organisation_id, action, reason, payload, idempotency_key,
                                  previous_hash, hash)
        SELECT case_id, $2, $24, $25, $26, $27, $28, $29, $30,
               previous_hash, case_history_hash(case_id, $2, $24, $25, $26, $27, $28, $29, $30, previous_hash)
          FROM written, previous
        """;

    // Appended after the "written" and "previous" CTEs when the commit carries a schedule; $P0 to $P5 are its six
    // parameters, numbered after the case's: deadline ids, kinds, steps, due dates, fire times (parallel arrays) and the case's partition. Both
    // CTEs act only when the case row was written. The delete removes the rows whose (deadline, step) is not in the
    // new schedule and the upsert writes the others, so the two never touch the same key: a DELETE and an INSERT of
    // the same key in sibling CTEs could run in either order and collide on the primary key. A row that did not change is
    // left alone: most commits keep most of the schedule, and rewriting it would cost a new row version and WAL each.
    private const string ScheduleCtes = """
        ,
        schedule AS (
            SELECT * FROM unnest($P0::int[], $P1::text[], $P2::text[], $P3::date[], $P4::timestamptz[])
                   AS s (deadline_id, kind, step, due_on, fire_at)
        ),
        unscheduled AS (
            DELETE FROM reminder_schedule r USING written
             WHERE r.case_id = written.case_id
               AND NOT EXISTS (SELECT 1 FROM schedule s WHERE s.deadline_id = r.deadline_id AND s.step = r.step)
        ),
        scheduled AS (
            INSERT INTO reminder_schedule AS r (case_id, deadline_id, kind, step, due_on, fire_at, partition)
            SELECT written.case_id, s.deadline_id, s.kind, s.step, s.due_on, s.fire_at, $P5::smallint
              FROM written, schedule s
            ON CONFLICT (case_id, deadline_id, step) DO UPDATE
               SET kind = excluded.kind, due_on = excluded.due_on, fire_at = excluded.fire_at, partition = excluded.partition
             WHERE (r.kind, r.due_on, r.fire_at, r.partition)
                   IS DISTINCT FROM (excluded.kind, excluded.due_on, excluded.fire_at, excluded.partition)
        )
        """;

    // Appended like the schedule's CTEs when the commit carries notifications; $Q0 to $Q6 are its seven parameters,
    // numbered after the case's and the schedule's: kinds, organisations, roles, users, titles, texts and payloads
    // (parallel arrays). The rows are inserted in list order, so the identity (and the feed order within the commit)
    // follows it. created_at is the entry's time ($24); xact_id is the column's default, this transaction's id.
    private const string NotificationCtes = """
        ,
        notified AS (
            INSERT INTO notifications (case_id, created_at, kind, recipient_organisation_id, recipient_role, recipient_user_id,
                                       title, text, payload)
            SELECT written.case_id, $24, n.kind, n.organisation_id, n.role, n.user_id, n.title, n.text, n.payload
              FROM written,
                   unnest($Q0::text[], $Q1::text[], $Q2::text[], $Q3::text[], $Q4::text[], $Q5::text[], $Q6::jsonb[])
                       WITH ORDINALITY AS n (kind, organisation_id, role, user_id, title, text, payload, ordinal)
             ORDER BY n.ordinal
        )
        """;

    // Appended like the others when the commit carries outbox messages; $R0 to $R3 are target kinds, target ids, message
    // keys and payloads (parallel arrays). enqueued_at is the entry's time ($24).
    private const string OutboxCtes = """
        ,
        outboxed AS (
            INSERT INTO supervision_outbox (target_kind, target_id, message_key, message, enqueued_at)
            SELECT o.target_kind, o.target_id, o.message_key, o.message, $24
              FROM written,
                   unnest($R0::text[], $R1::text[], $R2::text[], $R3::jsonb[]) WITH ORDINALITY
                       AS o (target_kind, target_id, message_key, message, ordinal)
             ORDER BY o.ordinal
            ON CONFLICT (target_kind, target_id, message_key) DO NOTHING
        )
        """;

    private const string CreateSql = $"""
        WITH written AS (
            INSERT INTO cases (case_id, version, snapshot, {IndexColumns})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
            ON CONFLICT (case_id) DO NOTHING
            RETURNING case_id
        ),
        previous AS (SELECT repeat('0', 64) AS previous_hash)
        /*schedule*//*notifications*//*outbox*/
        {InsertHistoryFrom}
        """;

    private const string UpdateSql = $"""
        WITH written AS (
            UPDATE cases
               SET version = $2, snapshot = $3, status = $4, receiving_body_id = $5, competent_body_id = $6,
                   respondent_agency_id = $7, intake_point_id = $8, region_path = $9, channel = $10,
                   enterprise_related = $11, applicant_name = $12, agency_name = $13, received_on = $14,
                   nearest_due_on = $15, updated_at = $16, applicant_user_id = $17, accepted_on = $18, ending = $19,
                   ended_on = $20, decision_type = $21, findings = $22, decision_overdue = $23
             WHERE case_id = $1 AND version = $31
            RETURNING case_id
        ),
        previous AS (SELECT (SELECT h.hash FROM case_history h WHERE h.case_id = $1 AND h.seq = $2 - 1) AS previous_hash)
        /*schedule*//*notifications*//*outbox*/
        {InsertHistoryFrom}
        """;

    private const string HistoryColumns =
        "seq, at, actor_user_id, actor_organisation_id, action, reason, payload::text, idempotency_key, previous_hash, hash";

    private const string SelectHistory = $"SELECT {HistoryColumns} FROM case_history";

    // The case's version and its history in one statement, so one snapshot: a concurrent append cannot make them disagree.
    private const string SelectVersionAndHistory = $"""
        SELECT c.version, {HistoryColumns}
          FROM cases c LEFT JOIN case_history h ON h.case_id = c.case_id
         WHERE c.case_id = $1
         ORDER BY h.seq
        """;

    public async Task<StoredCase?> LoadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        await using var command = dataSource.CreateCommand("SELECT version, snapshot::text FROM cases WHERE case_id = $1");
        command.Parameters.Add(Parameters.Text(caseId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredCase(caseId, reader.GetInt64(0), reader.GetString(1))
            : null;
    }

    public async Task AppendAsync(CaseCommit commit, CancellationToken cancellationToken = default)
    {
        CaseCommitRules.Validate(commit);
        var index = commit.Index;
        var entry = commit.Entry;
        var reminders = CaseCommitRules.NormalisedReminders(commit);
        var notifications = commit.Notifications is { Count: > 0 } drafts ? drafts : null;
        var outbox = commit.Outbox is { Count: > 0 } messages ? messages : null;
        await using var command = dataSource.CreateCommand(
            BuildAppendSql(commit.ExpectedVersion == 0, reminders is not null, notifications is not null, outbox is not null));
        command.Parameters.Add(Parameters.Text(commit.CaseId));
        command.Parameters.Add(Parameters.Bigint(commit.ExpectedVersion + 1));
        command.Parameters.Add(Parameters.Jsonb(commit.SnapshotJson));
        command.Parameters.Add(Parameters.Text(index.Status));
        command.Parameters.Add(Parameters.Text(index.ReceivingBodyId));
        command.Parameters.Add(Parameters.Text(index.CompetentBodyId));
        command.Parameters.Add(Parameters.Text(index.RespondentAgencyId));
        command.Parameters.Add(Parameters.Text(index.IntakePointId));
        command.Parameters.Add(Parameters.Text(index.RegionPath));
        command.Parameters.Add(Parameters.Text(index.Channel));
        command.Parameters.Add(Parameters.Boolean(index.EnterpriseRelated));
        command.Parameters.Add(Parameters.Text(index.ApplicantName));
        command.Parameters.Add(Parameters.Text(index.AgencyName));
        command.Parameters.Add(Parameters.Date(index.ReceivedOn));
        command.Parameters.Add(Parameters.Date(index.NearestDueOn));
        command.Parameters.Add(Parameters.TimestampTz(CaseCommitRules.NormaliseInstant(index.UpdatedAt)));
        command.Parameters.Add(Parameters.Text(index.ApplicantUserId));
        AddOutcome(command, commit.Outcome ?? CaseOutcome.None);
        command.Parameters.Add(Parameters.TimestampTz(CaseCommitRules.NormaliseInstant(entry.At)));
        command.Parameters.Add(Parameters.Text(entry.ActorUserId));
        command.Parameters.Add(Parameters.Text(entry.ActorOrganisationId));
        command.Parameters.Add(Parameters.Text(entry.Action));
        command.Parameters.Add(Parameters.Text(entry.Reason));
        command.Parameters.Add(Parameters.Jsonb(entry.PayloadJson));
        command.Parameters.Add(Parameters.Text(entry.IdempotencyKey));
        if (commit.ExpectedVersion != 0)
        {
            command.Parameters.Add(Parameters.Bigint(commit.ExpectedVersion));
        }

        if (reminders is not null)
        {
            command.Parameters.Add(Parameters.Typed(reminders.Select(r => r.DeadlineId).ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer));
            command.Parameters.Add(Parameters.TextArray([.. reminders.Select(r => r.Kind)]));
            command.Parameters.Add(Parameters.TextArray([.. reminders.Select(r => r.Step)]));
            command.Parameters.Add(Parameters.Typed(reminders.Select(r => r.DueOn).ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Date));
            command.Parameters.Add(Parameters.Typed(reminders.Select(r => r.FireAt).ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.TimestampTz));
            command.Parameters.Add(Parameters.Typed((short)ReminderPartitions.Of(commit.CaseId), NpgsqlTypes.NpgsqlDbType.Smallint));
        }

        if (notifications is not null)
        {
            command.Parameters.Add(Parameters.TextArray([.. notifications.Select(n => n.Kind)]));
            command.Parameters.Add(Parameters.TextArray([.. notifications.Select(n => n.RecipientOrganisationId)]));
            command.Parameters.Add(Parameters.TextArray([.. notifications.Select(n => n.RecipientRole)]));
            command.Parameters.Add(Parameters.TextArray([.. notifications.Select(n => n.RecipientUserId)]));
            command.Parameters.Add(Parameters.TextArray([.. notifications.Select(n => n.Title)]));
            command.Parameters.Add(Parameters.TextArray([.. notifications.Select(n => n.Text)]));
            command.Parameters.Add(Parameters.Typed(notifications.Select(n => n.PayloadJson).ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Jsonb));
        }

        if (outbox is not null)
        {
            command.Parameters.Add(Parameters.TextArray([.. outbox.Select(m => m.TargetKind)]));
            command.Parameters.Add(Parameters.TextArray([.. outbox.Select(m => m.TargetId)]));
            command.Parameters.Add(Parameters.TextArray([.. outbox.Select(m => m.MessageKey)]));
            command.Parameters.Add(Parameters.Typed(outbox.Select(m => m.PayloadJson).ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Jsonb));
        }

        int written;
        try
        {
            written = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == IdempotencyKeyIndex)
        {
            throw new DuplicateIdempotencyKeyException(commit.CaseId, entry.IdempotencyKey!);
        }

        if (written != 1)
        {
            throw new ConcurrencyConflictException(commit.CaseId, commit.ExpectedVersion);
        }
    }

    /// <summary>The outcome columns, $18 to $23 (<c>0130_case_statistics.sql</c>).</summary>
    private static void AddOutcome(NpgsqlCommand command, CaseOutcome outcome)
    {
        command.Parameters.Add(Parameters.Date(outcome.AcceptedOn));
        command.Parameters.Add(Parameters.Text(StoredNames.OfNullable(outcome.Ending)));
        command.Parameters.Add(Parameters.Date(outcome.EndedOn));
        command.Parameters.Add(Parameters.Text(StoredNames.OfNullable(outcome.DecisionType)));
        command.Parameters.Add(Parameters.TextArray([.. outcome.Findings.Select(StoredNames.Of)]));
        command.Parameters.Add(Parameters.Boolean(outcome.DecisionOverdue));
    }

    /// <summary>The append statement: create or update, with or without replacing the case's schedule, with or without
    /// inserting notifications, with or without outbox messages.</summary>
    internal static string BuildAppendSql(bool create, bool replaceSchedule, bool insertNotifications, bool insertOutbox = false)
    {
        // Create has 30 parameters, update 31; the schedule's six follow, then the notifications' seven.
        var next = create ? 31 : 32;
        var schedule = replaceSchedule ? Numbered(ScheduleCtes, "P", 6, ref next) : string.Empty;
        var notifications = insertNotifications ? Numbered(NotificationCtes, "Q", 7, ref next) : string.Empty;
        var outbox = insertOutbox ? Numbered(OutboxCtes, "R", 4, ref next) : string.Empty;
        return (create ? CreateSql : UpdateSql)
            .Replace("/*schedule*/", schedule, StringComparison.Ordinal)
            .Replace("/*notifications*/", notifications, StringComparison.Ordinal)
            .Replace("/*outbox*/", outbox, StringComparison.Ordinal);
    }

    /// <summary><paramref name="sql"/> with its placeholders $<paramref name="prefix"/>0 to
    /// $<paramref name="prefix"/>(count - 1) numbered from <paramref name="next"/>, which moves past them.</summary>
    private static string Numbered(string sql, string prefix, int count, ref int next)
    {
        for (var i = 0; i < count; i++)
        {
            sql = sql.Replace($"${prefix}{i}", $"${next++}", StringComparison.Ordinal);
        }

        return sql;
    }

    public async Task<IReadOnlyList<CaseHistoryEntry>> ReadHistoryAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        await using var command = dataSource.CreateCommand($"{SelectHistory} WHERE case_id = $1 ORDER BY seq");
        command.Parameters.Add(Parameters.Text(caseId));
        return await ReadEntriesAsync(command, cancellationToken);
    }

    public async Task<CaseHistoryEntry?> FindByIdempotencyKeyAsync(string caseId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        await using var command = dataSource.CreateCommand($"{SelectHistory} WHERE case_id = $1 AND idempotency_key = $2");
        command.Parameters.Add(Parameters.Text(caseId));
        command.Parameters.Add(Parameters.Text(idempotencyKey));
        var entries = await ReadEntriesAsync(command, cancellationToken);
        return entries.Count == 0 ? null : entries[0];
    }

    public async Task<HistoryVerification> VerifyHistoryAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        await using var command = dataSource.CreateCommand(SelectVersionAndHistory);
        command.Parameters.Add(Parameters.Text(caseId));
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

        return HistoryChain.Verify(caseId, entries, version);
    }

    private static async Task<List<CaseHistoryEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<CaseHistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(ReadEntry(reader, 0));
        }

        return entries;
    }

    /// <summary>The entry in <see cref="HistoryColumns"/> starting at column <paramref name="first"/>.</summary>
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
