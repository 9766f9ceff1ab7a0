namespace CaseGrains.Persistence.Cases;

/// <summary>
/// The outcome of checking a case's history chain (<see cref="HistoryChain.Verify(string, IReadOnlyList{CaseHistoryEntry})"/>).
/// Verification stops at the first problem: <see cref="EntriesChecked"/> counts the entries examined, the broken one
/// included, and <see cref="FirstBrokenSequence"/> is the sequence number of the first entry that is altered,
/// misplaced or missing (null when <see cref="Intact"/>). <see cref="Problem"/> says what is wrong with it.
/// An empty history is intact.
/// </summary>
public sealed record HistoryVerification(bool Intact, int EntriesChecked, long? FirstBrokenSequence, string? Problem)
{
    public static HistoryVerification Passed(int entriesChecked) => new(true, entriesChecked, null, null);

    public static HistoryVerification Broken(int entriesChecked, long sequence, string problem) => new(false, entriesChecked, sequence, problem);
}
