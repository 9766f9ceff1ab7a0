using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CaseGrains.Bench.Measurement;
using CaseGrains.Bench.Reporting;
using CaseGrains.Bench.Storage;
using CaseGrains.Grains.PersonalData;
using Npgsql;

namespace CaseGrains.Bench.Reminders;

/// <summary>
/// Issue 4: load open cases with running deadlines into PostgreSQL (or reuse a loaded set), let the due ones come due
/// at the same instant on a silo, and report how late each step was recorded, how many fired, whether anything else
/// fired, and the silo's peak memory, against the targets for a 2-core machine. The run works on a copy of the data
/// set, dropped afterwards, so the set stays as loaded.
/// </summary>
public static class RemindersScenario
{
    private const double P99TargetSeconds = 60, MaxTargetSeconds = 120, PeakTargetMiB = 1536;

    public static async Task<int> RunAsync(string[] args)
    {
        var (options, error) = RemindersOptions.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync($"{error}\n{RemindersOptions.Usage}");
            return 2;
        }

        var progress = Console.Error;
        var plan = new DataSetPlan(options.Cases, options.Due);
        var databases = new BenchDatabases(options.Connection);
        var dataSet = await DataSetAsync(options, plan, databases, progress);
        var dataSetBytes = await databases.SizeAsync(options.DataSetDatabase);

        progress.WriteLine($"copying {options.DataSetDatabase} to {options.RunDatabase}");
        var copying = Stopwatch.StartNew();
        await databases.CopyAsync(options.DataSetDatabase, options.RunDatabase);
        copying.Stop();

        SiloRunResult silo;
        FiringOutcome outcome;
        try
        {
            silo = await SiloRun.RunAsync(databases, options.RunDatabase, dataSet.Key, plan.Due, progress);
            await using var run = NpgsqlDataSource.Create(databases.ConnectionStringFor(options.RunDatabase));
            outcome = await FiringOutcome.ReadAsync(run, plan.Due);
        }
        finally
        {
            await databases.DropAsync(options.RunDatabase);
        }

        var report = Report(options, dataSet, dataSetBytes, copying.Elapsed, silo, outcome);
        report.WriteTo(Console.Out);
        return report.Passed ? 0 : 1;
    }

    /// <summary>The data set: the one in place when <c>--reuse</c> is given and it is intact, else a fresh load.</summary>
    private static async Task<DataSet> DataSetAsync(RemindersOptions options, DataSetPlan plan, BenchDatabases databases, TextWriter progress)
    {
        var database = options.DataSetDatabase;
        if (options.Reuse)
        {
            var kept = DataSetKey.Find(database);
            var (manifest, why) = !await databases.ExistsAsync(database) ? (null, "there is none")
                : kept is null ? (null, "its personal-data key file is gone")
                : await ReusableAsync(databases.ConnectionStringFor(database), kept, plan);
            if (manifest is not null)
            {
                progress.WriteLine($"reusing the data set in {database}");
                return new DataSet(kept!, manifest, LoadCpu: null);
            }

            progress.WriteLine($"not reusing the data set in {database}: {why}; loading it again");
        }

        await databases.DropAsync(options.RunDatabase);
        await databases.DropAsync(database);
        await databases.CreateAsync(database);
        var key = DataSetKey.Create(database);
        progress.WriteLine($"loading {plan.Cases:N0} cases ({plan.Due:N0} due at {BenchTimeline.DueAt:O}) into {database}");
        await using (var storage = new DataSetStorage(databases.ConnectionStringFor(database), key))
        {
            var cpu = CpuSplit.Start();
            var manifest = await DataSetLoader.LoadAsync(storage, plan, DataSetKey.Fingerprint(key), progress);
            return new DataSet(key, manifest, cpu.Stop(await databases.BackendsAsync(database)));
        }
    }

    /// <summary>The data set a run copies: its key, its manifest, and where the CPU went when it was loaded now (null when reused).</summary>
    private sealed record DataSet(PersonalDataKey Key, DataSetManifest Manifest, CpuUse? LoadCpu);

    /// <summary>The data set's manifest when it can be reused, else why not.</summary>
    private static async Task<(DataSetManifest? Manifest, string? Why)> ReusableAsync(string connectionString, PersonalDataKey key, DataSetPlan plan)
    {
        await using var storage = new DataSetStorage(connectionString, key);
        var manifest = await DataSetManifest.ReadAsync(storage.DataSource);
        var why = manifest is null ? "it has no manifest (its load did not finish)"
            : manifest.Mismatch(plan, DataSetKey.Fingerprint(key)) ?? await DataSetVerification.ProblemAsync(storage, plan);
        return why is null ? (manifest, null) : (null, why);
    }

    private static BenchReport Report(RemindersOptions options, DataSet dataSet, long dataSetBytes, TimeSpan copying, SiloRunResult silo, FiringOutcome outcome)
    {
        var report = new BenchReport(
            "reminders",
            $"reminders: {options.Cases:N0} open cases, {options.Due:N0} due at {BenchTimeline.DueAt:yyyy-MM-dd HH:mm:ss}Z (T); {Environment.ProcessorCount} cores");
        DataSetFigures(report, options, dataSet, dataSetBytes, copying);
        DueStepFigures(report, outcome);
        SiloFigures(report, silo);
        PostgresFigures(report, silo, outcome.LatenessSeconds.Count);
        return report;
    }

    private static void DataSetFigures(BenchReport report, RemindersOptions options, DataSet dataSet, long dataSetBytes, TimeSpan copying)
    {
        var (manifest, reused) = (dataSet.Manifest, dataSet.LoadCpu is null);
        report.Section("data set");
        report.Add("cases", "open cases", options.Cases, N(options.Cases));
        report.Add("due", "due at T", options.Due, N(options.Due));
        report.Add("reused", "reused (--reuse)", reused, reused ? "yes" : "no");
        report.Add("loadSeconds", reused ? "load time (when it was loaded)" : "load time", Round(manifest.LoadSeconds), $"{manifest.LoadSeconds:N0} s");
        if (dataSet.LoadCpu is { } load)
        {
            report.Add("loadCpuBench", "  CPU: bench (living the cases)", Round(load.Bench), $"{load.Bench:N0} s");
            report.Add("loadCpuPostgres", "  CPU: PostgreSQL (writing them)", Round(load.PostgresDatabase), $"{load.PostgresDatabase:N0} s");
            report.Add("loadCpuOthers", "  CPU: everything else (shared machine)", Round(load.Others + load.PostgresOther), $"{load.Others + load.PostgresOther:N0} s");
        }

        report.Add("dataSetGiB", "database size", Round(dataSetBytes / Math.Pow(1024, 3), 2), $"{dataSetBytes / Math.Pow(1024, 3):N2} GiB");
        report.Add("copySeconds", "copy for the run", Round(copying.TotalSeconds), $"{copying.TotalSeconds:N0} s");
    }

    private static void DueStepFigures(BenchReport report, FiringOutcome outcome)
    {
        report.Section("due steps");
        var fired = outcome.LatenessSeconds.Count;
        report.Add("fired", "fired (by the end of the run)", fired, N(fired));
        report.Add("missed", $"missed (not in {BenchTimeline.Window.TotalSeconds:N0} s)", outcome.Missed, N(outcome.Missed), new Target("0", outcome.Missed == 0));
        Lateness(report, "p50", "lateness p50", outcome.Percentile(0.50), null);
        Lateness(report, "p99", "lateness p99", outcome.Percentile(0.99), P99TargetSeconds);
        Lateness(report, "max", "lateness max", outcome.Percentile(1.0), MaxTargetSeconds);
        var span = outcome.LatenessSeconds.Count > 0 ? outcome.LatenessSeconds[^1] : 0;
        var throughput = span > 0 ? fired / span : 0;
        report.Add("firedPerSecond", "throughput (fired / (last − T))", Round(throughput), $"{throughput:N0}/s");
        report.Add("early", "recorded before T", outcome.Early, N(outcome.Early), new Target("0", outcome.Early == 0));
        report.Add("duplicates", "recorded twice", outcome.Duplicates, N(outcome.Duplicates), new Target("0", outcome.Duplicates == 0));
        report.Add("others", "anything else recorded", outcome.Others, N(outcome.Others), new Target("0", outcome.Others == 0));
        report.Add("chainsBroken", $"history chains broken (of {outcome.ChainsChecked} fired cases)", outcome.ChainsBroken, N(outcome.ChainsBroken),
            new Target("0", outcome.ChainsBroken == 0));
        report.Add("stillDueInIndex", "due rows left in the index", outcome.StillDueInIndex, N(outcome.StillDueInIndex));
    }

    private static void SiloFigures(BenchReport report, SiloRunResult silo)
    {
        report.Section("silo");
        var peakMiB = silo.PeakResidentBytes / Math.Pow(1024, 2);
        report.Add("peakMiB", "peak memory (VmHWM)", Round(peakMiB), $"{peakMiB:N0} MiB", new Target($"≤ {PeakTargetMiB:N0} MiB", peakMiB <= PeakTargetMiB));
        var runtime = silo.Runtime;
        report.Add("gcHeapMiB", "GC heap at the end", Round(runtime.GcHeapBytes / Math.Pow(1024, 2)), $"{runtime.GcHeapBytes / Math.Pow(1024, 2):N0} MiB");
        report.Add("allocatedGiB", "allocated in all", Round(runtime.AllocatedBytes / Math.Pow(1024, 3), 2), $"{runtime.AllocatedBytes / Math.Pow(1024, 3):N2} GiB");
        report.Add("gcCollections", "collections gen0/1/2", $"{runtime.Gen0Collections}/{runtime.Gen1Collections}/{runtime.Gen2Collections}",
            $"{runtime.Gen0Collections}/{runtime.Gen1Collections}/{runtime.Gen2Collections}");
        report.Add("gcPauseSeconds", "GC pauses in all", Round(runtime.GcPauseSeconds, 2), $"{runtime.GcPauseSeconds:N2} s");
        report.Add("lockContentions", "lock contentions", runtime.LockContentions, N(runtime.LockContentions));
        report.Add("threadPoolThreads", "thread pool threads", runtime.ThreadPoolThreads, N(runtime.ThreadPoolThreads));
        report.Add("logWarnings", "log warnings / errors", $"{silo.LogWarnings}/{silo.LogErrors}", $"{silo.LogWarnings}/{silo.LogErrors}");

        report.Section($"CPU seconds while it ran (of {silo.Cpu.Capacity:N0} available)");
        report.Add("cpuSilo", "silo", Round(silo.Cpu.Child), $"{silo.Cpu.Child:N1} s");
        report.Add("cpuPostgresRun", "PostgreSQL, run database", Round(silo.Cpu.PostgresDatabase), $"{silo.Cpu.PostgresDatabase:N1} s");
        report.Add("cpuPostgresOther", "PostgreSQL, the rest", Round(silo.Cpu.PostgresOther), $"{silo.Cpu.PostgresOther:N1} s");
        report.Add("cpuBench", "bench (measuring)", Round(silo.Cpu.Bench), $"{silo.Cpu.Bench:N1} s");
        report.Add("cpuOthers", "everything else (shared machine)", Round(silo.Cpu.Others), $"{silo.Cpu.Others:N1} s");
    }

    private static void PostgresFigures(BenchReport report, SiloRunResult silo, int fired)
    {
        report.Section("PostgreSQL while it ran");
        var perStep = Math.Max(1, fired);
        report.Add("walMiB", "WAL written (whole server)", Round(silo.Wal.WalBytes / Math.Pow(1024, 2)), $"{silo.Wal.WalBytes / Math.Pow(1024, 2):N0} MiB");
        report.Add("walKiBPerStep", "  per fired step", Round(silo.Wal.WalBytes / 1024.0 / perStep, 1), $"{silo.Wal.WalBytes / 1024.0 / perStep:N1} KiB");
        report.Add("walRecordsPerStep", "  records per step", Round(silo.Wal.WalRecords / (double)perStep, 1), $"{silo.Wal.WalRecords / (double)perStep:N1}");
        report.Add("walFullPagesPerStep", "  full-page images per step", Round(silo.Wal.WalFullPageImages / (double)perStep, 1), $"{silo.Wal.WalFullPageImages / (double)perStep:N1}");
        report.Add("checkpoints", "checkpoints (whole server)", silo.Wal.Checkpoints, N(silo.Wal.Checkpoints));
        foreach (var table in silo.Tables)
        {
            var hot = table.Updated == 0 ? "" : $", {100.0 * table.HotUpdated / table.Updated:N0}% in place (HOT)";
            var counts = new JsonObject
            {
                ["inserted"] = table.Inserted, ["updated"] = table.Updated, ["hotUpdated"] = table.HotUpdated, ["deleted"] = table.Deleted, ["seqScans"] = table.SequentialScans,
            };
            report.Add($"table_{table.Table}", table.Table, counts, $"+{N(table.Inserted)} ~{N(table.Updated)}{hot} -{N(table.Deleted)}, {N(table.SequentialScans)} full scans");
        }

        report.Section("PostgreSQL busy with (average active backends)");
        for (var i = 0; i < silo.PostgresActivity.Count; i++)
        {
            var (state, backends) = silo.PostgresActivity[i];
            report.Add($"postgresActivity{i}", state, new JsonObject { ["state"] = state, ["backends"] = Round(backends, 2) }, backends.ToString("N2", CultureInfo.InvariantCulture));
        }
    }

    private static void Lateness(BenchReport report, string key, string label, double? seconds, double? target)
    {
        var shown = seconds is { } s ? $"{s:N1} s" : $"> {BenchTimeline.Patience.TotalSeconds:N0} s";
        report.Add(key + "Seconds", label, seconds is { } v ? Round(v, 1) : null, shown,
            target is { } t ? new Target($"≤ {t:N0} s", seconds is { } late && late <= t) : null);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static double Round(double value, int digits = 0) => Math.Round(value, digits);
}
