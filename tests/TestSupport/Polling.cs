using System.Diagnostics;

namespace CaseGrains.TestSupport;

/// <summary>Waiting on real time, with a bound, for what silos and processes do by themselves: timers, a silo's death
/// or its joining.</summary>
public static class Polling
{
    /// <summary>How long <paramref name="condition"/> took to hold, asked every <paramref name="interval"/>; null if it
    /// did not hold within <paramref name="limit"/>.</summary>
    public static async Task<TimeSpan?> UntilAsync(Func<Task<bool>> condition, TimeSpan limit, TimeSpan interval)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (await condition())
            {
                return watch.Elapsed;
            }

            await Task.Delay(interval);
        }

        return null;
    }
}
