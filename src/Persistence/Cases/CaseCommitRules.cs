using System.Text.Json;
using CaseGrains.Persistence.Reminders;

namespace CaseGrains.Persistence.Cases;

/// <summary>The checks and normalisations every <see cref="ICaseStore"/> applies, so all stores agree.</summary>
internal static class CaseCommitRules
{
    /// <summary>Throws <see cref="ArgumentException"/> unless the commit is well formed (see <see cref="CaseCommit"/>).</summary>
    public static void Validate(CaseCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentException.ThrowIfNullOrEmpty(commit.CaseId, nameof(commit));
        ArgumentNullException.ThrowIfNull(commit.Index, nameof(commit));
        ArgumentNullException.ThrowIfNull(commit.Entry, nameof(commit));
        if (commit.ExpectedVersion < 0)
        {
            throw new ArgumentException($"Expected version {commit.ExpectedVersion} is negative.", nameof(commit));
        }

        var newVersion = commit.ExpectedVersion + 1;
        if (commit.Entry.Sequence != newVersion)
        {
            throw new ArgumentException(
                $"The history entry's sequence {commit.Entry.Sequence} must be the new version {newVersion} (expected version + 1).",
                nameof(commit));
        }

        if (!string.Equals(commit.Index.CaseId, commit.CaseId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The index entry is for case {commit.Index.CaseId}, not {commit.CaseId}.", nameof(commit));
        }

        if (commit.Index.Version != newVersion)
        {
            throw new ArgumentException($"The index entry's version {commit.Index.Version} must be the new version {newVersion}.", nameof(commit));
        }

        if (commit.Entry.IdempotencyKey is { Length: 0 })
        {
            throw new ArgumentException("An idempotency key, when given, must not be empty.", nameof(commit));
        }

        RequireJson(commit.SnapshotJson, "snapshot");
        RequireJson(commit.Entry.PayloadJson, "history payload");
        ValidateReminders(commit);
    }

    /// <summary>The commit's schedule with every fire time normalised (<see cref="NormaliseInstant"/>); null when the
    /// commit leaves the schedule alone.</summary>
    public static IReadOnlyList<ScheduleEntry>? NormalisedReminders(CaseCommit commit) =>
        commit.Reminders is null ? null : [.. commit.Reminders.Select(r => r with { FireAt = NormaliseInstant(r.FireAt) })];

    private static void ValidateReminders(CaseCommit commit)
    {
        if (commit.Reminders is null)
        {
            return;
        }

        var keys = new HashSet<(int, string)>();
        foreach (var reminder in commit.Reminders)
        {
            if (reminder is null)
            {
                throw new ArgumentException("A reminder entry is null.", nameof(commit));
            }

            if (!string.Equals(reminder.CaseId, commit.CaseId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A reminder entry is for case {reminder.CaseId}, not {commit.CaseId}.", nameof(commit));
            }

            if (reminder.DeadlineId < 0)
            {
                throw new ArgumentException($"A reminder entry's deadline id {reminder.DeadlineId} is negative.", nameof(commit));
            }

            if (string.IsNullOrEmpty(reminder.Kind) || string.IsNullOrEmpty(reminder.Step))
            {
                throw new ArgumentException("A reminder entry must name its deadline kind and step.", nameof(commit));
            }

            if (!keys.Add((reminder.DeadlineId, reminder.Step)))
            {
                throw new ArgumentException(
                    $"Two reminder entries for deadline {reminder.DeadlineId}, step {reminder.Step}.", nameof(commit));
            }
        }
    }

    /// <summary>A UTC instant truncated to whole microseconds: what PostgreSQL's timestamptz keeps.</summary>
    public static DateTimeOffset NormaliseInstant(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TicksPerMicrosecond), TimeSpan.Zero);
    }

    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    private static void RequireJson(string? json, string what)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new ArgumentException($"The {what} must be a JSON value.", "commit");
        }

        try
        {
            using var document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The {what} is not valid JSON: {e.Message}", "commit", e);
        }
    }
}
