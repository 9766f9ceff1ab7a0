using CaseGrains.Persistence.Cases;
using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// One subject's commit statement waiting for its transaction in a <see cref="SubjectCommitBatcher"/>: its text, how to
/// add its parameters (called once per attempt: a parameter belongs to one command), what a missing row means (the
/// version check failed: <see cref="ConcurrencyConflictException"/>) and which unique violation is its own reused
/// idempotency key (<see cref="DuplicateIdempotencyKeyException"/>), the two failures every subject's commit has.
/// </summary>
/// <param name="idempotencyKeyIndex">The unique index on the subject's history that refuses a reused key.</param>
internal class PendingSubjectCommit(
    string subjectId,
    long expectedVersion,
    string? idempotencyKey,
    string idempotencyKeyIndex,
    string sql,
    Action<NpgsqlParameterCollection> addParameters)
{
    private readonly TaskCompletionSource outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string SubjectId { get; } = subjectId;

    /// <summary>Completes only after the transaction that wrote the commit has committed; fails if it was not written.</summary>
    public Task Outcome => outcome.Task;

    public NpgsqlBatchCommand CreateCommand()
    {
        var command = new NpgsqlBatchCommand(sql);
        addParameters(command.Parameters);
        return command;
    }

    /// <summary>Answers the caller once the transaction committed: the statement wrote its one row, or found the subject
    /// at another version and wrote nothing.</summary>
    public void Committed(int rowsWritten)
    {
        if (rowsWritten == 1)
        {
            outcome.TrySetResult();
        }
        else
        {
            outcome.TrySetException(new ConcurrencyConflictException(SubjectId, expectedVersion));
        }
    }

    public void Failed(Exception exception) =>
        outcome.TrySetException(
            exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } e && e.ConstraintName == idempotencyKeyIndex
                ? new DuplicateIdempotencyKeyException(SubjectId, idempotencyKey!)
                : exception);
}
