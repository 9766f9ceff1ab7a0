using System.Globalization;

namespace CaseGrains.Bench.Measurement;

/// <summary>
/// CPU time and memory as Linux accounts them in <c>/proc</c>, for processes the bench did not start (PostgreSQL's) as
/// well as its own. Readings of a process that has gone are null.
/// </summary>
public static class ProcStat
{
    // USER_HZ, the unit of the times in /proc: 100 on every architecture .NET runs on.
    private const double TicksPerSecond = 100;

    /// <summary>User plus system CPU seconds the process has used so far.</summary>
    public static double? CpuSeconds(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        if (stat is null)
        {
            return null;
        }

        // The command name (field 2) may hold spaces and parentheses; the fields after its last ')' start at field 3.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>The process's peak resident set size (VmHWM), in bytes.</summary>
    public static long? PeakResidentBytes(int pid)
    {
        var line = Read($"/proc/{pid}/status")?.Split('\n').FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>The whole machine's CPU seconds so far, busy and in all (busy + idle + waiting for I/O), over every core.</summary>
    public static (double Busy, double Total) MachineCpuSeconds()
    {
        var ticks = Read("/proc/stat")!.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = ticks[3] + ticks[4];
        return ((ticks.Sum() - idle) / TicksPerSecond, ticks.Sum() / TicksPerSecond);
    }

    /// <summary>The processes whose command name is <paramref name="name"/> (e.g. every PostgreSQL server process).</summary>
    public static IReadOnlyList<int> ProcessesNamed(string name) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Read($"/proc/{pid}/comm")?.Trim() == name)];

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
