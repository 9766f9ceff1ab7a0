using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Outbox;
using CaseGrains.Persistence.Reminders;

namespace CaseGrains.Persistence.Supervision;

/// <summary>
/// One change to a supervision instrument, committed in one transaction: the snapshot (the instrument without its
/// citations) and list columns replace the stored ones when the instrument is still at <see cref="ExpectedVersion"/> (0 for
/// a new one); <see cref="Citations"/>, the citations the change added and only those, are written over the stored ones of
/// the same cases, the others staying as they are, so that a cite costs what it adds and not what the notice cites;
/// <see cref="Entry"/> is appended to its history (its sequence is the new version; the history of an instrument has the
/// shape of a case's, without the hash chain); <see cref="Reminders"/>, when not null, replace the instrument's rows of
/// the deadline index; <see cref="Notifications"/> and <see cref="Outbox"/> are written with it.
/// </summary>
public sealed record InstrumentCommit(
    string InstrumentId,
    long ExpectedVersion,
    string SnapshotJson,
    InstrumentIndexEntry Index,
    CaseHistoryEntry Entry,
    IReadOnlyList<ScheduleEntry>? Reminders = null,
    IReadOnlyList<NotificationDraft>? Notifications = null,
    IReadOnlyList<OutboxMessage>? Outbox = null,
    IReadOnlyList<StoredCitation>? Citations = null);
