using System.Diagnostics;

namespace CaseGrains.Bench.Load;

/// <summary>
/// A closed loop: <c>clients</c> workers, each doing one operation after another for a warm-up (not counted) and then
/// for the measured time. An operation reports how many actions it performed (a case walk performs several) and the
/// latency of each; the phase's rate is actions completed in the measured window over its length.
/// </summary>
public static class ClosedLoop
{
    /// <param name="operation">One unit of work by worker <c>client</c>, iteration <c>n</c>; it records each action's
    /// latency in the given <see cref="Latencies"/> and returns how many actions it performed.</param>
    public static async Task<PhaseResult> RunAsync(
        int clients, TimeSpan warmUp, TimeSpan measured, Func<int, long, Latencies?, Task<int>> operation)
    {
        var latencies = new Latencies();
        var actions = 0L;
        var failures = 0L;
        var clock = Stopwatch.StartNew();
        var measureFrom = warmUp;
        var measureTo = warmUp + measured;
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var n = 0L; clock.Elapsed < measureTo; n++)
            {
                var counted = clock.Elapsed >= measureFrom;
                try
                {
                    var done = await operation(client, n, counted ? latencies : null);
                    if (counted && clock.Elapsed <= measureTo)
                    {
                        Interlocked.Add(ref actions, done);
                    }
                }
                catch (Exception)
                {
                    // A failure in the warm-up is not counted, like everything else there.
                    if (counted)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }
        }));
        await Task.WhenAll(workers);
        return new PhaseResult(actions / measured.TotalSeconds, latencies, failures);
    }

    /// <summary>Runs <paramref name="action"/> and adds its latency to <paramref name="latencies"/> (when measured), and
    /// to <paramref name="alsoTo"/> then too.</summary>
    public static async Task<T> TimedAsync<T>(Latencies? latencies, Func<Task<T>> action, Latencies? alsoTo = null)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await action();
        if (latencies is not null)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            latencies.Add(elapsed);
            alsoTo?.Add(elapsed);
        }

        return result;
    }
}

/// <summary>A measured phase: actions per second, the latency of each action, and operations that threw.</summary>
public sealed record PhaseResult(double PerSecond, Latencies Latencies, long Failures);
