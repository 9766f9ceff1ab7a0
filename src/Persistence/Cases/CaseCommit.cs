using CaseGrains.Domain.Statistics;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Outbox;
using CaseGrains.Persistence.Reminders;

namespace CaseGrains.Persistence.Cases;

/// <summary>
/// One change to a case, committed atomically: the history entry is appended, the snapshot and the index row
/// are replaced. <see cref="ExpectedVersion"/> is 0 for a new case; the new version is the entry's sequence,
/// which must be <c>ExpectedVersion + 1</c>. <see cref="Index"/> must be for the same case and carry the new
/// version. <see cref="SnapshotJson"/> and the entry's payload must be JSON. A commit that breaks these rules is
/// refused with an <see cref="ArgumentException"/> before anything is written.
/// <para>
/// <see cref="Reminders"/>, when not null, is the case's whole reminder schedule after the change: it replaces the
/// case's rows of the deadline index (<see cref="IReminderIndex"/>) in the same transaction as the
/// case change, so a failed commit changes no schedule. An empty list clears the schedule; null leaves it as it is.
/// Every entry must be for <see cref="CaseId"/>, and no two for the same deadline and step.
/// </para>
/// <para>
/// <see cref="Notifications"/>, when not null, are stored in the same transaction, in list order, with the case id and
/// the entry's time as theirs, so a change and the notifications it causes are written together or not at all: a
/// version conflict, a reused idempotency key or any failure writes none. Each must keep the rules of
/// <see cref="NotificationDraft"/>, and a commit carries at most <see cref="NotificationLimits.PerCommit"/>.
/// </para>
/// <para>
/// <see cref="Outbox"/>, when not null, are messages the change owes other grains (the case's finding to its respondent's
/// record), written in the same transaction; one already waiting with the same target and key is kept as it is.
/// </para>
/// <para>
/// <see cref="Outcome"/> is what the case contributes to the statistics (<c>0130_case_statistics.sql</c>), written to
/// its row with the index columns; null is <see cref="CaseOutcome.None"/> (open, never accepted).
/// </para>
/// </summary>
public sealed record CaseCommit(
    string CaseId,
    long ExpectedVersion,
    string SnapshotJson,
    CaseIndexEntry Index,
    CaseHistoryEntry Entry,
    IReadOnlyList<ScheduleEntry>? Reminders = null,
    IReadOnlyList<NotificationDraft>? Notifications = null,
    IReadOnlyList<OutboxMessage>? Outbox = null,
    CaseOutcome? Outcome = null);
