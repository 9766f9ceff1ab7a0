using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Complaints;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Outbox;
using CaseGrains.Persistence.Reminders;
using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// <see cref="IComplaintStore"/> on PostgreSQL (<c>0120_complaints.sql</c>), built like <see cref="PostgresCaseStore"/>:
/// one statement per commit, whose CTEs write the complaint row (created, or updated only at the expected version), the
/// chained history entry (<c>case_history_hash</c> over the complaint's id), the complaint's rows of
/// <c>reminder_schedule</c>, its notifications and its finding for the agency (<c>supervision_outbox</c>), all only when the complaint row was written. No row written means
/// the version check failed. Concurrent commits of different complaints share transactions
/// (<see cref="SubjectCommitBatcher"/>).
/// </summary>
public sealed class PostgresComplaintStore : IComplaintStore
{
    private const string IdempotencyKeyIndex = "complaint_history_idempotency_key";

    // $1 id, $2 new version (= seq), $3 snapshot, $4..$14 list columns, $15..$21 history entry, $22 expected version
    // (update only); then the schedule's, the notifications' and the outbox's, as SubjectCommitSql numbers them.
    private const string IndexColumns =
        "status, kind, agency_id, agency_name, region_path, handling_office_id, received_on, answer_due_on, answer_overdue, substantiated, updated_at";

    private const string InsertHistoryFrom = """
        INSERT INTO complaint_history (complaint_id, seq, at, actor_user_id, actor_organisation_id, action, reason, payload,
                                       idempotency_key, previous_hash, hash)
        SELECT complaint_id, $2, $15, $16, $17, $18, $19, $20, $21,
               previous_hash, case_history_hash(complaint_id, $2, $15, $16, $17, $18, $19, $20, $21, previous_hash)
          FROM written, previous
        """;

    private const string CreateSql = $"""
        WITH written AS (
            INSERT INTO complaints (complaint_id, version, snapshot, {IndexColumns})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            ON CONFLICT (complaint_id) DO NOTHING
            RETURNING complaint_id
        ),
        previous AS (SELECT repeat('0', 64) AS previous_hash)
        {SubjectCommitSql.Placeholder}
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
        {SubjectCommitSql.Placeholder}
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

    private static readonly SubjectCommitStatements AppendStatements = new(BuildAppendSql);

    private readonly NpgsqlDataSource dataSource;
    private readonly SubjectCommitBatcher batcher;

    public PostgresComplaintStore(NpgsqlDataSource dataSource, SubjectCommitBatching? batching = null)
    {
        this.dataSource = dataSource;
        batcher = new SubjectCommitBatcher(dataSource, batching ?? SubjectCommitBatching.Default);
    }

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
        var reminders = CaseCommitRules.NormalisedReminders(commit.Reminders);
        var notifications = commit.Notifications is { Count: > 0 } drafts ? drafts : null;
        var outbox = commit.Outbox is { Count: > 0 } messages ? messages : null;
        await batcher.CommitAsync(
            new PendingSubjectCommit(
                commit.ComplaintId,
                commit.ExpectedVersion,
                commit.Entry.IdempotencyKey,
                IdempotencyKeyIndex,
                AppendStatements.For(commit.ExpectedVersion == 0, reminders is not null, notifications is not null, outbox is not null),
                parameters => AddParameters(parameters, commit, reminders, notifications, outbox)),
            cancellationToken);
    }

    /// <summary>The append statement's parameters, in <see cref="BuildAppendSql"/>'s numbering.</summary>
    private static void AddParameters(
        NpgsqlParameterCollection p,
        ComplaintCommit commit,
        IReadOnlyList<ScheduleEntry>? reminders,
        IReadOnlyList<NotificationDraft>? notifications,
        IReadOnlyList<OutboxMessage>? outbox)
    {
        var index = commit.Index;
        var entry = commit.Entry;
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
            SubjectCommitSql.AddSchedule(p, commit.ComplaintId, reminders);
        }

        if (notifications is not null)
        {
            SubjectCommitSql.AddNotifications(p, notifications);
        }

        if (outbox is not null)
        {
            SubjectCommitSql.AddOutbox(p, outbox);
        }
    }

    internal static string BuildAppendSql(bool create, bool replaceSchedule, bool insertNotifications, bool insertOutbox = false) =>
        SubjectCommitSql.WithCtes(
            create ? CreateSql : UpdateSql, "written.complaint_id", at: 15, next: create ? 22 : 23, replaceSchedule, insertNotifications, insertOutbox);

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
