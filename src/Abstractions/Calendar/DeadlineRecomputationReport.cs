using CaseGrains.Abstractions.Scheduling;

namespace CaseGrains.Abstractions.Calendar;

/// <summary>
/// The progress and result of recomputing the deadlines after a holiday year was loaded: which load it counts on
/// (<see cref="CalendarVersion"/>), who loaded it and when, the candidates (cases with a deadline due on or after
/// <see cref="DueFrom"/>), how many it has asked (<see cref="CasesChecked"/>), which of them changed and by how many
/// deadlines, and which it could not reach. Only the first <see cref="ListLimit"/> changed and failed cases are listed;
/// the rest are counted. Each changed case's own history holds a <c>recomputeDeadlines</c> entry naming every deadline
/// that moved, from and to.
/// </summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.DeadlineRecomputationReport")]
public sealed record DeadlineRecomputationReport(
    [property: Id(0)] int Year,
    [property: Id(1)] DeadlineRecomputationStatus Status,
    [property: Id(2)] long CalendarVersion,
    [property: Id(3)] string StartedBy,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] DateTimeOffset? CompletedAt,
    [property: Id(6)] DateOnly DueFrom,
    [property: Id(7)] long CasesChecked,
    [property: Id(8)] long CasesChanged,
    [property: Id(9)] IReadOnlyList<RecomputedCase> ChangedCases,
    [property: Id(10)] long CasesFailed,
    [property: Id(11)] IReadOnlyList<string> FailedCases)
{
    /// <summary>How many changed cases, and how many failed ones, the report lists by id: it is stored whole after every
    /// batch, so it must not grow with the number of cases.</summary>
    public const int ListLimit = 1000;

    /// <summary>Changed cases counted in <see cref="CasesChanged"/> but not listed in <see cref="ChangedCases"/>.</summary>
    public long ChangedCasesNotListed => CasesChanged - ChangedCases.Count;

    /// <summary>Failed cases counted in <see cref="CasesFailed"/> but not listed in <see cref="FailedCases"/>.</summary>
    public long FailedCasesNotListed => CasesFailed - FailedCases.Count;

    /// <summary>A run that has just started: nothing asked yet.</summary>
    public static DeadlineRecomputationReport Started(int year, long calendarVersion, string startedBy, DateTimeOffset startedAt, DateOnly dueFrom) =>
        new(year, DeadlineRecomputationStatus.Running, calendarVersion, startedBy, startedAt, null, dueFrom, 0, 0, Array.Empty<RecomputedCase>(), 0, Array.Empty<string>());

    /// <summary>
    /// This report with one batch counted: a case that answered is checked, and changed when it recorded moved
    /// deadlines; a case without an answer (<paramref name="batch"/>'s outcome null) failed. The lists are arrays, which
    /// Orleans and the grain storage carry as they are.
    /// </summary>
    public DeadlineRecomputationReport Counting(IReadOnlyList<(string CaseId, SystemCommandOutcome? Outcome)> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var changed = batch
            .Where(b => b.Outcome is { Kind: SystemCommandOutcomeKind.Recorded })
            .Select(b => new RecomputedCase(b.CaseId, b.Outcome!.ChangedDeadlines))
            .ToList();
        var failed = batch.Where(b => b.Outcome is null).Select(b => b.CaseId).ToList();
        return this with
        {
            CasesChecked = CasesChecked + batch.Count - failed.Count,
            CasesChanged = CasesChanged + changed.Count,
            ChangedCases = ChangedCases.Concat(changed).Take(ListLimit).ToArray(),
            CasesFailed = CasesFailed + failed.Count,
            FailedCases = FailedCases.Concat(failed).Take(ListLimit).ToArray(),
        };
    }

    /// <summary>This report, finished at <paramref name="at"/>.</summary>
    public DeadlineRecomputationReport CompletedOn(DateTimeOffset at) => this with { Status = DeadlineRecomputationStatus.Completed, CompletedAt = at };
}
