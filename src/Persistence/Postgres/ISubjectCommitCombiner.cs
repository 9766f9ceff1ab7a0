using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// Writes several commits of a <see cref="SubjectCommitBatcher"/>'s batch in one statement instead of one statement each.
/// Inside a batch's transaction each statement still cost its own executor start and end, its own lookups and its own
/// round of parameters; one statement over arrays pays them once for all the commits it takes.
/// </summary>
internal interface ISubjectCommitCombiner
{
    /// <summary>Whether <paramref name="commit"/> is of the kind <see cref="Combine"/> writes.</summary>
    bool CanCombine(PendingSubjectCommit commit);

    /// <summary>
    /// One statement that writes each of <paramref name="commits"/> (all of which <see cref="CanCombine"/> accepts, no two
    /// for the same subject) as its own statement would, and returns one row per written commit: the subject id, in its
    /// first column. A commit whose version check fails writes nothing and returns no row.
    /// </summary>
    NpgsqlBatchCommand Combine(IReadOnlyList<PendingSubjectCommit> commits);
}
