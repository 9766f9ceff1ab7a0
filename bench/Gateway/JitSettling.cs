using System.Diagnostics;
using System.Globalization;

namespace CaseGrains.Bench.Gateway;

/// <summary>
/// Waits until a gateway's JIT is idle, by the runtime's own metric on its <c>/metrics</c>: the compile time grows by less
/// than 10 ms a second, two seconds running. A fresh gateway keeps recompiling its hot methods (tiered compilation) for
/// many seconds after it serves its first requests, and a measurement taken meanwhile is partly of the JIT.
/// </summary>
public static class JitSettling
{
    private const string CompileTimeMetric = "dotnet_jit_compilation_time_seconds_total";
    private const double IdleSecondsPerSecond = 0.01;
    private const int IdleIntervalsNeeded = 2;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>How long it took, and whether the JIT went idle before <see cref="Limit"/> (the measurement goes on either way).</summary>
    public static async Task<(TimeSpan Waited, bool Settled)> WaitAsync(GatewayProcess gateway)
    {
        var started = Stopwatch.GetTimestamp();
        var previous = await CompileSecondsAsync(gateway.Client);
        var idleIntervals = 0;
        while (Stopwatch.GetElapsedTime(started) < Limit)
        {
            await Task.Delay(Interval);
            var current = await CompileSecondsAsync(gateway.Client);
            idleIntervals = current - previous < IdleSecondsPerSecond * Interval.TotalSeconds ? idleIntervals + 1 : 0;
            previous = current;
            if (idleIntervals == IdleIntervalsNeeded)
            {
                return (Stopwatch.GetElapsedTime(started), true);
            }
        }

        return (Stopwatch.GetElapsedTime(started), false);
    }

    private static async Task<double> CompileSecondsAsync(HttpClient client)
    {
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        foreach (var line in metrics.Split('\n'))
        {
            if (line.StartsWith(CompileTimeMetric, StringComparison.Ordinal))
            {
                return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"The gateway's /metrics has no {CompileTimeMetric}.");
    }
}
