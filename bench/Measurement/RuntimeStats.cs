using System.Diagnostics;

namespace CaseGrains.Bench.Measurement;

/// <summary>What the .NET runtime of a process says about itself, read in the process at the end of a run: where its
/// memory and time went (collections and their pauses, allocation, thread pool, lock contention).</summary>
public sealed record RuntimeStats(
    long PeakWorkingSetBytes,
    long GcHeapBytes,
    long GcCommittedBytes,
    long AllocatedBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double GcPauseSeconds,
    double GcPausePercent,
    int ThreadPoolThreads,
    long ThreadPoolCompletedItems,
    long LockContentions,
    double CpuSeconds)
{
    public static RuntimeStats OfThisProcess()
    {
        using var self = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        return new RuntimeStats(
            self.PeakWorkingSet64,
            GC.GetTotalMemory(forceFullCollection: false),
            gc.TotalCommittedBytes,
            GC.GetTotalAllocatedBytes(),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalPauseDuration().TotalSeconds,
            gc.PauseTimePercentage,
            ThreadPool.ThreadCount,
            ThreadPool.CompletedWorkItemCount,
            Monitor.LockContentionCount,
            self.TotalProcessorTime.TotalSeconds);
    }
}
