using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Outbox;
using CaseGrains.Persistence.Reminders;

namespace CaseGrains.Persistence.Complaints;

/// <summary>
/// One change to a complaint, committed atomically as a case's is (<see cref="CaseCommit"/>, whose rules it keeps): the
/// history entry is appended and chained (<see cref="HistoryChain"/>), the snapshot and the list row are replaced, the
/// complaint's rows of the deadline index are replaced by <see cref="Reminders"/> (null leaves them) and
/// <see cref="Notifications"/> are stored, and <see cref="Outbox"/> (a substantiated complaint's finding for its agency) is
/// enqueued, all or nothing. <see cref="ExpectedVersion"/> is 0 for a new complaint.
/// </summary>
public sealed record ComplaintCommit(
    string ComplaintId,
    long ExpectedVersion,
    string SnapshotJson,
    ComplaintIndexEntry Index,
    CaseHistoryEntry Entry,
    IReadOnlyList<ScheduleEntry>? Reminders = null,
    IReadOnlyList<NotificationDraft>? Notifications = null,
    IReadOnlyList<OutboxMessage>? Outbox = null);
