using Orleans.Concurrency;

namespace CaseGrains.Abstractions.Calendar;

/// <summary>
/// 期限重算: after a holiday year is loaded, counts again every running deadline the year can move, case by case
/// (<see cref="Scheduling.ICaseDeadlinesGrain.RecomputeDeadlines"/>), and reports which cases changed. One grain per year
/// (the integer key), started by the calendar grain once the year is stored; its progress is stored after every batch,
/// so a run that loses its silo goes on where it was.
/// </summary>
[Alias("CaseGrains.IDeadlineRecomputationGrain")]
public interface IDeadlineRecomputationGrain : IGrainWithIntegerKey
{
    /// <summary>Starts recomputing for the load of the year that made the calendar <paramref name="calendarVersion"/>.
    /// The same version again (a retried start) changes nothing; a later one (the year loaded again) starts over from
    /// the first case, even while a run is going; an earlier one is ignored. Returns the run in force.</summary>
    [Alias("Start")]
    Task<DeadlineRecomputationReport> Start(string startedBy, long calendarVersion);

    /// <summary>The progress or result of the last run; null when none was ever started for this year. Answers while a
    /// batch is in flight.</summary>
    [Alias("GetReport"), ReadOnly, AlwaysInterleave]
    Task<DeadlineRecomputationReport?> GetReport();

    /// <summary>Recomputes the next batch of cases now, as the grain's timer does, once every silo counts on the new
    /// calendar (before that, and after the run completed, it does nothing). Tests that stop a silo between batches
    /// call it with the timer off (<c>Recomputation:RunsByItself</c>). Null when no run was ever started.</summary>
    [Alias("RunBatch")]
    Task<DeadlineRecomputationReport?> RunBatch();
}
