using CaseGrains.Bench.Load;
using CaseGrains.Bench.Reporting;
using CaseGrains.Domain.Time;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Postgres;

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

        await using var dataSet = await MillionCaseReader.OpenAsync(options.Connection);
        if (dataSet is null)
        {
            return 2;
        }

        var queries = new PostgresCaseQueries(dataSet.DataSource);
        var today = ChinaTime.Today(TimeProvider.System);
        var baseline = await dataSet.BaselineAsync(options);
        Console.Error.WriteLine($"lists: {options.Clients} clients listing with three filters for {options.WarmUp} + {options.Seconds} s");
        var lists = await ClosedLoop.RunAsync(options.Clients, options.WarmUpTime, options.Measured, async (client, n, latencies) =>
        {
            var query = QueryFor(client * 1_000_003 + n, today);
            await ClosedLoop.TimedAsync(latencies, () => queries.ListAsync(query));
            return 1;
        });

        var report = new BenchReport(Name, $"{Name}: {dataSet.Cases:N0} cases in {dataSet.Database}, {options.Clients} clients, {options.Seconds} s a phase; {Environment.ProcessorCount} cores");
        Phases.Add(report, "a case's list row by id (baseline)", "baseline", baseline);
        Phases.Add(report, "list: body scope + status + agency + channel, nearest deadline first, page of 20", "lists", lists);
        MillionCaseReader.AddP99Target(report, "listP99Ms", "list", lists, baseline, TargetP99Ms);
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
}
