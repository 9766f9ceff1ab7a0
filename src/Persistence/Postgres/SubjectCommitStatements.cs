namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// Every variant of a store's commit statement (create or update; with or without schedule, notifications, outbox),
/// built once. Building one with <see cref="SubjectCommitSql.WithCtes"/> rewrites a few kilobytes of SQL per parameter
/// it numbers, which, done for every commit, took 7% of the silo's CPU in a burst of reminder steps.
/// </summary>
internal sealed class SubjectCommitStatements
{
    private readonly string[] variants;

    /// <param name="build">Builds the variant for (create, replaceSchedule, insertNotifications, insertOutbox).</param>
    public SubjectCommitStatements(Func<bool, bool, bool, bool, string> build) =>
        variants = [.. Enumerable.Range(0, 16).Select(v => build((v & 1) != 0, (v & 2) != 0, (v & 4) != 0, (v & 8) != 0))];

    public string For(bool create, bool replaceSchedule, bool insertNotifications, bool insertOutbox) =>
        variants[(create ? 1 : 0) | (replaceSchedule ? 2 : 0) | (insertNotifications ? 4 : 0) | (insertOutbox ? 8 : 0)];
}
