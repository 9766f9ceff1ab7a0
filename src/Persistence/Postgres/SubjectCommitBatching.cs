namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// How a store's <see cref="SubjectCommitBatcher"/> groups commits. <see cref="MaxConcurrentBatches"/> transactions run at
/// once; a commit that finds one of them free starts at once, alone, so a commit without concurrency waits for nothing.
/// Commits arriving while all are busy wait and go, at most <see cref="MaxBatchSize"/> together, in the next transaction
/// that frees up: one WAL flush, one set of relation locks and one round trip for all of them.
/// </summary>
public sealed record SubjectCommitBatching(int MaxConcurrentBatches = 4, int MaxBatchSize = 64)
{
    // Four transactions keep a two-core PostgreSQL busy while one of them waits for its WAL flush; 64 commits bound how
    // long one transaction holds its rows locked (measured: README "Performance").
    public static SubjectCommitBatching Default { get; } = new();

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentBatches, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1);
    }
}
