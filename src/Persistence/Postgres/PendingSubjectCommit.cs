using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// One subject's commit statement waiting for its transaction in a <see cref="SubjectCommitBatcher"/>: its text, how to
/// add its parameters (called once per attempt: a parameter belongs to one command), what a missing row means (the
/// version check failed) and what a PostgreSQL error of its own means to its caller (e.g. a reused idempotency key).
/// </summary>
internal sealed class PendingSubjectCommit(
    string subjectId,
    string sql,
    Action<NpgsqlParameterCollection> addParameters,
    Func<Exception> conflict,
    Func<PostgresException, Exception?> translate)
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
            outcome.TrySetException(conflict());
        }
    }

    public void Failed(Exception exception) =>
        outcome.TrySetException(exception is PostgresException e && translate(e) is { } own ? own : exception);
}
