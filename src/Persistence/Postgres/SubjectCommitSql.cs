using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Outbox;
using CaseGrains.Persistence.Reminders;
using Npgsql;
using NpgsqlTypes;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// The parts of a subject's (case's or complaint's, 案件/投诉) one-statement commit that do not depend on the subject's
/// table: the CTEs that replace its rows of <c>reminder_schedule</c>, insert its <c>notifications</c> and enqueue its
/// <c>supervision_outbox</c> messages, each acting only when the subject row was written (the <c>written</c> CTE), and
/// the parameters they read. Shared so that every store writes these rows with the same SQL, and a fix to one is a fix
/// to all.
/// </summary>
internal static class SubjectCommitSql
{
    /// <summary>Where a statement takes the optional CTEs, after its <c>written</c> and <c>previous</c> CTEs.</summary>
    public const string Placeholder = "/*schedule*//*notifications*//*outbox*/";

    // $P0 to $P5 are the schedule's six parameters: deadline ids, kinds, steps, due dates, fire times (parallel arrays)
    // and the subject's partition. The delete removes the rows whose (deadline, step) is not in the new schedule, the
    // update rewrites the kept rows that changed and the insert adds the new ones, so the delete never touches a key the
    // other two write: a DELETE and an INSERT of the same key in sibling CTEs could run in either order and collide on
    // the primary key. A row that did not change is not touched at all: most commits keep most of the schedule, and an
    // ON CONFLICT DO UPDATE locks the existing row before its WHERE skips it, which costs a WAL record (often with a
    // full-page image) per unchanged row. The insert's DO NOTHING takes no lock, and sees a kept row, changed or not
    // (also the version its sibling update wrote in this transaction), as a conflict. A row the scheduler deletes
    // meanwhile is skipped by the update and then inserted, as the upsert did.
    private const string ScheduleCtes = """
        ,
        schedule AS (
            SELECT * FROM unnest($P0::int[], $P1::text[], $P2::text[], $P3::date[], $P4::timestamptz[])
                   AS s (deadline_id, kind, step, due_on, fire_at)
        ),
        unscheduled AS (
            DELETE FROM reminder_schedule r USING written
             WHERE r.case_id = {subject}
               AND NOT EXISTS (SELECT 1 FROM schedule s WHERE s.deadline_id = r.deadline_id AND s.step = r.step)
        ),
        rescheduled AS (
            UPDATE reminder_schedule r
               SET kind = s.kind, due_on = s.due_on, fire_at = s.fire_at, partition = $P5::smallint
              FROM written, schedule s
             WHERE r.case_id = {subject} AND r.deadline_id = s.deadline_id AND r.step = s.step
               AND (r.kind, r.due_on, r.fire_at, r.partition) IS DISTINCT FROM (s.kind, s.due_on, s.fire_at, $P5::smallint)
        ),
        scheduled AS (
            INSERT INTO reminder_schedule (case_id, deadline_id, kind, step, due_on, fire_at, partition)
            SELECT {subject}, s.deadline_id, s.kind, s.step, s.due_on, s.fire_at, $P5::smallint
              FROM written, schedule s
            ON CONFLICT (case_id, deadline_id, step) DO NOTHING
        )
        """;

    // $Q0 to $Q6 are kinds, organisations, roles, users, titles, texts and payloads (parallel arrays). The rows are
    // inserted in list order, so the identity (and the feed order within the commit) follows it. created_at is the
    // entry's time; xact_id is the column's default, this transaction's id.
    private const string NotificationCtes = """
        ,
        notified AS (
            INSERT INTO notifications (case_id, created_at, kind, recipient_organisation_id, recipient_role, recipient_user_id,
                                       title, text, payload)
            SELECT {subject}, {at}, n.kind, n.organisation_id, n.role, n.user_id, n.title, n.text, n.payload
              FROM written,
                   unnest($Q0::text[], $Q1::text[], $Q2::text[], $Q3::text[], $Q4::text[], $Q5::text[], $Q6::jsonb[])
                       WITH ORDINALITY AS n (kind, organisation_id, role, user_id, title, text, payload, ordinal)
             ORDER BY n.ordinal
        )
        """;

    // $R0 to $R3 are target kinds, target ids, message keys and payloads (parallel arrays); enqueued at the entry's time.
    private const string OutboxCtes = """
        ,
        outboxed AS (
            INSERT INTO supervision_outbox (target_kind, target_id, message_key, message, enqueued_at)
            SELECT o.target_kind, o.target_id, o.message_key, o.message, {at}
              FROM written,
                   unnest($R0::text[], $R1::text[], $R2::text[], $R3::jsonb[]) WITH ORDINALITY
                       AS o (target_kind, target_id, message_key, message, ordinal)
             ORDER BY o.ordinal
            ON CONFLICT (target_kind, target_id, message_key) DO NOTHING
        )
        """;

    /// <summary>
    /// <paramref name="statement"/> with its <see cref="Placeholder"/> replaced by the CTEs the commit carries, in the
    /// order schedule, notifications, outbox, their parameters numbered from <paramref name="next"/> (one past the
    /// statement's own) in that order.
    /// </summary>
    /// <param name="subject">The subject's id as the CTEs read it, e.g. <c>written.case_id</c>.</param>
    /// <param name="at">The parameter number of the history entry's time, which notifications and outbox messages take.</param>
    public static string WithCtes(
        string statement, string subject, int at, int next, bool replaceSchedule, bool insertNotifications, bool insertOutbox)
    {
        var schedule = replaceSchedule ? Numbered(ScheduleCtes, "P", 6, ref next) : string.Empty;
        var notifications = insertNotifications ? Numbered(NotificationCtes, "Q", 7, ref next) : string.Empty;
        var outbox = insertOutbox ? Numbered(OutboxCtes, "R", 4, ref next) : string.Empty;
        var ctes = (schedule + notifications + outbox)
            .Replace("{subject}", subject, StringComparison.Ordinal)
            .Replace("{at}", $"${at}", StringComparison.Ordinal);
        return statement.Replace(Placeholder, ctes, StringComparison.Ordinal);
    }

    /// <summary>The schedule's six parameters: five parallel arrays and the subject's partition. The fire times are
    /// passed as given, so callers pass them normalised (<see cref="CaseCommitRules.NormalisedReminders(IReadOnlyList{ScheduleEntry})"/>).</summary>
    public static void AddSchedule(NpgsqlParameterCollection parameters, string subjectId, IReadOnlyList<ScheduleEntry> reminders)
    {
        parameters.Add(Parameters.Typed(reminders.Select(r => r.DeadlineId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer));
        parameters.Add(Parameters.TextArray([.. reminders.Select(r => r.Kind)]));
        parameters.Add(Parameters.TextArray([.. reminders.Select(r => r.Step)]));
        parameters.Add(Parameters.Typed(reminders.Select(r => r.DueOn).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Date));
        parameters.Add(Parameters.Typed(reminders.Select(r => r.FireAt).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz));
        parameters.Add(Parameters.Typed((short)ReminderPartitions.Of(subjectId), NpgsqlDbType.Smallint));
    }

    /// <summary>The notifications' seven parallel arrays.</summary>
    public static void AddNotifications(NpgsqlParameterCollection parameters, IReadOnlyList<NotificationDraft> notifications)
    {
        parameters.Add(Parameters.TextArray([.. notifications.Select(n => n.Kind)]));
        parameters.Add(Parameters.TextArray([.. notifications.Select(n => n.RecipientOrganisationId)]));
        parameters.Add(Parameters.TextArray([.. notifications.Select(n => n.RecipientRole)]));
        parameters.Add(Parameters.TextArray([.. notifications.Select(n => n.RecipientUserId)]));
        parameters.Add(Parameters.TextArray([.. notifications.Select(n => n.Title)]));
        parameters.Add(Parameters.TextArray([.. notifications.Select(n => n.Text)]));
        parameters.Add(Parameters.Typed(notifications.Select(n => n.PayloadJson).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Jsonb));
    }

    /// <summary>The outbox messages' four parallel arrays.</summary>
    public static void AddOutbox(NpgsqlParameterCollection parameters, IReadOnlyList<OutboxMessage> messages)
    {
        parameters.Add(Parameters.TextArray([.. messages.Select(m => m.TargetKind)]));
        parameters.Add(Parameters.TextArray([.. messages.Select(m => m.TargetId)]));
        parameters.Add(Parameters.TextArray([.. messages.Select(m => m.MessageKey)]));
        parameters.Add(Parameters.Typed(messages.Select(m => m.PayloadJson).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Jsonb));
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
}
