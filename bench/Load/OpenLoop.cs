using System.Diagnostics;

namespace CaseGrains.Bench.Load;

/// <summary>
/// Sends requests on an <see cref="ArrivalSchedule"/>: a dispatcher wakes at least every millisecond and starts every
/// request that has come due (all of them, if it fell behind), without waiting for answers. Each latency runs from the
/// request's due time to its answer.
/// </summary>
public static class OpenLoop
{
    public static async Task<OpenLoopResult> RunAsync(ArrivalSchedule schedule, Func<int, Task> request)
    {
        var latencies = new double[schedule.Count];
        var failures = 0L;
        var maxLateStart = 0.0;
        var inFlight = new List<Task>(schedule.Count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < schedule.Count; i++)
        {
            var due = schedule.DueAt(i);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            maxLateStart = Math.Max(maxLateStart, (clock.Elapsed - due).TotalMilliseconds);
            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    await request(index);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }

                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(inFlight);
        var elapsed = clock.Elapsed;
        var measured = new Latencies();
        measured.AddRange(latencies);
        return new OpenLoopResult(schedule.Count / elapsed.TotalSeconds, measured, failures, maxLateStart);
    }
}

/// <summary>The rate the requests were answered at (all of them, over the time until the last answer), their latencies
/// from due time, failures, and how late the dispatcher was at worst in starting one.</summary>
public sealed record OpenLoopResult(double AnsweredPerSecond, Latencies Latencies, long Failures, double MaxLateStartMilliseconds);
