using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Statistics;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Complaints;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Outbox;
using CaseGrains.Persistence.Reminders;
using CaseGrains.Persistence.Supervision;

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

    /// <summary>The path of the region of enforcement agency <paramref name="agencyId"/> as the directory holds it now; null
    /// when the directory has no such agency. Read under <see cref="Gate"/>.</summary>
    internal string? RegionPathOfAgency(string agencyId) =>
        Organisations.TryGetValue(agencyId, out var agency) && agency.Kind == OrganisationKind.EnforcementAgency
        && Regions.TryGetValue(agency.RegionId, out var region)
            ? region.Path
            : null;

    /// <summary>The deadline index, keyed like <c>reminder_schedule</c>'s primary key (case id and step compared ordinally,
    /// as the tuple's default string equality does).</summary>
    internal Dictionary<(string CaseId, int DeadlineId, string Step), ScheduleEntry> Reminders { get; } = [];

    private readonly Dictionary<string, List<(string CaseId, int DeadlineId, string Step)>> reminderKeys = new(StringComparer.Ordinal);

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

    /// <summary>Agencies' records, like <c>agency_records</c>.</summary>
    internal Dictionary<string, StoredRecord> Agencies { get; } = new(StringComparer.Ordinal);

    /// <summary>Agencies' findings by agency, then case, like <c>agency_findings</c>.</summary>
    internal Dictionary<string, Dictionary<string, StoredFinding>> AgencyFindings { get; } = new(StringComparer.Ordinal);

    /// <summary>Agencies' notices' citations by agency, like <c>agency_notice_citations</c>.</summary>
    internal Dictionary<string, HashSet<StoredNoticeCitation>> AgencyCitations { get; } = new(StringComparer.Ordinal);

    /// <summary>Supervision instruments with their list columns and history, like <c>supervision_instruments</c>.</summary>
    internal Dictionary<string, InstrumentRow> Instruments { get; } = new(StringComparer.Ordinal);

    /// <summary>The last sequence handed out per document series, like <c>document_number_counters</c>.</summary>
    internal Dictionary<DocumentSeriesKey, int> DocumentCounters { get; } = [];

    /// <summary>Messages waiting for their targets, by id (the order written), like <c>supervision_outbox</c>.</summary>
    internal SortedDictionary<long, PendingOutboxMessage> Outbox { get; } = [];

    /// <summary>The id of the message waiting for each target and key, like the outbox's unique index: a commit and an
    /// acknowledgement find theirs without reading every waiting message under <see cref="Gate"/>.</summary>
    private readonly Dictionary<(string TargetKind, string TargetId, string MessageKey), long> outboxIds = [];

    internal long LastOutboxId { get; set; }

    /// <summary>Adds the messages a commit owes, keeping one already waiting with the same target and key (called under
    /// <see cref="Gate"/>).</summary>
    internal void Enqueue(IReadOnlyList<OutboxMessage>? messages, DateTimeOffset at)
    {
        foreach (var message in messages ?? [])
        {
            if (outboxIds.TryAdd(OutboxKey(message), LastOutboxId + 1))
            {
                var id = ++LastOutboxId;
                // The four fields only, as PostgreSQL keeps them: never what the building silo kept beside them.
                var stored = new OutboxMessage(message.TargetKind, message.TargetId, message.MessageKey, message.PayloadJson);
                Outbox.Add(id, new PendingOutboxMessage(id, stored, at));
            }
        }
    }

    /// <summary>Removes the message waiting with the same target and key as <paramref name="message"/>, if any (called
    /// under <see cref="Gate"/>).</summary>
    internal void Acknowledge(OutboxMessage message)
    {
        if (outboxIds.Remove(OutboxKey(message), out var id))
        {
            Outbox.Remove(id);
        }
    }

    private static (string, string, string) OutboxKey(OutboxMessage message) => (message.TargetKind, message.TargetId, message.MessageKey);

    /// <summary>Enforcement complaints (<see cref="InMemoryComplaintStore"/>), which share the deadline index and the
    /// notifications with cases.</summary>
    internal Dictionary<string, ComplaintRow> Complaints { get; } = new(StringComparer.Ordinal);

    /// <summary>What a subject's commit writes besides its own row and history, as PostgreSQL's commit statements do
    /// (<c>SubjectCommitSql</c>): its schedule replaced when it carries one (fire times already normalised), its
    /// notifications and its outbox messages at the entry's time <paramref name="at"/> (called under <see cref="Gate"/>).</summary>
    internal void ApplyCommitEffects(
        string subjectId,
        DateTimeOffset at,
        IReadOnlyList<ScheduleEntry>? reminders,
        IReadOnlyList<NotificationDraft>? notifications,
        IReadOnlyList<OutboxMessage>? outbox)
    {
        if (reminders is not null)
        {
            ReplaceReminders(subjectId, reminders);
        }

        if (notifications is { Count: > 0 })
        {
            Notify(subjectId, at, notifications);
        }

        Enqueue(outbox, at);
    }

    /// <summary>Replaces a subject's rows of the deadline index (called under <see cref="Gate"/> by a commit). The keys each
    /// subject last wrote are kept, so a commit does not scan the whole index; a key the scheduler removed since is simply
    /// gone already.</summary>
    internal void ReplaceReminders(string subjectId, IReadOnlyList<ScheduleEntry> reminders)
    {
        if (reminderKeys.TryGetValue(subjectId, out var stale))
        {
            foreach (var key in stale)
            {
                Reminders.Remove(key);
            }
        }

        reminderKeys[subjectId] = [.. reminders.Select(r => (r.CaseId, r.DeadlineId, r.Step))];
        foreach (var reminder in reminders)
        {
            Reminders.Add((reminder.CaseId, reminder.DeadlineId, reminder.Step), reminder);
        }
    }

    /// <summary>Stores a commit's notifications in list order, under one new transaction number (called under
    /// <see cref="Gate"/>).</summary>
    internal void Notify(string subjectId, DateTimeOffset at, IReadOnlyList<NotificationDraft> notifications)
    {
        var transaction = ++LastNotificationTransaction;
        foreach (var draft in notifications)
        {
            var id = ++LastNotificationId;
            Notifications.Add(new StoredNotification(
                id,
                new NotificationPosition(transaction, id),
                subjectId,
                at,
                draft.Kind,
                draft.RecipientOrganisationId,
                draft.RecipientRole,
                draft.RecipientUserId,
                draft.Title,
                draft.Text,
                draft.PayloadJson));
        }
    }

    internal sealed class InstrumentRow(StoredRecord current, InstrumentIndexEntry index)
    {
        public StoredRecord Current { get; set; } = current;

        public InstrumentIndexEntry Index { get; set; } = index;

        /// <summary>Its citations by case, like <c>instrument_citations</c>: a commit adds to them, never copies them.</summary>
        public Dictionary<string, StoredCitation> Citations { get; } = new(StringComparer.Ordinal);

        public List<CaseHistoryEntry> History { get; } = [];
    }

    internal sealed class ComplaintRow(StoredComplaint current, ComplaintIndexEntry index)
    {
        public StoredComplaint Current { get; set; } = current;

        public ComplaintIndexEntry Index { get; set; } = index;

        public List<CaseHistoryEntry> History { get; } = [];

        public HashSet<string> IdempotencyKeys { get; } = new(StringComparer.Ordinal);
    }

    internal sealed class CaseRow(StoredCase current, CaseIndexEntry index)
    {
        public StoredCase Current { get; set; } = current;

        public CaseIndexEntry Index { get; set; } = index;

        /// <summary>The statistics columns of the row (<c>0130_case_statistics.sql</c>).</summary>
        public CaseOutcome Outcome { get; set; } = CaseOutcome.None;

        public List<CaseHistoryEntry> History { get; } = [];

        public Dictionary<string, CaseHistoryEntry> ByIdempotencyKey { get; } = new(StringComparer.Ordinal);
    }

    internal sealed record RegionRow(Region Region, string Path);
}
