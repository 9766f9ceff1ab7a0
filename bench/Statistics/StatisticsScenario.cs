using CaseGrains.Bench.Lists;
using CaseGrains.Bench.Load;
using CaseGrains.Bench.Reporting;
using CaseGrains.Domain.Statistics;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Statistics;

namespace CaseGrains.Bench.Statistics;

/// <summary>
/// Issue 5: the statistics store's queries (<see cref="PostgresCaseStatistics"/>, what <c>GET /api/v1/statistics</c>, its
/// ranking and an agency's profile run, never a grain) on the one-million-case data set, read only: the figures, the
/// agencies' ranking and an agency's activity, at province, city, district, body and agency scope, with and without a
/// region, body or agency filter, over all time, a year, a quarter and a month, in turn. The baseline is reading one
/// case's list row by its id, at the same concurrency. Target: p99 ≤ 500 ms. The reminders data set holds only open cases
/// received in two months; <c>bench/Statistics/synthesise-outcomes.sql</c> gives a copy of it endings over three years,
/// and the statistics rollup (<c>0210_case_statistics_rollup.sql</c>) must then be applied to the copy.
/// </summary>
public static class StatisticsScenario
{
    public const string Name = "statistics";
    private const double TargetP99Ms = 500;
    private const string DataSet = "Host=127.0.0.1;Port=55432;Username=casegrains;Password=casegrains;Database=casegrains_bench";
    private static readonly LoadOptions Defaults = new(Seconds: 30, WarmUp: 5, Clients: 2, Rate: 1, Cases: 1, DataSet);

    private static readonly StatisticsPeriod Month = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));
    private static readonly StatisticsPeriod Quarter = new(new DateOnly(2025, 4, 1), new DateOnly(2025, 6, 30));
    private static readonly StatisticsPeriod Year = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

    private static readonly CaseListScope Province = CaseListScope.Region("/R210000/");
    private static readonly CaseListScope City = CaseListScope.Region("/R210000/R210100/");
    private static readonly CaseListScope District = CaseListScope.Region("/R210000/R210100/R210104/");

    private sealed record Query(string Name, Func<PostgresCaseStatistics, Task<int>> RunAsync);

    /// <summary>The mix: each query is what one request of the statistics API asks of the store.</summary>
    private static readonly Query[] Mix =
    [
        Figures("figures, province, all time", new() { Scope = Province }),
        Figures("figures, province, one year", new() { Scope = Province, Period = Year }),
        Figures("figures, province, one month", new() { Scope = Province, Period = Month }),
        Figures("figures, city, one year", new() { Scope = City, Period = Year }),
        Figures("figures, city, district filter, one quarter", new() { Scope = City, RegionId = "R210104", Period = Quarter }),
        Figures("figures, district, one year", new() { Scope = District, Period = Year }),
        Figures("figures, body scope, one year", new() { Scope = CaseListScope.Body("B-R210104"), Period = Year }),
        Figures("figures, province, body and agency filter, all time",
            new() { Scope = Province, CompetentBodyId = "B-R210104", RespondentAgencyId = "A-R210104-TRAFFIC" }),
        Figures("figures, agency scope, one year", new() { Scope = CaseListScope.RespondentAgency("A-R210104-TRAFFIC"), Period = Year }),
        Ranking("ranking, province, one year", new() { Scope = Province, Period = Year }),
        Ranking("ranking, province, all time", new() { Scope = Province }),
        Ranking("ranking, city, one quarter", new() { Scope = City, Period = Quarter }),
        Profile("profile, province, one year", new() { Scope = Province, RespondentAgencyId = "A-R210104-TRAFFIC", Period = Year }),
        Profile("profile, province, all time", new() { Scope = Province, RespondentAgencyId = "A-R210100-EEB" }),
        Profile("profile, district, one quarter", new() { Scope = District, RespondentAgencyId = "A-R210104-URBAN", Period = Quarter }),
    ];

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

        await using var rollup = dataSet.DataSource.CreateCommand("SELECT to_regclass('case_statistics_rollup') IS NOT NULL");
        if (!(bool)(await rollup.ExecuteScalarAsync())!)
        {
            Console.Error.WriteLine($"{dataSet.Database} has no statistics rollup: apply src/Persistence/Schema/0210_case_statistics_rollup.sql to it (after bench/Statistics/synthesise-outcomes.sql)");
            return 2;
        }

        await using var anyEnded = dataSet.DataSource.CreateCommand("SELECT EXISTS (SELECT FROM cases WHERE ended_on IS NOT NULL)");
        if (!(bool)(await anyEnded.ExecuteScalarAsync())!)
        {
            Console.Error.WriteLine($"{dataSet.Database} holds no ended case: the ended cohort is empty (see bench/Statistics/synthesise-outcomes.sql)");
        }

        var statistics = new PostgresCaseStatistics(dataSet.DataSource);
        var baseline = await dataSet.BaselineAsync(options);
        Console.Error.WriteLine($"statistics: {options.Clients} clients running {Mix.Length} queries in turn for {options.WarmUp} + {options.Seconds} s");
        var byQuery = Mix.Select(_ => new Latencies()).ToArray();
        var mix = await ClosedLoop.RunAsync(options.Clients, options.WarmUpTime, options.Measured, async (client, n, latencies) =>
        {
            var i = (int)((client * 7 + n) % Mix.Length);
            await ClosedLoop.TimedAsync(latencies, () => Mix[i].RunAsync(statistics), latencies is null ? null : byQuery[i]);
            return 1;
        });

        var report = new BenchReport(Name, $"{Name}: {dataSet.Cases:N0} cases in {dataSet.Database}, {options.Clients} clients, {options.Seconds} s a phase; {Environment.ProcessorCount} cores");
        Phases.Add(report, "a case's list row by id (baseline)", "baseline", baseline);
        Phases.Add(report, "statistics: figures, ranking and profile at several scopes, filters and periods", "statistics", mix);
        report.Section("each query: p50 / p99");
        for (var i = 0; i < Mix.Length; i++)
        {
            var (p50, p99) = (byQuery[i].Percentile(0.50), byQuery[i].Percentile(0.99));
            report.Add($"query{i}", $"  {Mix[i].Name}", new System.Text.Json.Nodes.JsonObject { ["query"] = Mix[i].Name, ["p50Ms"] = Math.Round(p50, 2), ["p99Ms"] = Math.Round(p99, 2) },
                $"{Phases.Ms(p50)} / {Phases.Ms(p99)} ({byQuery[i].Count:N0})");
        }

        MillionCaseReader.AddP99Target(report, "statisticsP99Ms", "statistics", mix, baseline, TargetP99Ms);
        report.WriteTo(Console.Out);
        return report.Passed ? 0 : 1;
    }

    private static Query Figures(string name, StatisticsQuery query) => new(name, async s => (int)(await s.CountAsync(query)).CasesEnded);

    private static Query Ranking(string name, StatisticsQuery query) => new(name, async s => (await s.CountByAgencyAsync(query)).Count);

    private static Query Profile(string name, StatisticsQuery query) => new(name, async s => (await s.ActivityAsync(query)).DecisionsByType.Count);
}
