using System.Net;
using System.Net.Sockets;
using CaseGrains.Bench.Hosting;
using CaseGrains.Bench.Measurement;
using CaseGrains.Bench.Storage;
using CaseGrains.Grains.PersonalData;
using Npgsql;

namespace CaseGrains.Bench.Reminders;

/// <summary>
/// One run of the scenario's silo (<see cref="RemindersSilo"/>) on the run database: starts it, follows the due steps
/// being recorded, and stops it once all of them are in (after a short grace, to catch anything fired besides them) or
/// when its patience (<see cref="BenchTimeline.Patience"/>) has run out. Meanwhile it measures the silo from outside: peak resident memory, and CPU
/// of the silo, of PostgreSQL and of the rest of the machine (<see cref="CpuSplit"/>), what PostgreSQL is busy with
/// (<see cref="PostgresActivitySampler"/>), and its write-ahead log and table counters (<see cref="PostgresCounters"/>).
/// </summary>
public static class SiloRun
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    public static async Task<SiloRunResult> RunAsync(BenchDatabases databases, string runDatabase, PersonalDataKey key, int due, TextWriter progress)
    {
        var runConnection = databases.ConnectionStringFor(runDatabase);
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Postgres"] = runConnection,
            ["PersonalData__Key"] = key.ToBase64(),
            ["Platform__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Platform__GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Scheduling__Enabled"] = "true",

            // src/Silo's runtime configuration (TieredPGO false in its project), which this executable does not carry.
            ["DOTNET_TieredPGO"] = "0",
        };
        var logPath = Path.Combine(Path.GetTempPath(), $"casegrains-bench-{runDatabase}-silo.log");
        await using var silo = ChildProcess.Start(RemindersSilo.Mode, environment, logPath);
        var ready = await silo.ReceiveAsync<SiloReady>("ready", StartTimeout);
        var dueAt = ready.ClockStartedAt + BenchTimeline.Lead;
        progress.WriteLine($"silo {silo.Id} up after {(DateTimeOffset.UtcNow - ready.ClockStartedAt).TotalSeconds:N1} s; its steps come due in {(dueAt - DateTimeOffset.UtcNow).TotalSeconds:N0} s (log: {logPath})");

        var maintenance = databases.ConnectionStringFor(BenchDatabases.Maintenance);
        var counters = await PostgresCounters.ReadAsync(maintenance);
        var cpu = CpuSplit.Start(silo.Id);
        await using var sampler = new PostgresActivitySampler(maintenance, runDatabase);
        await using (var run = NpgsqlDataSource.Create(runConnection))
        {
            await FollowAsync(run, silo, dueAt, due, progress);
        }

        var peak = ProcStat.PeakResidentBytes(silo.Id) ?? 0;
        var use = cpu.Stop(await databases.BackendsAsync(runDatabase));
        var activity = await sampler.StopAsync(top: 8);
        var wal = (await PostgresCounters.ReadAsync(maintenance)).Since(counters);
        await silo.StopAsync(TimeSpan.FromMinutes(1));
        var runtime = await silo.ReceiveAsync<RuntimeStats>("stats", TimeSpan.FromSeconds(10));

        // A backend reports its table counters when it ends: read them once the silo's sessions are all gone.
        for (var wait = 0; wait < 20 && (await databases.BackendsAsync(runDatabase)).Count > 0; wait++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        var tables = await PostgresCounters.TablesAsync(runConnection, "cases", "case_history", "reminder_schedule");
        return new SiloRunResult(
            peak, runtime, use, activity, wal, tables, logPath, CountLogLines(logPath, "\"@l\":\"Warning\""), CountLogLines(logPath, "\"@l\":\"Error\""));
    }

    /// <summary>Waits until the history holds a due step per due case, or patience has run out, or the silo died.</summary>
    private static async Task FollowAsync(NpgsqlDataSource run, ChildProcess silo, DateTimeOffset dueAt, int due, TextWriter progress)
    {
        // The statistics counter is nearly free to read, unlike counting the history; it lags by a second or so.
        await using var inserted = run.CreateCommand("SELECT coalesce(sum(n_tup_ins), 0)::bigint FROM pg_stat_user_tables WHERE relname = 'case_history'");
        await using var fired = run.CreateCommand("SELECT count(*) FROM case_history WHERE at >= $1 AND action = 'fireReminder'");
        fired.Parameters.Add(new() { Value = BenchTimeline.SiloClockStart });
        var lastProgress = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync() && !silo.HasExited && DateTimeOffset.UtcNow < dueAt + BenchTimeline.Patience)
        {
            var count = (long)(await inserted.ExecuteScalarAsync())!;
            if (DateTimeOffset.UtcNow - lastProgress >= ProgressEvery)
            {
                lastProgress = DateTimeOffset.UtcNow;
                progress.WriteLine($"T{(lastProgress - dueAt).TotalSeconds:+0;-0} s: {count:N0} history entries written");
            }

            if (count >= due && (long)(await fired.ExecuteScalarAsync())! >= due)
            {
                await Task.Delay(Grace);
                return;
            }
        }

        if (silo.HasExited)
        {
            progress.WriteLine($"the silo exited early; see {silo.LogPath}");
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static int CountLogLines(string path, string marker) => File.ReadLines(path).Count(l => l.Contains(marker, StringComparison.Ordinal));
}

/// <summary>What <see cref="SiloRun"/> measured of the silo and the machine around it.</summary>
public sealed record SiloRunResult(
    long PeakResidentBytes,
    RuntimeStats Runtime,
    CpuUse Cpu,
    IReadOnlyList<(string State, double Backends)> PostgresActivity,
    PostgresCounters Wal,
    IReadOnlyList<TableActivity> Tables,
    string LogPath,
    int LogWarnings,
    int LogErrors);
