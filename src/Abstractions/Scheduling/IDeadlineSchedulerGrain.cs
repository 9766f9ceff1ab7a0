namespace CaseGrains.Abstractions.Scheduling;

/// <summary>
/// 期限调度: one partition of the deadline index (the integer key, 0 to the partition count − 1). It delivers every
/// reminder step of its partition that has come due to its case, at least once, and wakes itself for the next one.
/// </summary>
[Alias("CaseGrains.IDeadlineSchedulerGrain")]
public interface IDeadlineSchedulerGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the partition is active and watching; cheap when it already is. Activation does the work, so
    /// the call interleaves: a keeper's call does not wait behind a long pass.</summary>
    [Alias("Wake"), Orleans.Concurrency.AlwaysInterleave]
    Task Wake();

    /// <summary>Delivers everything due now, as the grain does when it wakes: tests call it on a clock they control.</summary>
    [Alias("Tick")]
    Task<SchedulerTick> Tick();
}
