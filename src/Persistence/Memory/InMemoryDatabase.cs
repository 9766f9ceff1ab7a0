using CaseGrains.Domain.Organisations;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Reminders;

namespace CaseGrains.Persistence.Memory;

/// <summary>
/// The rows of the in-memory stores, the counterpart of one PostgreSQL database: cases with their history and
/// index entries, regions with their paths, organisations, notifications and who read them. Share one instance between
/// <see cref="InMemoryCaseStore"/>, <see cref="InMemoryCaseQueries"/>, <see cref="InMemoryOrganisationDirectory"/> and the
/// notification readers (region filters read region paths; moving a region rewrites the cases' region paths; the
/// notification readers read what the case store's commits wrote). Every read and write
/// takes one lock, so each operation is atomic, as a transaction would be.
/// </summary>
public sealed class InMemoryDatabase
{
    internal Lock Gate { get; } = new();

    internal Dictionary<string, CaseRow> Cases { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, RegionRow> Regions { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, Organisation> Organisations { get; } = new(StringComparer.Ordinal);

    /// <summary>The deadline index, keyed like <c>reminder_schedule</c>'s primary key (case id and step compared ordinally,
    /// as the tuple's default string equality does).</summary>
    internal Dictionary<(string CaseId, int DeadlineId, string Step), ScheduleEntry> Reminders { get; } = [];

    /// <summary>Every notification, in id order, which in memory is also commit order: ids and positions are handed out
    /// under <see cref="Gate"/> by the commit that writes them.</summary>
    internal List<StoredNotification> Notifications { get; } = [];

    /// <summary>The last notification id handed out (ids start at 1, like the identity column).</summary>
    internal long LastNotificationId { get; set; }

    /// <summary>The last commit counted for <see cref="NotificationPosition.Transaction"/>: one per commit that wrote
    /// notifications.</summary>
    internal long LastNotificationTransaction { get; set; }

    /// <summary>Read state, like <c>notification_reads</c>: when each user read each notification.</summary>
    internal Dictionary<(string UserId, long NotificationId), DateTimeOffset> NotificationReads { get; } = [];

    internal sealed class CaseRow(StoredCase current, CaseIndexEntry index)
    {
        public StoredCase Current { get; set; } = current;

        public CaseIndexEntry Index { get; set; } = index;

        public List<CaseHistoryEntry> History { get; } = [];

        public Dictionary<string, CaseHistoryEntry> ByIdempotencyKey { get; } = new(StringComparer.Ordinal);

        /// <summary>The keys of <see cref="Reminders"/> the case's last commit wrote, so that the next commit replaces
        /// them without looking through every case's schedule (some may have been removed since, as fired).</summary>
        public List<(string CaseId, int DeadlineId, string Step)> ReminderKeys { get; set; } = [];
    }

    internal sealed record RegionRow(Region Region, string Path);
}
