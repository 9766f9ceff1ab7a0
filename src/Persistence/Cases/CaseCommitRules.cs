using System.Text.Json;

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
