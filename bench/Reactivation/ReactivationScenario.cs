using System.Diagnostics;
using System.Globalization;
using CaseGrains.Bench.Gateway;
using CaseGrains.Bench.Load;
using CaseGrains.Bench.Reporting;
using CaseGrains.Bench.Storage;
using CaseGrains.Grains.PersonalData;

namespace CaseGrains.Bench.Reactivation;

/// <summary>
/// Issue 7, scenario 5: reading cases that are not in memory. One gateway receives the cases and is stopped; a fresh
/// one (nothing activated) then reads each once through HTTP, so every read activates its grain and loads its state
/// from PostgreSQL (and decrypts it). The baseline is the same reads again on the same gateway, now all active. Before
/// the measured reads the fresh gateway reads other cases, also not in memory, and these are not counted: a gateway's
/// first thousand such reads are its JIT's and its connection pool's (p99 0.7 s at the gateway, against 26–43 ms for
/// the reads after them), and a gateway that serves users is long past them. It then waits for its JIT to go idle
/// (<see cref="JitSettling"/>): recompiling the hot methods went on through the measured reads, and with a 15-s pause
/// there the cold reads ran twice as fast.
/// </summary>
public static class ReactivationScenario
{
    public const string Name = "reactivation";

    /// <summary>Cases read before the measured ones, at least; a tenth of <see cref="LoadOptions.Cases"/> when that is more.</summary>
    private const int WarmUpCases = 2_000;

    private static readonly LoadOptions Defaults = new(Seconds: 1, WarmUp: 1, Clients: 16, Rate: 1, Cases: 10_000, LoadOptions.DefaultServer);

    public static async Task<int> RunAsync(string[] args)
    {
        if (await LoadOptions.ParseOrExplainAsync(Name, args, Defaults) is not { } options)
        {
            return 2;
        }

        var progress = Console.Error;
        var run = Guid.NewGuid().ToString("N")[..8];
        var key = PersonalDataKey.Generate().ToBase64();
        await using var database = await ScratchDatabase.CreateAsync(options.Connection, "reactivation");
        var warmUpCases = Math.Max(WarmUpCases, options.Cases / 10);
        var all = new string[warmUpCases + options.Cases];
        await using (var writer = await GatewayProcess.StartAsync(database.ConnectionString, key, Name + "-writer", progress))
        {
            progress.WriteLine($"receiving {all.Length:N0} cases ({Math.Max(64, options.Clients)} at a time)");
            var requests = new CaseRequests(writer);
            await Parallel.ForAsync(0, all.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(64, options.Clients) },
                async (i, _) => all[i] = await requests.ReceiveAsync($"bench-{run}-{i}"));
        }

        var ids = all[warmUpCases..];
        (Latencies Latencies, double PerSecond) cold, warm;
        (TimeSpan Waited, bool Settled) jit;
        await using (var reader = await GatewayProcess.StartAsync(database.ConnectionString, key, Name + "-reader", progress))
        {
            var requests = new CaseRequests(reader);
            progress.WriteLine($"reading {warmUpCases:N0} other cases once on a fresh gateway (not counted), then each of them once, {options.Clients} at a time, then again");
            await ReadAllAsync(requests, all[..warmUpCases], options.Clients);
            jit = await JitSettling.WaitAsync(reader);
            progress.WriteLine(jit.Settled ? $"the reader's JIT went idle after {jit.Waited.TotalSeconds:N0} s" : $"the reader's JIT was still busy after {jit.Waited.TotalSeconds:N0} s; reading anyway");
            cold = await ReadAllAsync(requests, ids, options.Clients);
            warm = await ReadAllAsync(requests, ids, options.Clients);
        }

        var report = new BenchReport(Name, $"{Name}: {options.Cases:N0} cases read through HTTP, {options.Clients} at a time, after {warmUpCases:N0} others; {Environment.ProcessorCount} cores");
        Add(report, "first read: activation, state loaded from PostgreSQL", "cold", cold);
        report.Add("jitIdleAfterSeconds", "the reader's JIT idle after", Math.Round(jit.Waited.TotalSeconds, 1),
            $"{jit.Waited.TotalSeconds:N1} s{(jit.Settled ? "" : " (still busy)")}");
        Add(report, "second read: active (baseline)", "warm", warm);
        report.Section("ratio");
        foreach (var (name, q) in new[] { ("P50", 0.5), ("P99", 0.99) })
        {
            var ratio = warm.Latencies.Percentile(q) > 0 ? cold.Latencies.Percentile(q) / warm.Latencies.Percentile(q) : 0;
            report.Add($"ratio{name}", $"cold {name.ToLowerInvariant()} ÷ warm {name.ToLowerInvariant()}", Math.Round(ratio, 2), ratio.ToString("N2", CultureInfo.InvariantCulture));
        }

        report.WriteTo(Console.Out);
        return report.Passed ? 0 : 1;
    }

    private static async Task<(Latencies, double)> ReadAllAsync(CaseRequests requests, string[] ids, int clients)
    {
        var latencies = new Latencies();
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, ids.Length, new ParallelOptions { MaxDegreeOfParallelism = clients },
            async (i, _) => await ClosedLoop.TimedAsync(latencies, () => requests.GetAsync(ids[i])));
        return (latencies, ids.Length / clock.Elapsed.TotalSeconds);
    }

    private static void Add(BenchReport report, string section, string key, (Latencies Latencies, double PerSecond) phase)
    {
        report.Section(section);
        report.Add(key + "PerSecond", "cases per second", Math.Round(phase.PerSecond), phase.PerSecond.ToString("N0", CultureInfo.InvariantCulture));
        Phases.AddLatencies(report, key, phase.Latencies);
    }
}
