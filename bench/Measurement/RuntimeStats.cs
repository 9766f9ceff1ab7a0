namespace CaseGrains.Bench.Measurement;

/// <summary>What the .NET runtime of a process says about itself, read in the process at the end of a run: where its
/// memory and time went (collections and their pauses, allocation, thread pool, lock contention).</summary>
public sealed record RuntimeStats(
    long GcHeapBytes,
    long AllocatedBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double GcPauseSeconds,
    int ThreadPoolThreads,
    long LockContentions)
{
    public static RuntimeStats OfThisProcess() => new(
        GC.GetTotalMemory(forceFullCollection: false),
        GC.GetTotalAllocatedBytes(),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration().TotalSeconds,
        ThreadPool.ThreadCount,
        Monitor.LockContentionCount);
}

/// <summary>What the runtime of this process spent between two readings: allocation, collections, pauses, lock contention.</summary>
public sealed record RuntimeSpent(long AllocatedBytes, int Gen0Collections, int Gen1Collections, int Gen2Collections, double GcPauseSeconds, long LockContentions)
{
    public static RuntimeSpent Between(RuntimeStats before, RuntimeStats after) => new(
        after.AllocatedBytes - before.AllocatedBytes,
        after.Gen0Collections - before.Gen0Collections,
        after.Gen1Collections - before.Gen1Collections,
        after.Gen2Collections - before.Gen2Collections,
        after.GcPauseSeconds - before.GcPauseSeconds,
        after.LockContentions - before.LockContentions);
}
