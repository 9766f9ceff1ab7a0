using System.Globalization;
using CaseGrains.Bench.Load;
using CaseGrains.Bench.Reporting;
using CaseGrains.Domain.Time;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Postgres;
using Npgsql;

namespace CaseGrains.Bench.Lists;

/// <summary>
/// Issue 7, scenario 4: the case list as the gateway asks for it (<see cref="PostgresCaseQueries"/>, the same statement
/// and count, never a grain) with three filters and the default sort, on the one-million-case data set of the
/// reminders scenario (<c>casegrains_bench</c>), read only. The asker is a case officer of the Dadong district body,
/// the body with the most cases (its scope is one more condition); the filters are a status, a respondent agency and
/// a channel, varied from query to query. The baseline is reading one case's list row by its id, at the same
/// concurrency. Target: p99 ≤ 50 ms.
/// </summary>
public static class ListsScenario
{
    public const string Name = "lists";
    private const double TargetP99Ms = 50;
    private const string DataSet = "Host=127.0.0.1;Port=55432;Username=casegrains;Password=casegrains;Database=casegrains_bench";
    private static readonly LoadOptions Defaults = new(Seconds: 30, WarmUp: 10, Clients: 4, Rate: 1, Cases: 1, DataSet);

    private static readonly string[] Agencies =
        ["A-R210104-TRAFFIC", "A-R210104-URBAN", "A-R210000-SAMR", "A-R210100-EEB", "A-R210104001-GOV", "A-R210400-NR", "A-R210800-SAMR", "A-R211100-TRANSPORT", "A-R211321101-GOV"];

    private static readonly string[] Channels = ["servicePoint", "hall", "trafficPoliceCollectionPoint", "greenChannel"];
    private static readonly string[] Statuses = ["underReview", "received"];

    public static async Task<int> RunAsync(string[] args)
    {
        if (await LoadOptions.ParseOrExplainAsync(Name, args, Defaults) is not { } options)
        {
            return 2;
        }

        var progress = Console.Error;
        var builder = new NpgsqlConnectionStringBuilder(options.Connection) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2, Options = "-c jit=off", CommandTimeout = 300 };
        await using var dataSource = NpgsqlDataSource.Create(builder);
        var (cases, ids) = await SampleAsync(dataSource);
        if (cases == 0)
        {
            await Console.Error.WriteLineAsync(
                $"{builder.Database} holds no cases: build the data set first with `dotnet run -c Release --project bench -- reminders --reuse`");
            return 2;
        }

        var queries = new PostgresCaseQueries(dataSource);
        var today = ChinaTime.Today(TimeProvider.System);
        progress.WriteLine($"baseline: {options.Clients} clients reading one case's list row by id for {options.WarmUp} + {options.Seconds} s");
        var baseline = await ClosedLoop.RunAsync(options.Clients, options.WarmUpTime, options.Measured, async (client, n, latencies) =>
        {
            await ClosedLoop.TimedAsync(latencies, () => ReadRowAsync(dataSource, ids[(int)((client * 7919 + n) % ids.Count)]));
            return 1;
        });

        progress.WriteLine($"lists: {options.Clients} clients listing with three filters for {options.WarmUp} + {options.Seconds} s");
        var lists = await ClosedLoop.RunAsync(options.Clients, options.WarmUpTime, options.Measured, async (client, n, latencies) =>
        {
            var query = QueryFor(client * 1_000_003 + n, today);
            await ClosedLoop.TimedAsync(latencies, () => queries.ListAsync(query));
            return 1;
        });

        var report = new BenchReport(Name, $"{Name}: {cases:N0} cases in {builder.Database}, {options.Clients} clients, {options.Seconds} s a phase; {Environment.ProcessorCount} cores");
        Phases.Add(report, "a case's list row by id (baseline)", "baseline", baseline);
        Phases.Add(report, "list: body scope + status + agency + channel, nearest deadline first, page of 20", "lists", lists);
        var p99 = lists.Latencies.Percentile(0.99);
        report.Section("targets and ratio");
        // No list answered within the run is a miss, not a pass: every query took longer than the run.
        var answered = lists.Latencies.Count > 0;
        report.Add("listP99Ms", "list p99", answered ? Math.Round(p99, 2) : null, answered ? Phases.Ms(p99) : "none answered in the run",
            new Target($"≤ {TargetP99Ms:N0} ms", answered && p99 <= TargetP99Ms));
        var ratio = baseline.Latencies.Percentile(0.99) > 0 ? p99 / baseline.Latencies.Percentile(0.99) : 0;
        report.Add("p99Ratio", "list p99 ÷ baseline p99", Math.Round(ratio, 1), ratio.ToString("N1", CultureInfo.InvariantCulture));
        report.WriteTo(Console.Out);
        return report.Passed ? 0 : 1;
    }

    /// <summary>The <paramref name="n"/>th query of the mix: every combination of status, agency and channel in turn.</summary>
    public static CaseListQuery QueryFor(long n, DateOnly today) => new()
    {
        Today = today,
        Scope = CaseListScope.Body("B-R210104"),
        Statuses = [Statuses[n % Statuses.Length]],
        RespondentAgencyId = Agencies[n / Statuses.Length % Agencies.Length],
        Channel = Channels[n / (Statuses.Length * Agencies.Length) % Channels.Length],
    };

    /// <summary>The number of cases (the planner's estimate) and a thousand case ids spread over the table.</summary>
    internal static async Task<(long Cases, IReadOnlyList<string> Ids)> SampleAsync(NpgsqlDataSource dataSource)
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

    /// <summary>The baseline of the read scenarios on the data set: one case's list row by its id.</summary>
    internal static async Task<int> ReadRowAsync(NpgsqlDataSource dataSource, string caseId)
    {
        await using var command = dataSource.CreateCommand(
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
