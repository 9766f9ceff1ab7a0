using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Reminders;
using CaseGrains.Persistence.Supervision;
using Npgsql;
using NpgsqlTypes;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// <see cref="ISupervisionStore"/> on PostgreSQL (<c>0110_supervision.sql</c>; agencies' findings, <c>0200_agency_findings.sql</c>;
/// instruments' citations, <c>0240_instrument_citations.sql</c>; notices' citations, <c>0250_agency_notice_citations.sql</c>).
/// Each commit is one transaction of a few statements: the record or instrument row under optimistic concurrency on its
/// version (no row written means another writer got there first, and the transaction is rolled back), then an agency's
/// changed findings (upserted by case) and new notice citations, or an instrument's added citations (upserted by case),
/// an instrument's history entry, deadline index rows, notifications, and the outbox messages. An issuing commit first
/// increments its series' counter in the same transaction:
/// the counter row stays locked until the commit ends, so concurrent issues of one series take consecutive numbers, and a
/// rolled-back issue hands its number back.
/// </summary>
public sealed class PostgresSupervisionStore(NpgsqlDataSource dataSource) : ISupervisionStore
{
    private const string IdempotencyKeyIndex = "instrument_history_idempotency_key";

    private const string IndexColumns =
        "kind, status, agency_id, agency_region_path, issuing_body_id, supervisor_region_path, number_text, due_on, overdue, drafted_on, issued_on, updated_at";

    public async Task<StoredAgency?> LoadAgencyAsync(string agencyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agencyId);
        // One statement, so that the record, its findings and its citations are read at the same moment; each part is
        // its own rows, so that none is repeated once per row of another (the snapshot once per finding, say).
        await using var command = dataSource.CreateCommand("""
            SELECT 0 AS part, r.version, r.snapshot::text AS first, NULL::text AS second, NULL::integer AS position
              FROM agency_records r WHERE r.agency_id = $1
            UNION ALL
            SELECT 1, NULL, f.case_id, f.finding::text, f.position FROM agency_findings f WHERE f.agency_id = $1
            UNION ALL
            SELECT 2, NULL, c.notice_id, c.case_id, NULL FROM agency_notice_citations c WHERE c.agency_id = $1
            ORDER BY part, position
            """);
        command.Parameters.Add(Parameters.Text(agencyId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        (long Version, string Snapshot)? record = null;
        var findings = new List<StoredFinding>();
        var citations = new List<StoredNoticeCitation>();
        while (await reader.ReadAsync(cancellationToken))
        {
            switch (reader.GetInt32(0))
            {
                case 0:
                    record = (reader.GetInt64(1), reader.GetString(2));
                    break;
                case 1:
                    findings.Add(new StoredFinding(reader.GetString(2), reader.GetInt32(4), reader.GetString(3)));
                    break;
                default:
                    citations.Add(new StoredNoticeCitation(reader.GetString(2), reader.GetString(3)));
                    break;
            }
        }

        return record is var (version, snapshot) ? new StoredAgency(agencyId, version, snapshot, findings, citations) : null;
    }

    public async Task<StoredInstrument?> LoadInstrumentAsync(string instrumentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instrumentId);
        // One statement, so that the instrument and its citations are read at the same moment; the snapshot comes once,
        // on a row of its own, not repeated beside every citation.
        await using var command = dataSource.CreateCommand("""
            SELECT version, snapshot::text, NULL::text, NULL::text FROM supervision_instruments WHERE instrument_id = $1
            UNION ALL
            SELECT NULL, NULL, case_id, citation::text FROM instrument_citations WHERE instrument_id = $1
            """);
        command.Parameters.Add(Parameters.Text(instrumentId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        (long Version, string Snapshot)? instrument = null;
        var citations = new List<StoredCitation>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(2))
            {
                instrument = (reader.GetInt64(0), reader.GetString(1));
            }
            else
            {
                citations.Add(new StoredCitation(reader.GetString(2), reader.GetString(3)));
            }
        }

        return instrument is var (version, snapshot) ? new StoredInstrument(instrumentId, version, snapshot, citations) : null;
    }

    public async Task CommitAgencyAsync(AgencyCommit commit, CancellationToken cancellationToken = default)
    {
        SupervisionCommitRules.Validate(commit);
        var at = CaseCommitRules.NormaliseInstant(commit.At);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var write = new NpgsqlCommand(
            commit.ExpectedVersion == 0
                ? "INSERT INTO agency_records (agency_id, version, snapshot, updated_at) VALUES ($1, 1, $2, $3) ON CONFLICT (agency_id) DO NOTHING"
                : "UPDATE agency_records SET version = version + 1, snapshot = $2, updated_at = $3 WHERE agency_id = $1 AND version = $4",
            connection,
            transaction))
        {
            write.Parameters.Add(Parameters.Text(commit.AgencyId));
            write.Parameters.Add(Parameters.Jsonb(commit.SnapshotJson));
            write.Parameters.Add(Parameters.TimestampTz(at));
            if (commit.ExpectedVersion != 0)
            {
                write.Parameters.Add(Parameters.Bigint(commit.ExpectedVersion));
            }

            if (await write.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new ConcurrencyConflictException(commit.AgencyId, commit.ExpectedVersion);
            }
        }

        if (commit.Findings is { Count: > 0 } findings)
        {
            await using var upsert = new NpgsqlCommand("""
                INSERT INTO agency_findings (agency_id, case_id, position, finding)
                SELECT $1, f.case_id, f.position, f.finding FROM unnest($2::text[], $3::integer[], $4::jsonb[]) AS f (case_id, position, finding)
                ON CONFLICT (agency_id, case_id) DO UPDATE SET position = excluded.position, finding = excluded.finding
                """, connection, transaction);
            upsert.Parameters.Add(Parameters.Text(commit.AgencyId));
            upsert.Parameters.Add(Parameters.TextArray([.. findings.Select(f => f.CaseId)]));
            upsert.Parameters.Add(Parameters.Typed(findings.Select(f => f.Position).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer));
            upsert.Parameters.Add(Parameters.Typed(findings.Select(f => f.FindingJson).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Jsonb));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (commit.Citations is { Count: > 0 } citations)
        {
            // Only added, never rewritten: a notice never stops citing a case, and a citation already stored is the same fact.
            await using var insert = new NpgsqlCommand("""
                INSERT INTO agency_notice_citations (agency_id, notice_id, case_id)
                SELECT $1, c.notice_id, c.case_id FROM unnest($2::text[], $3::text[]) AS c (notice_id, case_id)
                ON CONFLICT (agency_id, notice_id, case_id) DO NOTHING
                """, connection, transaction);
            insert.Parameters.Add(Parameters.Text(commit.AgencyId));
            insert.Parameters.Add(Parameters.TextArray([.. citations.Select(c => c.NoticeId)]));
            insert.Parameters.Add(Parameters.TextArray([.. citations.Select(c => c.CaseId)]));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await PostgresOutbox.EnqueueAsync(connection, transaction, commit.Outbox, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CommitInstrumentAsync(InstrumentCommit commit, CancellationToken cancellationToken = default)
    {
        SupervisionCommitRules.Validate(commit);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await WriteAsync(connection, transaction, commit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int?> CommitNumberedAsync(DocumentSeriesKey series, Func<int, InstrumentCommit?> build, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(build);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int sequence;
        await using (var draw = new NpgsqlCommand("""
            INSERT INTO document_number_counters AS c (issuing_body_id, kind, year, last_sequence) VALUES ($1, $2, $3, 1)
            ON CONFLICT (issuing_body_id, kind, year) DO UPDATE SET last_sequence = c.last_sequence + 1
            RETURNING last_sequence
            """, connection, transaction))
        {
            draw.Parameters.Add(Parameters.Text(series.IssuingBodyId));
            draw.Parameters.Add(Parameters.Text(series.Kind));
            draw.Parameters.Add(Parameters.Typed(series.Year, NpgsqlDbType.Integer));
            sequence = (int)(await draw.ExecuteScalarAsync(cancellationToken))!;
        }

        if (build(sequence) is not { } commit)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        SupervisionCommitRules.Validate(commit);
        await WriteAsync(connection, transaction, commit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sequence;
    }

    private static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, InstrumentCommit commit, CancellationToken cancellationToken)
    {
        var entry = SupervisionCommitRules.Normalised(commit.Entry);
        var index = commit.Index;
        await using (var write = new NpgsqlCommand(
            commit.ExpectedVersion == 0
                ? $"""
                  INSERT INTO supervision_instruments (instrument_id, version, snapshot, {IndexColumns})
                  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
                  ON CONFLICT (instrument_id) DO NOTHING
                  """
                : """
                  UPDATE supervision_instruments
                     SET version = $2, snapshot = $3, kind = $4, status = $5, agency_id = $6, agency_region_path = $7,
                         issuing_body_id = $8, supervisor_region_path = $9, number_text = $10, due_on = $11, overdue = $12,
                         drafted_on = $13, issued_on = $14, updated_at = $15
                   WHERE instrument_id = $1 AND version = $16
                  """,
            connection,
            transaction))
        {
            write.Parameters.Add(Parameters.Text(commit.InstrumentId));
            write.Parameters.Add(Parameters.Bigint(commit.ExpectedVersion + 1));
            write.Parameters.Add(Parameters.Jsonb(commit.SnapshotJson));
            write.Parameters.Add(Parameters.Text(index.Kind));
            write.Parameters.Add(Parameters.Text(index.Status));
            write.Parameters.Add(Parameters.Text(index.AgencyId));
            write.Parameters.Add(Parameters.Text(index.AgencyRegionPath));
            write.Parameters.Add(Parameters.Text(index.IssuingBodyId));
            write.Parameters.Add(Parameters.Text(index.SupervisorRegionPath));
            write.Parameters.Add(Parameters.Text(index.NumberText));
            write.Parameters.Add(Parameters.Date(index.DueOn));
            write.Parameters.Add(Parameters.Boolean(index.Overdue));
            write.Parameters.Add(Parameters.Date(index.DraftedOn));
            write.Parameters.Add(Parameters.Date(index.IssuedOn));
            write.Parameters.Add(Parameters.TimestampTz(entry.At));
            if (commit.ExpectedVersion != 0)
            {
                write.Parameters.Add(Parameters.Bigint(commit.ExpectedVersion));
            }

            if (await write.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new ConcurrencyConflictException(commit.InstrumentId, commit.ExpectedVersion);
            }
        }

        if (commit.Citations is { Count: > 0 } citations)
        {
            await using var cite = new NpgsqlCommand("""
                INSERT INTO instrument_citations (instrument_id, case_id, citation)
                SELECT $1, c.case_id, c.citation FROM unnest($2::text[], $3::jsonb[]) AS c (case_id, citation)
                ON CONFLICT (instrument_id, case_id) DO UPDATE SET citation = excluded.citation
                """, connection, transaction);
            cite.Parameters.Add(Parameters.Text(commit.InstrumentId));
            cite.Parameters.Add(Parameters.TextArray([.. citations.Select(c => c.CaseId)]));
            cite.Parameters.Add(Parameters.Typed(citations.Select(c => c.CitationJson).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Jsonb));
            await cite.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var append = new NpgsqlCommand("""
            INSERT INTO instrument_history (instrument_id, seq, at, actor_user_id, actor_organisation_id, action, reason, payload, idempotency_key)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, connection, transaction))
        {
            append.Parameters.Add(Parameters.Text(commit.InstrumentId));
            append.Parameters.Add(Parameters.Bigint(entry.Sequence));
            append.Parameters.Add(Parameters.TimestampTz(entry.At));
            append.Parameters.Add(Parameters.Text(entry.ActorUserId));
            append.Parameters.Add(Parameters.Text(entry.ActorOrganisationId));
            append.Parameters.Add(Parameters.Text(entry.Action));
            append.Parameters.Add(Parameters.Text(entry.Reason));
            append.Parameters.Add(Parameters.Jsonb(entry.PayloadJson));
            append.Parameters.Add(Parameters.Text(entry.IdempotencyKey));
            try
            {
                await append.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == IdempotencyKeyIndex)
            {
                throw new DuplicateIdempotencyKeyException(commit.InstrumentId, entry.IdempotencyKey!);
            }
        }

        if (commit.Reminders is { } reminders)
        {
            await ScheduleAsync(connection, transaction, commit.InstrumentId, reminders, cancellationToken);
        }

        if (commit.Notifications is { Count: > 0 } notifications)
        {
            await NotifyAsync(connection, transaction, commit.InstrumentId, entry.At, notifications, cancellationToken);
        }

        await PostgresOutbox.EnqueueAsync(connection, transaction, commit.Outbox, entry.At, cancellationToken);
    }

    private static async Task ScheduleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string subjectId, IReadOnlyList<ScheduleEntry> reminders, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            WITH cleared AS (DELETE FROM reminder_schedule WHERE case_id = $1)
            INSERT INTO reminder_schedule (case_id, deadline_id, kind, step, due_on, fire_at, partition)
            SELECT $1, s.deadline_id, s.kind, s.step, s.due_on, s.fire_at, $7
              FROM unnest($2::int[], $3::text[], $4::text[], $5::date[], $6::timestamptz[]) AS s (deadline_id, kind, step, due_on, fire_at)
            """, connection, transaction);
        command.Parameters.Add(Parameters.Text(subjectId));
        SubjectCommitSql.AddSchedule(command.Parameters, subjectId, CaseCommitRules.NormalisedReminders(reminders)!);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string subjectId, DateTimeOffset at, IReadOnlyList<NotificationDraft> notifications, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO notifications (case_id, created_at, kind, recipient_organisation_id, recipient_role, recipient_user_id, title, text, payload)
            SELECT $1, $2, n.kind, n.organisation_id, n.role, n.user_id, n.title, n.text, n.payload
              FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[])
                       WITH ORDINALITY AS n (kind, organisation_id, role, user_id, title, text, payload, ordinal)
             ORDER BY n.ordinal
            """, connection, transaction);
        command.Parameters.Add(Parameters.Text(subjectId));
        command.Parameters.Add(Parameters.TimestampTz(at));
        SubjectCommitSql.AddNotifications(command.Parameters, notifications);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CaseHistoryEntry>> ReadInstrumentHistoryAsync(string instrumentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instrumentId);
        await using var command = dataSource.CreateCommand("""
            SELECT seq, at, actor_user_id, actor_organisation_id, action, reason, payload::text, idempotency_key
              FROM instrument_history WHERE instrument_id = $1 ORDER BY seq
            """);
        command.Parameters.Add(Parameters.Text(instrumentId));
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

    public async Task<InstrumentPage> ListInstrumentsAsync(InstrumentListQuery query, CancellationToken cancellationToken = default)
    {
        InstrumentListRules.Validate(query);
        // Null parameters switch their condition off; the same conditions as InstrumentListRules.Matches.
        const string Where = """
             WHERE ($1::text IS NULL OR agency_id = $1)
               AND ($2::text IS NULL OR issuing_body_id = $2)
               AND ($3::text IS NULL OR starts_with(agency_region_path, $3) OR starts_with(supervisor_region_path, $3))
               AND (NOT $4 OR status NOT IN ('drafted', 'discarded'))
               AND ($5::text IS NULL OR agency_id = $5)
               AND ($6::text IS NULL OR kind = $6)
               AND ($7::text IS NULL OR status = $7)
               AND ($8::text IS NULL OR supervisor_region_path = $8)
               AND ($9::boolean IS NULL OR overdue = $9)
            """;
        await using var command = dataSource.CreateCommand($"""
            SELECT instrument_id, version, {IndexColumns}, count(*) OVER ()
              FROM supervision_instruments
            {Where}
             ORDER BY drafted_on DESC, instrument_id DESC
             LIMIT $10 OFFSET $11
            """);
        command.Parameters.Add(Parameters.Text(query.ScopeAgencyId));
        command.Parameters.Add(Parameters.Text(query.ScopeIssuingBodyId));
        command.Parameters.Add(Parameters.Text(query.ScopeRegionPath));
        command.Parameters.Add(Parameters.Boolean(query.ExcludeDrafts));
        command.Parameters.Add(Parameters.Text(query.AgencyId));
        command.Parameters.Add(Parameters.Text(query.Kind));
        command.Parameters.Add(Parameters.Text(query.Status));
        command.Parameters.Add(Parameters.Text(query.SupervisorRegionPath));
        command.Parameters.Add(Parameters.Typed(query.Overdue, NpgsqlDbType.Boolean));
        command.Parameters.Add(Parameters.Bigint(query.PageSize));
        command.Parameters.Add(Parameters.Bigint((long)(query.Page - 1) * query.PageSize));
        var items = new List<InstrumentSummary>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new InstrumentSummary(
                reader.GetString(0),
                reader.GetInt64(1),
                new InstrumentIndexEntry(
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.GetString(6),
                    reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9),
                    reader.GetBoolean(10),
                    reader.GetFieldValue<DateOnly>(11),
                    reader.IsDBNull(12) ? null : reader.GetFieldValue<DateOnly>(12))));
            total = (int)reader.GetInt64(14);
        }

        return new InstrumentPage(items, total);
    }
}
