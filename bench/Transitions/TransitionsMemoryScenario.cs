using System.Globalization;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Api.Cases;
using CaseGrains.Bench.Hosting;
using CaseGrains.Bench.Load;
using CaseGrains.Bench.Measurement;
using CaseGrains.Bench.Reporting;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Time;
using CaseGrains.Grains;
using CaseGrains.Grains.PersonalData;
using CaseGrains.Hosting;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Organisations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace CaseGrains.Bench.Transitions;

/// <summary>
/// Issue 7, scenario 1: case actions per second on a silo in this process with the in-memory store (the platform's
/// embedded default), against the same clients calling a no-op grain on the same silo. Every phase uses the same
/// shape of work: each client walks one new grain through six calls (<see cref="CaseWalk"/>), so the baseline
/// activates as many grains as the case phase does. Target: ratio ≥ 0.5. A second baseline, without a target, appends a
/// walked case's commits to the same store (<see cref="StoreCommitGrain"/>): the ratio against it is what the platform
/// costs over its store's own commit, as <c>transitions-http</c> measures against PostgreSQL's.
/// </summary>
public static class TransitionsMemoryScenario
{
    public const string Name = "transitions-memory";
    private const double TargetRatio = 0.5;
    private static readonly TimeSpan CollectionTimeout = TimeSpan.FromMinutes(10);
    // The warm-up outlasts the JIT: on the project's 2-core machine it compiled the case path for the first 14–16 s of
    // the case phase (dotnet-counters), and a silo that serves users is long past that.
    private static readonly LoadOptions Defaults = new(Seconds: 30, WarmUp: 30, Clients: 64, Rate: 1, Cases: 1, LoadOptions.DefaultServer);

    public static async Task<int> RunAsync(string[] args)
    {
        if (await LoadOptions.ParseOrExplainAsync(Name, args, Defaults) is not { } options)
        {
            return 2;
        }

        using var host = await StartSiloAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();

        // The gateway's way to a grain by key, in every phase.
        var references = host.Services.GetRequiredService<GrainReferences>();
        var principals = await PrincipalsAsync(host.Services.GetRequiredService<IOrganisationDirectory>());
        var today = ChinaTime.Today(TimeProvider.System);
        var run = Guid.NewGuid().ToString("N")[..8];
        var progress = Console.Error;

        // Walked while the store is empty, so that its list row is the only one.
        host.Services.GetRequiredService<WalkedCase>().Commit = await WalkOneCaseAsync(host.Services, grains, principals, today, run);

        progress.WriteLine($"baseline: {options.Clients} clients calling a no-op grain for {options.WarmUp} + {options.Seconds} s");
        var baselineByCall = CaseWalk.LatenciesByAction();
        var before = RuntimeStats.OfThisProcess();
        var baseline = await ClosedLoop.RunAsync(options.Clients, options.WarmUpTime, options.Measured, (client, n, latencies) =>
            CallAsWalkedAsync(references.Get<INoOpGrain>($"noop-{run}-{client}-{n}").Perform, principals, latencies, baselineByCall));

        var baselineRuntime = RuntimeSpent.Between(before, before = RuntimeStats.OfThisProcess());

        // The no-op phase leaves a few hundred thousand idle activations, and Orleans' own gauges, which the Orleans
        // Dashboard collects every second, walk all of them: 9–12% of the process's CPU during the case phase. Each phase
        // starts from a silo without the other's activations.
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        before = RuntimeStats.OfThisProcess();
        progress.WriteLine($"cases: {options.Clients} clients walking cases for {options.WarmUp} + {options.Seconds} s");
        var byAction = CaseWalk.LatenciesByAction();
        var cases = await ClosedLoop.RunAsync(options.Clients, options.WarmUpTime, options.Measured, async (client, n, latencies) =>
        {
            var officer = principals[Role.CaseOfficer];
            var key = $"bench-{run}-{client}-{n}";
            var grain = references.Get<IReconsiderationCaseGrain>(CaseIds.For(officer, key));
            Check(await ClosedLoop.TimedAsync(latencies, () => grain.Receive(CaseWalk.Application(today), new CommandMetadata(officer, key)), byAction[0]));
            var version = 1L;
            foreach (var (role, command) in CaseWalk.Steps)
            {
                var metadata = new CommandMetadata(principals[role], ExpectedVersion: version);
                Check(await ClosedLoop.TimedAsync(latencies, () => grain.Perform(command, metadata), byAction[version++]));
            }

            return CaseWalk.Actions;
        });

        var casesRuntime = RuntimeSpent.Between(before, RuntimeStats.OfThisProcess());

        // Last, so that the case phase runs on the same heap as before this baseline existed; this one runs on the heap
        // the case phase left.
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        before = RuntimeStats.OfThisProcess();
        progress.WriteLine($"store commits: {options.Clients} clients committing a walked case's commits for {options.WarmUp} + {options.Seconds} s");
        var storeByCall = CaseWalk.LatenciesByAction();
        var store = await ClosedLoop.RunAsync(options.Clients, options.WarmUpTime, options.Measured, (client, n, latencies) =>
            CallAsWalkedAsync(references.Get<IStoreCommitGrain>($"store-{run}-{client}-{n}").Perform, principals, latencies, storeByCall));

        var storeRuntime = RuntimeSpent.Between(before, RuntimeStats.OfThisProcess());
        await host.StopAsync();
        var report = Report(options, (baseline, baselineByCall, baselineRuntime), (store, storeByCall, storeRuntime), (cases, byAction, casesRuntime));
        report.WriteTo(Console.Out);
        return report.Passed ? 0 : 1;
    }

    /// <summary>The silo of the embedded default (src/Silo's setup, no connection string: everything in memory) on free
    /// ports, logging only warnings, with a generated personal-data key.</summary>
    private static async Task<IHost> StartSiloAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PersonalData:Key"] = PersonalDataKey.Generate().ToBase64(),
            ["Platform:SiloPort"] = FreePorts.NextText(),
            ["Platform:GatewayPort"] = FreePorts.NextText(),
        });
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        var platform = builder.Configuration.ReadPlatformOptions(builder.Environment);
        builder.AddCaseGrainsSiloHost(platform);
        // Collecting the activations the no-op phase leaves (more than a million on a quiet machine) once took longer
        // than Orleans' 30-s response timeout, and the run failed between its phases.
        builder.Services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = o.SystemResponseTimeout = CollectionTimeout);
        builder.Services.AddSingleton<WalkedCase>();
        var host = builder.Build();
        await host.Services.PrepareStorageAsync(platform);
        await host.StartAsync();
        return host;
    }

    /// <summary>The Dadong district body's officer and head, as the gateway would resolve them from their tokens.</summary>
    private static async Task<IReadOnlyDictionary<Role, Principal>> PrincipalsAsync(IOrganisationDirectory directory)
    {
        var body = await directory.FindOrganisationAsync(CaseWalk.BodyId) ?? throw new InvalidOperationException($"{CaseWalk.BodyId} is not in the directory");
        var path = new RegionTree(await directory.ListRegionsAsync()).PathOf(body.RegionId)
            ?? throw new InvalidOperationException($"{CaseWalk.BodyId} has no region path");
        return new Dictionary<Role, Principal>
        {
            [Role.CaseOfficer] = new(CaseWalk.OfficerId, CaseWalk.BodyId, Role.CaseOfficer, path),
            [Role.BodyHead] = new(CaseWalk.HeadId, CaseWalk.BodyId, Role.BodyHead, path),
        };
    }

    /// <summary>A baseline grain's calls in a walk's shape: the receipt's place takes the first step's command, as the
    /// case officer, then every step as its role.</summary>
    private static async Task<int> CallAsWalkedAsync(
        Func<CaseCommand, CommandMetadata, Task<CaseResult?>> perform, IReadOnlyDictionary<Role, Principal> principals, Latencies? latencies, Latencies[] byCall)
    {
        await ClosedLoop.TimedAsync(latencies, () => perform(CaseWalk.Steps[0].Command, new CommandMetadata(principals[Role.CaseOfficer])), byCall[0]);
        var call = 1;
        foreach (var (role, command) in CaseWalk.Steps)
        {
            await ClosedLoop.TimedAsync(latencies, () => perform(command, new CommandMetadata(principals[role])), byCall[call++]);
        }

        return CaseWalk.Actions;
    }

    /// <summary>One case walked from receipt to closing, read back from the store: the store baseline's commits.</summary>
    private static async Task<WalkedCommit> WalkOneCaseAsync(
        IServiceProvider services, IGrainFactory grains, IReadOnlyDictionary<Role, Principal> principals, DateOnly today, string run)
    {
        var officer = principals[Role.CaseOfficer];
        var key = $"walked-{run}";
        var caseId = CaseIds.For(officer, key);
        var grain = grains.GetGrain<IReconsiderationCaseGrain>(caseId);
        Check(await grain.Receive(CaseWalk.Application(today), new CommandMetadata(officer, key)));
        var version = 1L;
        foreach (var (role, command) in CaseWalk.Steps)
        {
            Check(await grain.Perform(command, new CommandMetadata(principals[role], ExpectedVersion: version++)));
        }

        var store = services.GetRequiredService<ICaseStore>();
        var stored = await store.LoadAsync(caseId) ?? throw new InvalidOperationException($"The walked case {caseId} was not stored.");
        var rows = await services.GetRequiredService<ICaseQueries>().ListAsync(new CaseListQuery { Today = today });
        var index = rows.Items.Single(row => row.CaseId == caseId);
        var history = await store.ReadHistoryAsync(caseId);
        return new WalkedCommit(stored.SnapshotJson, index, [.. history.Select(entry => entry.PayloadJson)]);
    }

    private static void Check(CaseResult result)
    {
        if (result.Failure is { } failure)
        {
            throw new InvalidOperationException($"the case refused an action of the walk: {failure.Code}");
        }
    }

    private static BenchReport Report(LoadOptions options, Measured baseline, Measured store, Measured cases)
    {
        var report = new BenchReport(Name, $"{Name}: in-process silo, in-memory store, {options.Clients} clients, {options.Seconds} s a phase; {Environment.ProcessorCount} cores");
        string[] calls = ["first call (activates)", .. CaseWalk.ActionNames.Skip(1).Select(n => "as " + n)];
        Add(report, options, "no-op grain (baseline)", "baseline", baseline, calls);
        Add(report, options, "store commits (second baseline, no target)", "store", store, calls);
        Add(report, options, "case actions", "cases", cases, CaseWalk.ActionNames);
        report.Section("ratio");
        var ratio = baseline.Phase.PerSecond > 0 ? cases.Phase.PerSecond / baseline.Phase.PerSecond : 0;
        report.Add("ratio", "case actions/s ÷ no-op calls/s", Math.Round(ratio, 3), ratio.ToString("N2", CultureInfo.InvariantCulture),
            new Target($"≥ {TargetRatio:N1}", ratio >= TargetRatio));
        var overStore = store.Phase.PerSecond > 0 ? cases.Phase.PerSecond / store.Phase.PerSecond : 0;
        report.Add("ratioToStoreCommits", "case actions/s ÷ store commits/s", Math.Round(overStore, 3), overStore.ToString("N2", CultureInfo.InvariantCulture));
        return report;
    }

    /// <summary>A phase's figures, with its latencies by action and what the runtime spent per action (the warm-up's
    /// actions estimated at the measured rate).</summary>
    private static void Add(BenchReport report, LoadOptions options, string section, string key, Measured measured, IReadOnlyList<string> names)
    {
        Phases.Add(report, section, key, measured.Phase);
        Phases.AddByAction(report, key, names, measured.ByAction);
        var actions = Math.Max(1, measured.Phase.PerSecond * (options.Seconds + options.WarmUp));
        var spent = measured.Runtime;
        report.Add(key + "AllocatedKiBPerAction", "allocated per action", Math.Round(spent.AllocatedBytes / 1024.0 / actions, 1),
            $"{spent.AllocatedBytes / 1024.0 / actions:N1} KiB");
        report.Add(key + "GcPauseSeconds", "GC pauses (collections gen0/1/2)", Math.Round(spent.GcPauseSeconds, 2),
            $"{spent.GcPauseSeconds:N2} s ({spent.Gen0Collections}/{spent.Gen1Collections}/{spent.Gen2Collections})");
        report.Add(key + "LockContentions", "lock contentions", spent.LockContentions, spent.LockContentions.ToString("N0", CultureInfo.InvariantCulture));
    }

    private sealed record Measured(PhaseResult Phase, Latencies[] ByAction, RuntimeSpent Runtime)
    {
        public static implicit operator Measured((PhaseResult Phase, Latencies[] ByAction, RuntimeSpent Runtime) t) => new(t.Phase, t.ByAction, t.Runtime);
    }
}
