using System.Globalization;
using System.Text;
using CaseGrains.Bench.Gateway;
using CaseGrains.Bench.Load;
using CaseGrains.Bench.Measurement;
using CaseGrains.Bench.Reporting;
using CaseGrains.Bench.Storage;
using CaseGrains.Grains.PersonalData;

namespace CaseGrains.Bench.Transitions;

/// <summary>
/// Issue 7, scenario 2: case actions per second through the gateway (HTTP on loopback, real Kestrel, its co-hosted silo)
/// on PostgreSQL, by 64 concurrent clients each walking cases (<see cref="CaseWalk"/>), against the raw commit rate of
/// the same PostgreSQL at the same concurrency (<see cref="CommitBaseline"/>), both in one scratch database. Every
/// action is acknowledged only after its commit. Target: ratio ≥ 0.6.
/// </summary>
public static class TransitionsHttpScenario
{
    public const string Name = "transitions-http";
    private const double TargetRatio = 0.6;
    private static readonly LoadOptions Defaults = new(Seconds: 20, WarmUp: 5, Clients: 64, Rate: 1, Cases: 1, LoadOptions.DefaultServer);

    public static async Task<int> RunAsync(string[] args)
    {
        if (await LoadOptions.ParseOrExplainAsync(Name, args, Defaults) is not { } options)
        {
            return 2;
        }

        var progress = Console.Error;
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var database = await ScratchDatabase.CreateAsync(options.Connection, "transitions");
        PhaseResult baseline, cases;
        CpuUse baselineCpu, casesCpu;
        int payloadBytes;
        Latencies[] byAction;
        IReadOnlyList<(string State, double Backends)> activity;
        await using (var gateway = await GatewayProcess.StartAsync(database.ConnectionString, PersonalDataKey.Generate().ToBase64(), Name, progress))
        {
            var requests = new CaseRequests(gateway, options.Agencies);
            var sample = await requests.ReceiveAsync($"bench-{run}-sample");
            var payload = Encoding.UTF8.GetString(await requests.GetAsync(sample));
            payloadBytes = Encoding.UTF8.GetByteCount(payload);

            progress.WriteLine($"baseline: {options.Clients} clients committing one {payloadBytes:N0}-byte row each for {options.WarmUp} + {options.Seconds} s");
            var cpu = CpuSplit.Start(gateway.ProcessId);
            var (phase, backends) = await CommitBaseline.RunAsync(
                database.ConnectionString, options.Clients, options.WarmUpTime, options.Measured, payload, database.BackendsAsync);
            baseline = phase;
            baselineCpu = cpu.Stop(backends);

            progress.WriteLine($"cases: {options.Clients} clients walking cases through HTTP for {options.WarmUp} + {options.Seconds} s");
            cpu = CpuSplit.Start(gateway.ProcessId);
            var sampler = new PostgresActivitySampler(new BenchDatabases(options.Connection).ConnectionStringFor(BenchDatabases.Maintenance), database.Name);
            byAction = CaseWalk.LatenciesByAction();
            cases = await ClosedLoop.RunAsync(options.Clients, options.WarmUpTime, options.Measured,
                (client, n, latencies) => requests.WalkAsync($"bench-{run}-{client}-{n}", latencies, byAction));
            casesCpu = cpu.Stop(await database.BackendsAsync());
            activity = await sampler.StopAsync(top: 8);
            await sampler.DisposeAsync();
        }

        var report = new BenchReport(Name, $"{Name}: gateway over HTTP on PostgreSQL ({database.Name}), {options.Clients} clients, receipts against {options.Agencies} of the body's agencies, {options.Seconds} s a phase; {Environment.ProcessorCount} cores");
        Phases.Add(report, $"PostgreSQL commits of {payloadBytes:N0} bytes (baseline)", "baseline", baseline);
        AddCpu(report, "baseline", baselineCpu, baseline.PerSecond * (options.Seconds + options.WarmUp));
        Phases.Add(report, "case actions through HTTP", "cases", cases);
        Phases.AddByAction(report, "cases", CaseWalk.ActionNames, byAction);
        AddCpu(report, "cases", casesCpu, cases.PerSecond * (options.Seconds + options.WarmUp));
        report.Section("PostgreSQL busy with during the case actions (average active backends)");
        for (var i = 0; i < activity.Count; i++)
        {
            report.Add($"postgresActivity{i}", activity[i].State,
                new System.Text.Json.Nodes.JsonObject { ["state"] = activity[i].State, ["backends"] = Math.Round(activity[i].Backends, 2) },
                activity[i].Backends.ToString("N2", CultureInfo.InvariantCulture));
        }

        report.Section("ratio");
        var ratio = baseline.PerSecond > 0 ? cases.PerSecond / baseline.PerSecond : 0;
        report.Add("ratio", "case actions/s ÷ commits/s", Math.Round(ratio, 3), ratio.ToString("N2", CultureInfo.InvariantCulture),
            new Target($"≥ {TargetRatio:N1}", ratio >= TargetRatio));
        report.WriteTo(Console.Out);
        return report.Passed ? 0 : 1;
    }

    /// <summary>CPU per action of the gateway, of PostgreSQL's backends on the database and of the bench (the clients),
    /// over the warm-up and the measured time (the actions of the warm-up estimated at the measured rate).</summary>
    private static void AddCpu(BenchReport report, string key, CpuUse cpu, double actions)
    {
        var per = Math.Max(1, actions);
        var shown = $"gateway {1000 * cpu.Child / per:N2}, PostgreSQL {1000 * cpu.PostgresDatabase / per:N2}, clients {1000 * cpu.Bench / per:N2} ms; others {cpu.Others:N0} of {cpu.Capacity:N0} CPU-s";
        report.Add(key + "CpuMsPerAction", "CPU per action", new System.Text.Json.Nodes.JsonObject
        {
            ["gateway"] = Math.Round(1000 * cpu.Child / per, 3),
            ["postgres"] = Math.Round(1000 * cpu.PostgresDatabase / per, 3),
            ["bench"] = Math.Round(1000 * cpu.Bench / per, 3),
            ["othersSeconds"] = Math.Round(cpu.Others, 1),
        }, shown);
    }
}
