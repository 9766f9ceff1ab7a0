namespace CaseGrains.Bench.Measurement;

/// <summary>
/// Where the machine's CPU went between <see cref="Start"/> and <see cref="Stop"/>: the silo, the PostgreSQL backends
/// serving the run's database, the rest of PostgreSQL (its own processes and other databases), the bench itself, and
/// everything else on the machine, which is shared with other people's work.
/// </summary>
public sealed class CpuSplit
{
    private readonly int siloPid;
    private readonly double siloStart;
    private readonly double benchStart;
    private readonly Dictionary<int, double> postgresStart;
    private readonly (double Busy, double Total) machineStart;

    private CpuSplit(int siloPid)
    {
        this.siloPid = siloPid;
        siloStart = ProcStat.CpuSeconds(siloPid) ?? 0;
        benchStart = ProcStat.CpuSeconds(Environment.ProcessId) ?? 0;
        postgresStart = PostgresCpu();
        machineStart = ProcStat.MachineCpuSeconds();
    }

    public static CpuSplit Start(int siloPid) => new(siloPid);

    /// <summary>CPU seconds of each part since <see cref="Start"/>; <paramref name="runBackends"/> are the PostgreSQL
    /// processes serving the run's database. Call it while the silo still runs.</summary>
    public CpuUse Stop(IReadOnlySet<int> runBackends)
    {
        var (busy, total) = ProcStat.MachineCpuSeconds();
        var postgres = PostgresCpu().Select(p => (p.Key, Used: p.Value - postgresStart.GetValueOrDefault(p.Key))).ToList();
        var silo = (ProcStat.CpuSeconds(siloPid) ?? siloStart) - siloStart;
        var bench = (ProcStat.CpuSeconds(Environment.ProcessId) ?? benchStart) - benchStart;
        var run = postgres.Where(p => runBackends.Contains(p.Key)).Sum(p => p.Used);
        var otherPostgres = postgres.Where(p => !runBackends.Contains(p.Key)).Sum(p => p.Used);
        var machineBusy = busy - machineStart.Busy;
        return new CpuUse(silo, run, otherPostgres, bench, Math.Max(0, machineBusy - silo - run - otherPostgres - bench), total - machineStart.Total);
    }

    private static Dictionary<int, double> PostgresCpu() =>
        ProcStat.ProcessesNamed("postgres").Select(pid => (pid, cpu: ProcStat.CpuSeconds(pid))).Where(p => p.cpu is not null).ToDictionary(p => p.pid, p => p.cpu!.Value);
}

/// <summary>CPU seconds by part (<see cref="CpuSplit"/>) out of <see cref="Capacity"/>, every core's seconds in the interval.</summary>
public sealed record CpuUse(double Silo, double PostgresRun, double PostgresOther, double Bench, double Others, double Capacity);
