using CaseGrains.Bench.Gateway;
using CaseGrains.Bench.Lists;
using CaseGrains.Bench.Reactivation;
using CaseGrains.Bench.Reads;
using CaseGrains.Bench.Reminders;
using CaseGrains.Bench.Statistics;
using CaseGrains.Bench.Transitions;

namespace CaseGrains.Bench;

/// <summary>
/// The benchmark scenarios by name: the first argument picks one, the rest are its options. Hidden entries are the
/// modes a scenario starts this same executable in as a child process (a silo whose memory is measured on its own).
/// </summary>
public static class Scenarios
{
    private sealed record Scenario(string Name, string Summary, Func<string[], Task<int>> RunAsync, bool Hidden = false);

    private static readonly Scenario[] All =
    [
        new("reminders", "1M open cases in PostgreSQL, 100k reminder steps due at once: lateness, fired, silo memory", RemindersScenario.RunAsync),
        new(TransitionsMemoryScenario.Name, "case actions/s on an in-process in-memory silo vs a no-op grain call (target ratio ≥ 0.5)", TransitionsMemoryScenario.RunAsync),
        new(TransitionsHttpScenario.Name, "case actions/s through HTTP on PostgreSQL, 64 clients, vs PostgreSQL's raw commit rate (target ratio ≥ 0.6)", TransitionsHttpScenario.RunAsync),
        new(ReadsScenario.Name, "reading active cases through HTTP at 1,000 requests/s, open loop: p50/p99", ReadsScenario.RunAsync),
        new(ListsScenario.Name, "the case list with three filters over 1M cases in PostgreSQL: p50/p99 (target p99 ≤ 50 ms)", ListsScenario.RunAsync),
        new(StatisticsScenario.Name, "the statistics store's queries over 1M cases in PostgreSQL, a mix of scopes, filters and periods: p50/p99 (target p99 ≤ 500 ms)", StatisticsScenario.RunAsync),
        new(ReactivationScenario.Name, "reading 10,000 cases not in memory (state loaded from PostgreSQL): per-case p50/p99", ReactivationScenario.RunAsync),
        new(RemindersSilo.Mode, "the silo of the reminders scenario (started by it)", RemindersSilo.RunAsync, Hidden: true),
        new(GatewayHost.Mode, "the gateway of the HTTP scenarios (started by them)", GatewayHost.RunAsync, Hidden: true),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var scenario = args.Length == 0 ? null : All.FirstOrDefault(s => s.Name == args[0]);
        if (scenario is null)
        {
            await Console.Error.WriteLineAsync(Usage());
            return 2;
        }

        return await scenario.RunAsync(args[1..]);
    }

    private static string Usage() =>
        "usage: dotnet run -c Release --project bench -- <scenario> [options]\nscenarios:\n"
        + string.Join("\n", All.Where(s => !s.Hidden).Select(s => $"  {s.Name,-20} {s.Summary}"));
}
