using System.Diagnostics;

namespace CaseGrains.Grains.Tests.Support;

/// <summary>Waiting on real time for what a silo does by itself (timers, a silo's death), polled, with a bound.</summary>
public static class Waiting
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"Timed out waiting for {what}.");
            await Task.Delay(200);
        }
    }
}
