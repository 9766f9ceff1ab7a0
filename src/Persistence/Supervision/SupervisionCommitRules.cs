using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Outbox;

namespace CaseGrains.Persistence.Supervision;

/// <summary>What both stores check of a supervision commit before anything is written.</summary>
public static class SupervisionCommitRules
{
    /// <exception cref="ArgumentException">The commit is malformed.</exception>
    public static void Validate(AgencyCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentException.ThrowIfNullOrWhiteSpace(commit.AgencyId, nameof(commit));
        ArgumentOutOfRangeException.ThrowIfNegative(commit.ExpectedVersion, nameof(commit));
        CaseCommitRules.RequireJson(commit.SnapshotJson, "snapshot");
        OutboxRules.Validate(commit.Outbox);
        var cases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in commit.Findings ?? [])
        {
            ArgumentNullException.ThrowIfNull(finding, nameof(commit));
            ArgumentException.ThrowIfNullOrWhiteSpace(finding.CaseId, nameof(commit));
            ArgumentOutOfRangeException.ThrowIfNegative(finding.Position, nameof(commit));
            CaseCommitRules.RequireJson(finding.FindingJson, "finding");
            if (!cases.Add(finding.CaseId))
            {
                throw new ArgumentException($"The commit carries two findings of {finding.CaseId}.", nameof(commit));
            }
        }

        var citations = new HashSet<StoredNoticeCitation>();
        foreach (var citation in commit.Citations ?? [])
        {
            ArgumentNullException.ThrowIfNull(citation, nameof(commit));
            ArgumentException.ThrowIfNullOrWhiteSpace(citation.NoticeId, nameof(commit));
            ArgumentException.ThrowIfNullOrWhiteSpace(citation.CaseId, nameof(commit));
            if (!citations.Add(citation))
            {
                throw new ArgumentException($"The commit carries {citation.NoticeId}'s citation of {citation.CaseId} twice.", nameof(commit));
            }
        }
    }

    /// <exception cref="ArgumentException">The commit is malformed: blank id, negative version, an entry whose sequence is
    /// not the next version, JSON that does not parse, a citation of a blank case or two of one case, reminders for another
    /// subject.</exception>
    public static void Validate(InstrumentCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentException.ThrowIfNullOrWhiteSpace(commit.InstrumentId, nameof(commit));
        ArgumentOutOfRangeException.ThrowIfNegative(commit.ExpectedVersion, nameof(commit));
        ArgumentNullException.ThrowIfNull(commit.Index, nameof(commit));
        ArgumentNullException.ThrowIfNull(commit.Entry, nameof(commit));
        if (commit.Entry.Sequence != commit.ExpectedVersion + 1)
        {
            throw new ArgumentException($"The entry's sequence {commit.Entry.Sequence} is not version {commit.ExpectedVersion + 1}.", nameof(commit));
        }

        CaseCommitRules.RequireJson(commit.SnapshotJson, "snapshot");
        CaseCommitRules.RequireJson(commit.Entry.PayloadJson, "history payload");
        var cases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var citation in commit.Citations ?? [])
        {
            ArgumentNullException.ThrowIfNull(citation, nameof(commit));
            ArgumentException.ThrowIfNullOrWhiteSpace(citation.CaseId, nameof(commit));
            CaseCommitRules.RequireJson(citation.CitationJson, "citation");
            if (!cases.Add(citation.CaseId))
            {
                throw new ArgumentException($"The commit carries two citations of {citation.CaseId}.", nameof(commit));
            }
        }

        if (commit.Reminders?.Any(r => !string.Equals(r.CaseId, commit.InstrumentId, StringComparison.Ordinal)) == true)
        {
            throw new ArgumentException("Every reminder of an instrument's commit is for that instrument.", nameof(commit));
        }

        if (commit.Notifications?.Count > Notifications.NotificationLimits.PerCommit)
        {
            throw new ArgumentException($"A commit carries at most {Notifications.NotificationLimits.PerCommit} notifications.", nameof(commit));
        }

        OutboxRules.Validate(commit.Outbox);
    }

    /// <summary>The entry as stored: its time in UTC to the microsecond, like PostgreSQL's.</summary>
    public static CaseHistoryEntry Normalised(CaseHistoryEntry entry) => entry with { At = CaseCommitRules.NormaliseInstant(entry.At) };
}
