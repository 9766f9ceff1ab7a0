using CaseGrains.TestSupport;

namespace CaseGrains.Grains.Tests.Support;

/// <summary>Waiting for what a silo does by itself (timers, a silo's death), failing the test after a minute.</summary>
public static class Waiting
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what) =>
        Assert.True(await Polling.UntilAsync(condition, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200)) is not null, $"Timed out waiting for {what}.");
}
