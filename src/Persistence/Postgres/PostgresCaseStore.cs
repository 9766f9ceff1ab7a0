using CaseGrains.Persistence.Cases;
using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// <see cref="ICaseStore"/> on PostgreSQL (schema <c>0100_cases.sql</c>). A commit is one statement, so one round
/// trip and one implicit transaction: a data-modifying CTE inserts the case row (version 0, <c>ON CONFLICT DO
/// NOTHING</c>) or updates it only where it is still at the expected version, and the history entry is inserted
/// from the CTE's rows, so it is written exactly when the case row was. No row means the version check failed.
/// Concurrent commits at the same version serialise on the row lock; the loser re-checks the version and gets
/// no row.
/// </summary>
public sealed class PostgresCaseStore(NpgsqlDataSource dataSource) : ICaseStore
{
    private const string IdempotencyKeyIndex = "case_history_idempotency_key";

    // $1 case_id, $2 new version (= seq), $3 snapshot, $4..$16 index columns, $17..$23 history entry, $24 expected version.
    private const string IndexColumns =
        "status, receiving_body_id, competent_body_id, respondent_agency_id, intake_point_id, region_path, channel, "
        + "enterprise_related, applicant_name, agency_name, received_on, nearest_due_on, updated_at";

    private const string InsertHistoryFrom = """
        INSERT INTO case_history (case_id, seq, at, actor_user_id, actor_organisation_id, action, reason, payload, idempotency_key)
        SELECT case_id, $2, $17, $18, $19, $20, $21, $22, $23 FROM written
        """;

    private const string CreateSql = $"""
        WITH written AS (
            INSERT INTO cases (case_id, version, snapshot, {IndexColumns})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            ON CONFLICT (case_id) DO NOTHING
            RETURNING case_id
        )
        {InsertHistoryFrom}
        """;

    private const string UpdateSql = $"""
        WITH written AS (
            UPDATE cases
               SET version = $2, snapshot = $3, status = $4, receiving_body_id = $5, competent_body_id = $6,
                   respondent_agency_id = $7, intake_point_id = $8, region_path = $9, channel = $10,
                   enterprise_related = $11, applicant_name = $12, agency_name = $13, received_on = $14,
                   nearest_due_on = $15, updated_at = $16
             WHERE case_id = $1 AND version = $24
            RETURNING case_id
        )
        {InsertHistoryFrom}
        """;

    private const string SelectHistory =
        "SELECT seq, at, actor_user_id, actor_organisation_id, action, reason, payload::text, idempotency_key FROM case_history";

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
        await using var command = dataSource.CreateCommand(commit.ExpectedVersion == 0 ? CreateSql : UpdateSql);
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

    private static async Task<List<CaseHistoryEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<CaseHistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new CaseHistoryEntry(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return entries;
    }
}
