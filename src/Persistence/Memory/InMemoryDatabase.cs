using CaseGrains.Domain.Organisations;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Reminders;

namespace CaseGrains.Persistence.Memory;

/// <summary>
/// The rows of the in-memory stores, the counterpart of one PostgreSQL database: cases with their history and
/// index entries, regions with their paths, organisations. Share one instance between
/// <see cref="InMemoryCaseStore"/>, <see cref="InMemoryCaseQueries"/> and <see cref="InMemoryOrganisationDirectory"/>
/// (region filters read region paths; moving a region rewrites the cases' region paths). Every read and write
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

    internal sealed class CaseRow(StoredCase current, CaseIndexEntry index)
    {
        public StoredCase Current { get; set; } = current;

        public CaseIndexEntry Index { get; set; } = index;

        public List<CaseHistoryEntry> History { get; } = [];

        public Dictionary<string, CaseHistoryEntry> ByIdempotencyKey { get; } = new(StringComparer.Ordinal);
    }

    internal sealed record RegionRow(Region Region, string Path);
}
