using CaseGrains.Abstractions;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Cases;
using CaseGrains.Persistence.Cases;

namespace CaseGrains.Bench.Transitions;

/// <summary>Appends, for each call, the walked case's commit of the same place in its walk (its snapshot after the walk,
/// the list row, and that action's history payload) under its own id and version; builds nothing else (bench only).
/// The texts are copied for each commit, so that the store keeps as much as it keeps of a case's own commit.</summary>
public sealed class StoreCommitGrain(ICaseStore store, WalkedCase walked) : Grain, IStoreCommitGrain
{
    private long version;

    public async Task<CaseResult?> Perform(CaseCommand command, CommandMetadata metadata)
    {
        var sample = walked.Commit ?? throw new InvalidOperationException("No case was walked before the store baseline.");
        var caseId = this.GetPrimaryKeyString();
        var now = DateTimeOffset.UtcNow;
        var entry = new CaseHistoryEntry(
            version + 1,
            now,
            metadata.Principal.UserId,
            metadata.Principal.OrganisationId,
            EnumNames.Of(command.Action),
            null,
            new string(sample.Payloads[(int)(version % sample.Payloads.Count)]),
            null);
        await store.AppendAsync(new CaseCommit(caseId, version, new string(sample.SnapshotJson), sample.Index with { CaseId = caseId, Version = version + 1, UpdatedAt = now }, entry));
        version++;
        return null;
    }
}
