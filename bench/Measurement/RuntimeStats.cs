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
