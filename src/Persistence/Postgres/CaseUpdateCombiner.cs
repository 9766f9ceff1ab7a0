using CaseGrains.Domain.Statistics;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Reminders;
using Npgsql;
using NpgsqlTypes;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// Writes a batch's updates of existing cases (<see cref="PendingCaseUpdate"/>) in one statement: what
/// <see cref="PostgresCaseStore"/>'s update statement does for one case, over arrays with one element per case (the
/// schedule, notifications and outbox messages flattened, each row naming its case by position). A case is written only
/// where it is still at its expected version, and its history entry, schedule, notifications and outbox messages only
/// when it was. A missing predecessor gives a NULL previous hash, which the NOT NULL column refuses, failing the whole
/// statement, so the batcher runs its commits again one by one and the faulty one fails alone.
/// </summary>
internal sealed class CaseUpdateCombiner : ISubjectCommitCombiner
{
    // $1..$33: one element per case, in the order of the input CTE's columns; $34..$39 the schedule, $40..$47 the
    // notifications, $48..$52 the outbox messages, each row's first element the (1-based) position of its case. The
    // cases' rows are locked in the order of the arrays, which Combine takes in case id order, as the batch's statements run.
    private const string Sql = """
        WITH input AS MATERIALIZED (
            SELECT *
              FROM unnest($1::text[], $2::bigint[], $3::jsonb[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                          $9::text[], $10::text[], $11::boolean[], $12::text[], $13::text[], $14::date[], $15::date[],
                          $16::timestamptz[], $17::text[], $18::date[], $19::text[], $20::date[], $21::text[], $22::text[],
                          $23::boolean[], $24::timestamptz[], $25::text[], $26::text[], $27::text[], $28::text[], $29::jsonb[],
                          $30::text[], $31::bigint[], $32::boolean[], $33::smallint[])
                   WITH ORDINALITY
                   AS i (case_id, version, snapshot, status, receiving_body_id, competent_body_id, respondent_agency_id,
                         intake_point_id, region_path, channel, enterprise_related, applicant_name, agency_name, received_on,
                         nearest_due_on, updated_at, applicant_user_id, accepted_on, ending, ended_on, decision_type, findings,
                         decision_overdue, at, actor_user_id, actor_organisation_id, action, reason, payload, idempotency_key,
                         expected_version, replace_schedule, partition, position)
        ),
        written AS (
            UPDATE cases c
               SET version = i.version, snapshot = i.snapshot, status = i.status, receiving_body_id = i.receiving_body_id,
                   competent_body_id = i.competent_body_id, respondent_agency_id = i.respondent_agency_id,
                   intake_point_id = i.intake_point_id, channel = i.channel,
                   enterprise_related = i.enterprise_related, applicant_name = i.applicant_name, agency_name = i.agency_name,
                   received_on = i.received_on, nearest_due_on = i.nearest_due_on, updated_at = i.updated_at,
                   applicant_user_id = i.applicant_user_id, accepted_on = i.accepted_on, ending = i.ending,
                   ended_on = i.ended_on, decision_type = i.decision_type, findings = string_to_array(i.findings, ','),
                   decision_overdue = i.decision_overdue
              FROM input i
             WHERE c.case_id = i.case_id AND c.version = i.expected_version
            RETURNING i.position, i.case_id, i.version, i.at, i.actor_user_id, i.actor_organisation_id, i.action, i.reason,
                      i.payload, i.idempotency_key, i.replace_schedule, i.partition
        ),
        previous AS MATERIALIZED (
            SELECT w.position,
                   (SELECT h.hash FROM case_history h WHERE h.case_id = w.case_id AND h.seq = w.version - 1) AS previous_hash
              FROM written w
        ),
        schedule AS (
            SELECT * FROM unnest($34::bigint[], $35::int[], $36::text[], $37::text[], $38::date[], $39::timestamptz[])
                   AS s (position, deadline_id, kind, step, due_on, fire_at)
        ),
        replaced AS (
            SELECT w.position, w.case_id, w.partition FROM written w WHERE w.replace_schedule
        ),
        unscheduled AS (
            DELETE FROM reminder_schedule r USING replaced w
             WHERE r.case_id = w.case_id
               AND NOT EXISTS (SELECT 1 FROM schedule s
                                WHERE s.position = w.position AND s.deadline_id = r.deadline_id AND s.step = r.step)
        ),
        rescheduled AS (
            UPDATE reminder_schedule r
               SET kind = s.kind, due_on = s.due_on, fire_at = s.fire_at, partition = w.partition
              FROM replaced w JOIN schedule s ON s.position = w.position
             WHERE r.case_id = w.case_id AND r.deadline_id = s.deadline_id AND r.step = s.step
               AND (r.kind, r.due_on, r.fire_at, r.partition) IS DISTINCT FROM (s.kind, s.due_on, s.fire_at, w.partition)
        ),
        scheduled AS (
            INSERT INTO reminder_schedule (case_id, deadline_id, kind, step, due_on, fire_at, partition)
            SELECT w.case_id, s.deadline_id, s.kind, s.step, s.due_on, s.fire_at, w.partition
              FROM replaced w JOIN schedule s ON s.position = w.position
            ON CONFLICT (case_id, deadline_id, step) DO NOTHING
        ),
        notified AS (
            INSERT INTO notifications (case_id, created_at, kind, recipient_organisation_id, recipient_role, recipient_user_id,
                                       title, text, payload)
            SELECT w.case_id, w.at, n.kind, n.organisation_id, n.role, n.user_id, n.title, n.text, n.payload
              FROM unnest($40::bigint[], $41::text[], $42::text[], $43::text[], $44::text[], $45::text[], $46::text[],
                          $47::jsonb[]) WITH ORDINALITY
                       AS n (position, kind, organisation_id, role, user_id, title, text, payload, ordinal)
              JOIN written w ON w.position = n.position
             ORDER BY n.ordinal
        ),
        outboxed AS (
            INSERT INTO supervision_outbox (target_kind, target_id, message_key, message, enqueued_at)
            SELECT o.target_kind, o.target_id, o.message_key, o.message, w.at
              FROM unnest($48::bigint[], $49::text[], $50::text[], $51::text[], $52::jsonb[]) WITH ORDINALITY
                       AS o (position, target_kind, target_id, message_key, message, ordinal)
              JOIN written w ON w.position = o.position
             ORDER BY o.ordinal
            ON CONFLICT (target_kind, target_id, message_key) DO NOTHING
        )
        INSERT INTO case_history (case_id, seq, at, actor_user_id, actor_organisation_id, action, reason, payload, idempotency_key,
                                  previous_hash, hash)
        SELECT w.case_id, w.version, w.at, w.actor_user_id, w.actor_organisation_id, w.action, w.reason, w.payload,
               w.idempotency_key, p.previous_hash,
               case_history_hash(w.case_id, w.version, w.at, w.actor_user_id, w.actor_organisation_id, w.action, w.reason,
                                 w.payload, w.idempotency_key, p.previous_hash)
          FROM written w JOIN previous p ON p.position = w.position
        RETURNING case_id
        """;

    public bool CanCombine(PendingSubjectCommit commit) => commit is PendingCaseUpdate;

    public NpgsqlBatchCommand Combine(IReadOnlyList<PendingSubjectCommit> commits)
    {
        var updates = commits.Cast<PendingCaseUpdate>().ToList();
        var command = new NpgsqlBatchCommand(Sql);
        var parameters = command.Parameters;
        var cases = updates.Select(u => u.Commit).ToList();
        var indexes = cases.Select(c => c.Index).ToList();
        var outcomes = cases.Select(c => c.Outcome ?? CaseOutcome.None).ToList();
        var entries = cases.Select(c => c.Entry).ToList();

        parameters.Add(Array(cases.Select(c => c.CaseId), NpgsqlDbType.Text));
        parameters.Add(Array(cases.Select(c => c.ExpectedVersion + 1), NpgsqlDbType.Bigint));
        parameters.Add(Array(cases.Select(c => c.SnapshotJson), NpgsqlDbType.Jsonb));
        parameters.Add(Array(indexes.Select(i => i.Status), NpgsqlDbType.Text));
        parameters.Add(Array(indexes.Select(i => i.ReceivingBodyId), NpgsqlDbType.Text));
        parameters.Add(Array(indexes.Select(i => i.CompetentBodyId), NpgsqlDbType.Text));
        parameters.Add(Array(indexes.Select(i => i.RespondentAgencyId), NpgsqlDbType.Text));
        parameters.Add(Array(indexes.Select(i => i.IntakePointId), NpgsqlDbType.Text));
        parameters.Add(Array(indexes.Select(i => i.RegionPath), NpgsqlDbType.Text));
        parameters.Add(Array(indexes.Select(i => i.Channel), NpgsqlDbType.Text));
        parameters.Add(Array(indexes.Select(i => i.EnterpriseRelated), NpgsqlDbType.Boolean));
        parameters.Add(Array(indexes.Select(i => i.ApplicantName), NpgsqlDbType.Text));
        parameters.Add(Array(indexes.Select(i => i.AgencyName), NpgsqlDbType.Text));
        parameters.Add(Array(indexes.Select(i => i.ReceivedOn), NpgsqlDbType.Date));
        parameters.Add(Array(indexes.Select(i => i.NearestDueOn), NpgsqlDbType.Date));
        parameters.Add(Array(indexes.Select(i => CaseCommitRules.NormaliseInstant(i.UpdatedAt)), NpgsqlDbType.TimestampTz));
        parameters.Add(Array(indexes.Select(i => i.ApplicantUserId), NpgsqlDbType.Text));
        parameters.Add(Array(outcomes.Select(o => o.AcceptedOn), NpgsqlDbType.Date));
        parameters.Add(Array(outcomes.Select(o => StoredNames.OfNullable(o.Ending)), NpgsqlDbType.Text));
        parameters.Add(Array(outcomes.Select(o => o.EndedOn), NpgsqlDbType.Date));
        parameters.Add(Array(outcomes.Select(o => StoredNames.OfNullable(o.DecisionType)), NpgsqlDbType.Text));
        // A stored name is a camel-cased enum member, so it holds no comma.
        parameters.Add(Array(outcomes.Select(o => string.Join(',', o.Findings.Select(StoredNames.Of))), NpgsqlDbType.Text));
        parameters.Add(Array(outcomes.Select(o => o.DecisionOverdue), NpgsqlDbType.Boolean));
        parameters.Add(Array(entries.Select(e => CaseCommitRules.NormaliseInstant(e.At)), NpgsqlDbType.TimestampTz));
        parameters.Add(Array(entries.Select(e => e.ActorUserId), NpgsqlDbType.Text));
        parameters.Add(Array(entries.Select(e => e.ActorOrganisationId), NpgsqlDbType.Text));
        parameters.Add(Array(entries.Select(e => e.Action), NpgsqlDbType.Text));
        parameters.Add(Array(entries.Select(e => e.Reason), NpgsqlDbType.Text));
        parameters.Add(Array(entries.Select(e => e.PayloadJson), NpgsqlDbType.Jsonb));
        parameters.Add(Array(entries.Select(e => e.IdempotencyKey), NpgsqlDbType.Text));
        parameters.Add(Array(cases.Select(c => c.ExpectedVersion), NpgsqlDbType.Bigint));
        parameters.Add(Array(updates.Select(u => u.Reminders is not null), NpgsqlDbType.Boolean));
        parameters.Add(Array(cases.Select(c => (short)ReminderPartitions.Of(c.CaseId)), NpgsqlDbType.Smallint));

        var schedule = Flattened(updates, u => u.Reminders);
        parameters.Add(Array(schedule.Select(s => s.Position), NpgsqlDbType.Bigint));
        parameters.Add(Array(schedule.Select(s => s.Item.DeadlineId), NpgsqlDbType.Integer));
        parameters.Add(Array(schedule.Select(s => s.Item.Kind), NpgsqlDbType.Text));
        parameters.Add(Array(schedule.Select(s => s.Item.Step), NpgsqlDbType.Text));
        parameters.Add(Array(schedule.Select(s => s.Item.DueOn), NpgsqlDbType.Date));
        parameters.Add(Array(schedule.Select(s => s.Item.FireAt), NpgsqlDbType.TimestampTz));

        var notifications = Flattened(updates, u => u.Notifications);
        parameters.Add(Array(notifications.Select(n => n.Position), NpgsqlDbType.Bigint));
        parameters.Add(Array(notifications.Select(n => n.Item.Kind), NpgsqlDbType.Text));
        parameters.Add(Array(notifications.Select(n => n.Item.RecipientOrganisationId), NpgsqlDbType.Text));
        parameters.Add(Array(notifications.Select(n => n.Item.RecipientRole), NpgsqlDbType.Text));
        parameters.Add(Array(notifications.Select(n => n.Item.RecipientUserId), NpgsqlDbType.Text));
        parameters.Add(Array(notifications.Select(n => n.Item.Title), NpgsqlDbType.Text));
        parameters.Add(Array(notifications.Select(n => n.Item.Text), NpgsqlDbType.Text));
        parameters.Add(Array(notifications.Select(n => n.Item.PayloadJson), NpgsqlDbType.Jsonb));

        var outbox = Flattened(updates, u => u.Outbox);
        parameters.Add(Array(outbox.Select(o => o.Position), NpgsqlDbType.Bigint));
        parameters.Add(Array(outbox.Select(o => o.Item.TargetKind), NpgsqlDbType.Text));
        parameters.Add(Array(outbox.Select(o => o.Item.TargetId), NpgsqlDbType.Text));
        parameters.Add(Array(outbox.Select(o => o.Item.MessageKey), NpgsqlDbType.Text));
        parameters.Add(Array(outbox.Select(o => o.Item.PayloadJson), NpgsqlDbType.Jsonb));
        return command;
    }

    /// <summary>Each item of each update's list, with the (1-based) position of its update, in update and list order.</summary>
    private static List<(long Position, T Item)> Flattened<T>(IReadOnlyList<PendingCaseUpdate> updates, Func<PendingCaseUpdate, IReadOnlyList<T>?> items) =>
        [.. updates.SelectMany((u, i) => (items(u) ?? []).Select(item => ((long)i + 1, item)))];

    private static NpgsqlParameter Array<T>(IEnumerable<T> values, NpgsqlDbType elementType) =>
        Parameters.Typed(values.ToArray(), NpgsqlDbType.Array | elementType);
}
