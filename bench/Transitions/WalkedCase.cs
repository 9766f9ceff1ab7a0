using CaseGrains.Persistence.Cases;

namespace CaseGrains.Bench.Transitions;

/// <summary>What <see cref="StoreCommitGrain"/> commits: one case walked through <see cref="CaseWalk"/> before the phase,
/// as the store holds it (set once, before any call reads it).</summary>
public sealed class WalkedCase
{
    public WalkedCommit? Commit { get; set; }
}

/// <param name="SnapshotJson">The walked case's snapshot after its last action.</param>
/// <param name="Index">Its list row.</param>
/// <param name="Payloads">Its history entries' payloads, in order.</param>
public sealed record WalkedCommit(string SnapshotJson, CaseIndexEntry Index, IReadOnlyList<string> Payloads);
