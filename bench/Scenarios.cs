using CaseGrains.Bench.Reminders;

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
        new(RemindersSilo.Mode, "the silo of the reminders scenario (started by it)", RemindersSilo.RunAsync, Hidden: true),
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
        + string.Join("\n", All.Where(s => !s.Hidden).Select(s => $"  {s.Name,-12} {s.Summary}"));
}
