using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Outbox;
using CaseGrains.Persistence.Reminders;
using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// A case's commit to an existing case (<see cref="CaseCommit.ExpectedVersion"/> above 0), waiting in the case store's
/// batcher: its own statement, and what <see cref="CaseUpdateCombiner"/> needs to write it with others in one.
/// </summary>
/// <param name="reminders">The commit's schedule with its fire times normalised, or null to leave the schedule.</param>
internal sealed class PendingCaseUpdate(
    CaseCommit commit,
    IReadOnlyList<ScheduleEntry>? reminders,
    IReadOnlyList<NotificationDraft>? notifications,
    IReadOnlyList<OutboxMessage>? outbox,
    string idempotencyKeyIndex,
    string sql,
    Action<NpgsqlParameterCollection> addParameters)
    : PendingSubjectCommit(commit.CaseId, commit.ExpectedVersion, commit.Entry.IdempotencyKey, idempotencyKeyIndex, sql, addParameters)
{
    public CaseCommit Commit { get; } = commit;

    public IReadOnlyList<ScheduleEntry>? Reminders { get; } = reminders;

    public IReadOnlyList<NotificationDraft>? Notifications { get; } = notifications;

    public IReadOnlyList<OutboxMessage>? Outbox { get; } = outbox;
}
