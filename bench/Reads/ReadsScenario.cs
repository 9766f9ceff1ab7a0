using System.Globalization;
using CaseGrains.Bench.Gateway;
using CaseGrains.Bench.Load;
using CaseGrains.Bench.Reporting;
using CaseGrains.Bench.Storage;
using CaseGrains.Grains.PersonalData;

namespace CaseGrains.Bench.Reads;

/// <summary>
/// Issue 7, scenario 3: reading active cases (in memory on the silo) through the gateway on PostgreSQL at a fixed rate,
/// open loop (<see cref="ArrivalSchedule"/>: latency counts from when a request was due, queueing included). The
/// baseline is the gateway's liveness probe at the same rate in the same run: what HTTP, Kestrel and this machine cost
/// at that rate before any case is read.
/// </summary>
public static class ReadsScenario
{
    public const string Name = "reads";
    private static readonly LoadOptions Defaults = new(Seconds: 30, WarmUp: 5, Clients: 16, Rate: 1000, Cases: 1000, LoadOptions.DefaultServer);

    public static async Task<int> RunAsync(string[] args)
    {
        if (await LoadOptions.ParseOrExplainAsync(Name, args, Defaults) is not { } options)
        {
            return 2;
        }

        var progress = Console.Error;
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var database = await ScratchDatabase.CreateAsync(options.Connection, "reads");
        OpenLoopResult baseline, reads;
        await using (var gateway = await GatewayProcess.StartAsync(database.ConnectionString, PersonalDataKey.Generate().ToBase64(), Name, progress))
        {
            var requests = new CaseRequests(gateway);
            progress.WriteLine($"receiving {options.Cases:N0} cases and reading each once (so all are active)");
            var ids = new string[options.Cases];
            await Parallel.ForAsync(0, options.Cases, new ParallelOptions { MaxDegreeOfParallelism = options.Clients }, async (i, _) =>
            {
                ids[i] = await requests.ReceiveAsync($"bench-{run}-{i}");
                await requests.GetAsync(ids[i]);
            });

            var schedule = new ArrivalSchedule(options.Rate, options.Measured);
            var warmUp = new ArrivalSchedule(options.Rate, options.WarmUpTime);
            progress.WriteLine($"baseline: GET /health/live at {options.Rate:N0}/s for {options.WarmUp} + {options.Seconds} s");
            Func<int, Task> live = async _ =>
            {
                using var response = await gateway.Client.GetAsync("health/live");
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            };
            await OpenLoop.RunAsync(warmUp, live);
            baseline = await OpenLoop.RunAsync(schedule, live);

            progress.WriteLine($"reads: GET /api/v1/cases/{{id}} over {options.Cases:N0} cases at {options.Rate:N0}/s for {options.WarmUp} + {options.Seconds} s");
            Func<int, Task> read = i => requests.GetAsync(ids[i % ids.Length]);
            await OpenLoop.RunAsync(warmUp, read);
            reads = await OpenLoop.RunAsync(schedule, read);
        }

        var report = new BenchReport(Name, $"{Name}: open loop at {options.Rate:N0} requests/s, {options.Seconds} s a phase, {options.Cases:N0} active cases; {Environment.ProcessorCount} cores");
        Add(report, "GET /health/live (baseline)", "baseline", baseline);
        Add(report, "GET /api/v1/cases/{id}", "reads", reads);
        report.Section("ratio");
        var ratio = baseline.Latencies.Percentile(0.99) > 0 ? reads.Latencies.Percentile(0.99) / baseline.Latencies.Percentile(0.99) : 0;
        report.Add("p99Ratio", "read p99 ÷ baseline p99", Math.Round(ratio, 2), ratio.ToString("N2", CultureInfo.InvariantCulture));
        report.WriteTo(Console.Out);
        return report.Passed ? 0 : 1;
    }

    private static void Add(BenchReport report, string section, string key, OpenLoopResult result)
    {
        report.Section(section);
        report.Add(key + "AnsweredPerSecond", "answered per second", Math.Round(result.AnsweredPerSecond), result.AnsweredPerSecond.ToString("N0", CultureInfo.InvariantCulture));
        Phases.AddLatencies(report, key, result.Latencies);
        report.Add(key + "Failures", "failures", result.Failures, result.Failures.ToString("N0", CultureInfo.InvariantCulture));
        report.Add(key + "MaxLateStartMs", "sender late at worst", Math.Round(result.MaxLateStartMilliseconds, 1), Phases.Ms(result.MaxLateStartMilliseconds));
    }
}
