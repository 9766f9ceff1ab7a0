using System.Diagnostics;
using CaseGrains.Domain.Calendar;
using CaseGrains.Bench.Storage;
using Npgsql;

namespace CaseGrains.Bench.Reminders;

/// <summary>
/// Loads a data set into an empty database: the platform's schema and demo directory (as a silo prepares them), then
/// every case of the plan, lived through the domain (<see cref="CaseLife"/>) and written with binary COPY in parallel
/// batches (<see cref="CaseRowsWriter"/>) while the secondary indexes and foreign keys are away (<see cref="DeferredSchema"/>)
/// and the statistics rollup's triggers are off, then those, the rollup counted once, table statistics, a check (<see cref="DataSetVerification"/>) and last the manifest.
/// </summary>
public static class DataSetLoader
{
    private const int BatchSize = 2_000;

    // Two cores: while one batch is being lived in .NET another is being written by PostgreSQL.
    private const int Writers = 3;

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    public static async Task<DataSetManifest> LoadAsync(DataSetStorage storage, DataSetPlan plan, string keyFingerprint, TextWriter progress)
    {
        var stopwatch = Stopwatch.StartNew();
        await storage.PrepareAsync();
        await ExecuteAsync(storage.DataSource, "CREATE TABLE bench_due_cases (case_id text COLLATE \"C\" PRIMARY KEY REFERENCES cases (case_id))");
        await DataSetManifest.CreateTableAsync(storage.DataSource);

        var deferred = await DeferredSchema.DropAsync(storage.DataSource, "cases", "case_history", "reminder_schedule", "bench_due_cases");

        // The statistics rollup's triggers would have parallel writers deadlock on the same day's rows; it is counted
        // once after the load instead.
        await ExecuteAsync(storage.DataSource, "ALTER TABLE cases DISABLE TRIGGER USER");
        var routes = await IntakeRoute.AllAsync(storage.Directory);
        var calendar = new WorkingDayCalendar(ShippedHolidayArrangements.All);
        var loaded = 0;
        var lastReport = TimeSpan.Zero;
        var batches = Enumerable.Range(0, (plan.Cases + BatchSize - 1) / BatchSize)
            .Select(b => (First: b * BatchSize, Count: Math.Min(BatchSize, plan.Cases - b * BatchSize)));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Writers }, async (batch, _) =>
        {
            var rows = Enumerable.Range(batch.First, batch.Count).Select(number =>
            {
                var route = routes[number % routes.Count];
                var lived = plan.LifeOf(number).Live(DataSetPlan.CaseIdOf(number), SyntheticApplicants.For(number), route, calendar, new Random(~number));
                return CaseRows.Of(lived, plan.IsDue(number), storage.Protector, calendar);
            }).ToList();
            await using (var connection = await storage.DataSource.OpenConnectionAsync())
            {
                await CaseRowsWriter.WriteAsync(connection, rows);
            }

            var done = Interlocked.Add(ref loaded, batch.Count);
            lock (progress)
            {
                if (stopwatch.Elapsed - lastReport >= ProgressEvery || done == plan.Cases)
                {
                    lastReport = stopwatch.Elapsed;
                    progress.WriteLine($"loaded {done:N0} of {plan.Cases:N0} cases ({done / stopwatch.Elapsed.TotalSeconds:N0}/s)");
                }
            }
        });

        progress.WriteLine("building the indexes and checking the foreign keys");
        await deferred.RestoreAsync();
        progress.WriteLine("counting the statistics rollup");
        await ExecuteAsync(storage.DataSource, "ALTER TABLE cases ENABLE TRIGGER USER");
        await ExecuteAsync(storage.DataSource, "SELECT case_statistics_rollup_rebuild()");

        // Settled before it is copied for a run: without this the run's first reads would set hint bits and autovacuum
        // would visit the freshly loaded tables while the scheduler is being measured.
        progress.WriteLine("vacuuming and analysing");
        await ExecuteAsync(storage.DataSource, "VACUUM (FREEZE, ANALYZE)");
        progress.WriteLine("checking");
        if (await DataSetVerification.ProblemAsync(storage, plan) is { } problem)
        {
            throw new InvalidOperationException($"The data set just loaded is not what was planned: {problem}.");
        }

        var manifest = new DataSetManifest(
            DataSetManifest.CurrentFormat, plan.Cases, plan.Due, BenchTimeline.DueAt, DataSetManifest.CurrentSchema, keyFingerprint, stopwatch.Elapsed.TotalSeconds);
        await manifest.WriteAsync(storage.DataSource);
        return manifest;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
