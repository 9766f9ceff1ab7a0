using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Reminders;

namespace CaseGrains.Persistence.Memory;

/// <summary><see cref="IReminderIndex"/> over an <see cref="InMemoryDatabase"/>, written by
/// <see cref="InMemoryCaseStore"/>'s commits; same order and rules as PostgreSQL.</summary>
public sealed class InMemoryReminderIndex(InMemoryDatabase database) : IReminderIndex
{
    public Task<IReadOnlyList<ScheduleEntry>> DueAsync(int partition, DateTimeOffset now, int limit, ScheduleEntry? after = null, CancellationToken cancellationToken = default)
    {
        ReminderPartitions.Require(partition);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var from = after is null ? null : after with { FireAt = CaseCommitRules.NormaliseInstant(after.FireAt) };
        lock (database.Gate)
        {
            IReadOnlyList<ScheduleEntry> due = [.. database.Reminders.Values
                .Where(r => r.Partition == partition && r.FireAt <= now && (from is null || Compare(r, from) > 0))
                .OrderBy(r => r.FireAt)
                .ThenBy(r => r.CaseId, StringComparer.Ordinal)
                .ThenBy(r => r.DeadlineId)
                .ThenBy(r => r.Step, StringComparer.Ordinal)
                .Take(limit)];
            return Task.FromResult(due);
        }
    }

    public Task<DateTimeOffset?> NextFireAtAsync(int partition, CancellationToken cancellationToken = default)
    {
        ReminderPartitions.Require(partition);
        lock (database.Gate)
        {
            return Task.FromResult(database.Reminders.Values.Where(r => r.Partition == partition).Select(r => (DateTimeOffset?)r.FireAt).Min());
        }
    }

    public Task<bool> RemoveAsync(ScheduleEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var key = (entry.CaseId, entry.DeadlineId, entry.Step);
        var fireAt = CaseCommitRules.NormaliseInstant(entry.FireAt);
        lock (database.Gate)
        {
            var removed = database.Reminders.TryGetValue(key, out var row)
                && row.DueOn == entry.DueOn
                && row.FireAt == fireAt
                && database.Reminders.Remove(key);
            return Task.FromResult(removed);
        }
    }

    public Task<IReadOnlyList<string>> CasesDueFromAsync(DateOnly dueFrom, string? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        lock (database.Gate)
        {
            IReadOnlyList<string> cases = [.. database.Reminders.Values
                .Where(r => r.DueOn >= dueFrom && (after is null || string.CompareOrdinal(r.CaseId, after) > 0))
                .Select(r => r.CaseId)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Take(limit)];
            return Task.FromResult(cases);
        }
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        lock (database.Gate)
        {
            return Task.FromResult((long)database.Reminders.Count);
        }
    }

    /// <summary>The index's order: fire time, case id (ordinal), deadline id, step (ordinal).</summary>
    private static int Compare(ScheduleEntry a, ScheduleEntry b)
    {
        var byTime = a.FireAt.CompareTo(b.FireAt);
        if (byTime != 0)
        {
            return byTime;
        }

        var byCase = string.CompareOrdinal(a.CaseId, b.CaseId);
        if (byCase != 0)
        {
            return byCase;
        }

        var byDeadline = a.DeadlineId.CompareTo(b.DeadlineId);
        return byDeadline != 0 ? byDeadline : string.CompareOrdinal(a.Step, b.Step);
    }
}
