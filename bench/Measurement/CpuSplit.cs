namespace CaseGrains.Bench.Measurement;

/// <summary>
/// Where the machine's CPU went between <see cref="Start"/> and <see cref="Stop"/>: a child process of the bench (the
/// silo), the PostgreSQL backends serving the bench's database, the rest of PostgreSQL (its own processes and other
/// databases), the bench itself, and everything else on the machine, which is shared with other people's work.
/// </summary>
public sealed class CpuSplit
{
    private readonly int? childPid;
    private readonly double childStart;
    private readonly double benchStart;
    private readonly Dictionary<int, double> postgresStart;
    private readonly (double Busy, double Total) machineStart;

    private CpuSplit(int? childPid)
    {
        this.childPid = childPid;
        childStart = childPid is { } pid ? ProcStat.CpuSeconds(pid) ?? 0 : 0;
        benchStart = ProcStat.CpuSeconds(Environment.ProcessId) ?? 0;
        postgresStart = PostgresCpu();
        machineStart = ProcStat.MachineCpuSeconds();
    }

    /// <param name="childPid">The child process to account for apart, if any.</param>
    public static CpuSplit Start(int? childPid = null) => new(childPid);

    /// <summary>CPU seconds of each part since <see cref="Start"/>; <paramref name="backends"/> are the PostgreSQL
    /// processes serving the bench's database. Call it while the child and those connections are still there.</summary>
    public CpuUse Stop(IReadOnlySet<int> backends)
    {
        var (busy, total) = ProcStat.MachineCpuSeconds();
        var postgres = PostgresCpu().Select(p => (p.Key, Used: p.Value - postgresStart.GetValueOrDefault(p.Key))).ToList();
        var child = childPid is { } pid ? (ProcStat.CpuSeconds(pid) ?? childStart) - childStart : 0;
        var bench = (ProcStat.CpuSeconds(Environment.ProcessId) ?? benchStart) - benchStart;
        var database = postgres.Where(p => backends.Contains(p.Key)).Sum(p => p.Used);
        var otherPostgres = postgres.Where(p => !backends.Contains(p.Key)).Sum(p => p.Used);
        var machineBusy = busy - machineStart.Busy;
        return new CpuUse(child, database, otherPostgres, bench, Math.Max(0, machineBusy - child - database - otherPostgres - bench), total - machineStart.Total);
    }

    private static Dictionary<int, double> PostgresCpu() =>
        ProcStat.ProcessesNamed("postgres").Select(pid => (pid, cpu: ProcStat.CpuSeconds(pid))).Where(p => p.cpu is not null).ToDictionary(p => p.pid, p => p.cpu!.Value);
}

/// <summary>CPU seconds by part (<see cref="CpuSplit"/>) out of <see cref="Capacity"/>, every core's seconds in the interval.</summary>
public sealed record CpuUse(double Child, double PostgresDatabase, double PostgresOther, double Bench, double Others, double Capacity);
