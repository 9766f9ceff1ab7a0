using System.Globalization;
using CaseGrains.Bench.Load;
using CaseGrains.Bench.Reporting;
using Npgsql;

namespace CaseGrains.Bench.Lists;

/// <summary>
/// The one-million-case data set as the read-only scenarios (<c>lists</c>, <c>statistics</c>) open it: a pool that
/// prepares repeated statements and runs without JIT, as the platform's own pool does; a sample of case ids; and the
/// baseline both measure, one case's list row read by its id at the scenario's concurrency, so that their ratios compare.
/// </summary>
internal sealed class MillionCaseReader : IAsyncDisposable
{
    private readonly IReadOnlyList<string> ids;

    private MillionCaseReader(NpgsqlDataSource dataSource, string database, long cases, IReadOnlyList<string> ids)
    {
        DataSource = dataSource;
        Database = database;
        Cases = cases;
        this.ids = ids;
    }

    public NpgsqlDataSource DataSource { get; }

    public string Database { get; }

    /// <summary>The number of cases, as the planner estimates it.</summary>
    public long Cases { get; }

    /// <summary>The data set at <paramref name="connection"/>; null, having said how to build it, when it holds no case.</summary>
    public static async Task<MillionCaseReader?> OpenAsync(string connection)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2, Options = "-c jit=off", CommandTimeout = 300 };
        var dataSource = NpgsqlDataSource.Create(builder);
        var (cases, ids) = await SampleAsync(dataSource);
        if (cases > 0)
        {
            return new MillionCaseReader(dataSource, builder.Database ?? string.Empty, cases, ids);
        }

        await dataSource.DisposeAsync();
        await Console.Error.WriteLineAsync(
            $"{builder.Database} holds no cases: build the data set first with `dotnet run -c Release --project bench -- reminders --reuse`");
        return null;
    }

    /// <summary>The baseline phase: each client reads one sampled case's list row by its id, in turn.</summary>
    public Task<PhaseResult> BaselineAsync(LoadOptions options)
    {
        Console.Error.WriteLine($"baseline: {options.Clients} clients reading one case's list row by id for {options.WarmUp} + {options.Seconds} s");
        return ClosedLoop.RunAsync(options.Clients, options.WarmUpTime, options.Measured, async (client, n, latencies) =>
        {
            await ClosedLoop.TimedAsync(latencies, () => ReadRowAsync(ids[(int)((client * 7919 + n) % ids.Count)]));
            return 1;
        });
    }

    /// <summary>The target on <paramref name="measured"/>'s p99 and its ratio to the baseline's, under <c>key</c> and
    /// <c>p99Ratio</c>. Nothing answered within the run is a miss, not a pass: every request took longer than the run.</summary>
    public static void AddP99Target(BenchReport report, string key, string what, PhaseResult measured, PhaseResult baseline, double targetMs)
    {
        var p99 = measured.Latencies.Percentile(0.99);
        var answered = measured.Latencies.Count > 0;
        report.Section("targets and ratio");
        report.Add(key, $"{what} p99", answered ? Math.Round(p99, 2) : null, answered ? Phases.Ms(p99) : "none answered in the run",
            new Target($"≤ {targetMs:N0} ms", answered && p99 <= targetMs));
        var ratio = baseline.Latencies.Percentile(0.99) > 0 ? p99 / baseline.Latencies.Percentile(0.99) : 0;
        report.Add("p99Ratio", $"{what} p99 ÷ baseline p99", Math.Round(ratio, 1), ratio.ToString("N1", CultureInfo.InvariantCulture));
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    /// <summary>The number of cases (the planner's estimate) and a thousand case ids spread over the table.</summary>
    private static async Task<(long Cases, IReadOnlyList<string> Ids)> SampleAsync(NpgsqlDataSource dataSource)
    {
        await using var estimate = dataSource.CreateCommand("SELECT coalesce((SELECT reltuples::bigint FROM pg_class WHERE relname = 'cases'), 0)");
        var cases = (long)(await estimate.ExecuteScalarAsync())!;
        var ids = new List<string>();
        if (cases > 0)
        {
            await using var sample = dataSource.CreateCommand("SELECT case_id FROM cases TABLESAMPLE SYSTEM (1) LIMIT 1000");
            await using var reader = await sample.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetString(0));
            }
        }

        return (ids.Count == 0 ? 0 : cases, ids);
    }

    private async Task<int> ReadRowAsync(string caseId)
    {
        await using var command = DataSource.CreateCommand(
            "SELECT case_id, status, receiving_body_id, competent_body_id, respondent_agency_id, intake_point_id, region_path, channel, "
            + "enterprise_related, applicant_name, agency_name, received_on, nearest_due_on, updated_at, version, applicant_user_id FROM cases WHERE case_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = caseId });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
        }

        return rows;
    }
}
