using CaseGrains.Persistence.Cases;

namespace CaseGrains.Persistence.Complaints;

/// <summary>The checks every <see cref="IComplaintStore"/> applies: a case commit's (<see cref="CaseCommitRules"/>) and
/// a list row for the same complaint at the new version.</summary>
internal static class ComplaintCommitRules
{
    public static void Validate(ComplaintCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(commit.Index, nameof(commit));
        CaseCommitRules.ValidateChange(commit.ComplaintId, commit.ExpectedVersion, commit.SnapshotJson, commit.Entry, commit.Reminders, commit.Notifications, commit.Outbox);
        if (!string.Equals(commit.Index.ComplaintId, commit.ComplaintId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The index entry is for complaint {commit.Index.ComplaintId}, not {commit.ComplaintId}.", nameof(commit));
        }

        if (commit.Index.Version != commit.ExpectedVersion + 1)
        {
            throw new ArgumentException($"The index entry's version {commit.Index.Version} must be the new version {commit.ExpectedVersion + 1}.", nameof(commit));
        }
    }
}
