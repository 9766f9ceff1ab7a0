using CaseGrains.Domain.Statistics;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Outbox;
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
/// Concurrent commits of different cases share transactions (<see cref="SubjectCommitBatcher"/>), each answered after
/// its transaction committed, and the updates among them share one statement (<see cref="CaseUpdateCombiner"/>).
/// </summary>
public sealed class PostgresCaseStore : ICaseStore
{
    private const string IdempotencyKeyIndex = "case_history_idempotency_key";

    // $1 case_id, $2 new version (= seq), $3 snapshot, $4..$17 index columns, $18..$23 the outcome (0130), $24..$30 history
    // entry, $31 expected version. region_path ($9) follows the directory (0101): a receipt takes the path of its agency's
    // region as the regions table holds it in the same statement, a moved region rewrites it, and an update leaves it,
    // since the case's own copy may predate a move.
    private const string IndexColumns =
        "status, receiving_body_id, competent_body_id, respondent_agency_id, intake_point_id, region_path, channel, "
        + "enterprise_related, applicant_name, agency_name, received_on, nearest_due_on, updated_at, applicant_user_id, "
        + "accepted_on, ending, ended_on, decision_type, findings, decision_overdue";

    // "previous" is always exactly one row: a missing predecessor gives a NULL previous_hash, which the NOT NULL
    // column refuses, failing the whole statement rather than writing the case without its history entry. The update's
    // "previous" is MATERIALIZED: inlined, its subquery was copied into both uses of previous_hash (two index lookups),
    // and as an argument containing a subquery it kept case_history_field from being inlined into the hash, so every
    // commit parsed and planned that SQL function anew.
    private const string InsertHistoryFrom = """
        INSERT INTO case_history (case_id, seq, at, actor_user_id, actor_organisation_id, action, reason, payload, idempotency_key,
                                  previous_hash, hash)
        SELECT case_id, $2, $24, $25, $26, $27, $28, $29, $30,
               previous_hash, case_history_hash(case_id, $2, $24, $25, $26, $27, $28, $29, $30, previous_hash)
          FROM written, previous
        """;

    private const string CreateSql = $"""
        WITH written AS (
            INSERT INTO cases (case_id, version, snapshot, {IndexColumns})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                    COALESCE((SELECT r.path FROM organisations o JOIN regions r ON r.id = o.region_id
                              WHERE o.id = $7 AND o.kind = 'EnforcementAgency'), $9),
                    $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
            ON CONFLICT (case_id) DO NOTHING
            RETURNING case_id
        ),
        previous AS (SELECT repeat('0', 64) AS previous_hash)
        {SubjectCommitSql.Placeholder}
        {InsertHistoryFrom}
        """;

    private const string UpdateSql = $"""
        WITH written AS (
            UPDATE cases
               SET version = $2, snapshot = $3, status = $4, receiving_body_id = $5, competent_body_id = $6,
                   respondent_agency_id = $7, intake_point_id = $8, channel = $10,
                   enterprise_related = $11, applicant_name = $12, agency_name = $13, received_on = $14,
                   nearest_due_on = $15, updated_at = $16, applicant_user_id = $17, accepted_on = $18, ending = $19,
                   ended_on = $20, decision_type = $21, findings = $22, decision_overdue = $23
             WHERE case_id = $1 AND version = $31
            RETURNING case_id
        ),
        previous AS MATERIALIZED (SELECT (SELECT h.hash FROM case_history h WHERE h.case_id = $1 AND h.seq = $2 - 1) AS previous_hash)
        {SubjectCommitSql.Placeholder}
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

    private static readonly SubjectCommitStatements AppendStatements = new(BuildAppendSql);

    private readonly NpgsqlDataSource dataSource;
    private readonly SubjectCommitBatcher batcher;

    public PostgresCaseStore(NpgsqlDataSource dataSource, SubjectCommitBatching? batching = null)
    {
        this.dataSource = dataSource;
        batcher = new SubjectCommitBatcher(dataSource, batching ?? SubjectCommitBatching.Default, new CaseUpdateCombiner());
    }

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
        var reminders = CaseCommitRules.NormalisedReminders(commit);
        var notifications = commit.Notifications is { Count: > 0 } drafts ? drafts : null;
        var outbox = commit.Outbox is { Count: > 0 } messages ? messages : null;
        var sql = AppendStatements.For(commit.ExpectedVersion == 0, reminders is not null, notifications is not null, outbox is not null);
        void Add(NpgsqlParameterCollection parameters) => AddParameters(parameters, commit, reminders, notifications, outbox);
        await batcher.CommitAsync(
            commit.ExpectedVersion == 0
                ? new PendingSubjectCommit(commit.CaseId, 0, commit.Entry.IdempotencyKey, IdempotencyKeyIndex, sql, Add)
                : new PendingCaseUpdate(commit, reminders, notifications, outbox, IdempotencyKeyIndex, sql, Add),
            cancellationToken);
    }

    /// <summary>The append statement's parameters, in <see cref="BuildAppendSql"/>'s numbering.</summary>
    private static void AddParameters(
        NpgsqlParameterCollection parameters,
        CaseCommit commit,
        IReadOnlyList<ScheduleEntry>? reminders,
        IReadOnlyList<NotificationDraft>? notifications,
        IReadOnlyList<OutboxMessage>? outbox)
    {
        var index = commit.Index;
        var entry = commit.Entry;
        parameters.Add(Parameters.Text(commit.CaseId));
        parameters.Add(Parameters.Bigint(commit.ExpectedVersion + 1));
        parameters.Add(Parameters.Jsonb(commit.SnapshotJson));
        parameters.Add(Parameters.Text(index.Status));
        parameters.Add(Parameters.Text(index.ReceivingBodyId));
        parameters.Add(Parameters.Text(index.CompetentBodyId));
        parameters.Add(Parameters.Text(index.RespondentAgencyId));
        parameters.Add(Parameters.Text(index.IntakePointId));
        parameters.Add(Parameters.Text(index.RegionPath));
        parameters.Add(Parameters.Text(index.Channel));
        parameters.Add(Parameters.Boolean(index.EnterpriseRelated));
        parameters.Add(Parameters.Text(index.ApplicantName));
        parameters.Add(Parameters.Text(index.AgencyName));
        parameters.Add(Parameters.Date(index.ReceivedOn));
        parameters.Add(Parameters.Date(index.NearestDueOn));
        parameters.Add(Parameters.TimestampTz(CaseCommitRules.NormaliseInstant(index.UpdatedAt)));
        parameters.Add(Parameters.Text(index.ApplicantUserId));
        AddOutcome(parameters, commit.Outcome ?? CaseOutcome.None);
        parameters.Add(Parameters.TimestampTz(CaseCommitRules.NormaliseInstant(entry.At)));
        parameters.Add(Parameters.Text(entry.ActorUserId));
        parameters.Add(Parameters.Text(entry.ActorOrganisationId));
        parameters.Add(Parameters.Text(entry.Action));
        parameters.Add(Parameters.Text(entry.Reason));
        parameters.Add(Parameters.Jsonb(entry.PayloadJson));
        parameters.Add(Parameters.Text(entry.IdempotencyKey));
        if (commit.ExpectedVersion != 0)
        {
            parameters.Add(Parameters.Bigint(commit.ExpectedVersion));
        }

        if (reminders is not null)
        {
            SubjectCommitSql.AddSchedule(parameters, commit.CaseId, reminders);
        }

        if (notifications is not null)
        {
            SubjectCommitSql.AddNotifications(parameters, notifications);
        }

        if (outbox is not null)
        {
            SubjectCommitSql.AddOutbox(parameters, outbox);
        }
    }

    /// <summary>The outcome columns, $18 to $23 (<c>0130_case_statistics.sql</c>).</summary>
    private static void AddOutcome(NpgsqlParameterCollection parameters, CaseOutcome outcome)
    {
        parameters.Add(Parameters.Date(outcome.AcceptedOn));
        parameters.Add(Parameters.Text(StoredNames.OfNullable(outcome.Ending)));
        parameters.Add(Parameters.Date(outcome.EndedOn));
        parameters.Add(Parameters.Text(StoredNames.OfNullable(outcome.DecisionType)));
        parameters.Add(Parameters.TextArray([.. outcome.Findings.Select(StoredNames.Of)]));
        parameters.Add(Parameters.Boolean(outcome.DecisionOverdue));
    }

    /// <summary>The append statement: create or update, with or without replacing the case's schedule, with or without
    /// inserting notifications, with or without outbox messages.</summary>
    internal static string BuildAppendSql(bool create, bool replaceSchedule, bool insertNotifications, bool insertOutbox = false) =>
        SubjectCommitSql.WithCtes(
            create ? CreateSql : UpdateSql, "written.case_id", at: 24, next: create ? 31 : 32, replaceSchedule, insertNotifications, insertOutbox);

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
