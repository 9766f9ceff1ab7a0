using CaseGrains.Domain.Statistics;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Statistics;
using CaseGrains.TestSupport;
using Npgsql;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>
/// Guards the shape of the statistics SQL (sequential scans priced out, since the test tables are empty): whatever the
/// scope and filters, each cohort reads the rollup (0210) through an index and never the case rows; scoped to an
/// applicant or an intake point, it reads the case rows through an index. A profile's flaws are an index-only scan of
/// <c>cases_statistics_decisions</c>. The instruments' figures read their own partial covering indexes (0131).
/// </summary>
public sealed class StatisticsPlanTests : IAsyncLifetime
{
    private static readonly StatisticsPeriod Year = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

    private PostgresDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    public static TheoryData<string> Queries => new() { "everything", "all time", "unaligned period", "region filter", "region scope", "body scope", "agency scope", "body filter" };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Each_cohort_reads_the_rollup_through_an_index_and_never_the_case_rows(string name)
    {
        var commands = PostgresCaseStatistics.BuildCountCommands(QueryFor(name));

        AssertReadsRollup(await ExplainAsync(commands[0]));
        AssertReadsRollup(await ExplainAsync(commands[1]));
    }

    [Fact]
    public async Task The_ranking_reads_the_rollup_through_an_index()
    {
        AssertReadsRollup(await ExplainAsync(PostgresCaseStatistics.BuildByAgencyCommand(QueryFor("region scope"), rollup: true)));
    }

    public static TheoryData<string> OwnCases => new() { "applicant scope", "intake point scope" };

    [Theory]
    [MemberData(nameof(OwnCases))]
    public async Task A_caller_s_own_cases_are_counted_from_the_case_rows_through_an_index(string name)
    {
        var commands = PostgresCaseStatistics.BuildCountCommands(QueryFor(name));

        foreach (var command in commands)
        {
            var plan = await ExplainAsync(command);
            Assert.Contains(" on cases ", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
        }
    }

    private static void AssertReadsRollup(string plan)
    {
        Assert.Contains(" on case_statistics_rollup", plan, StringComparison.Ordinal);
        Assert.DoesNotContain(" on cases", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    public static TheoryData<string> Profiles => new() { "province", "district", "body scope", "agency scope" };

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task A_profile_reads_its_open_cases_and_decisions_from_the_rollup_and_its_flaws_index_only(string scope)
    {
        var commands = PostgresCaseStatistics.BuildActivityCommands(ProfileFor(scope));

        AssertReadsRollup(await ExplainAsync(commands[0]));
        AssertReadsRollup(await ExplainAsync(commands[1]));
        Assert.Contains("Index Only Scan using cases_statistics_decisions ", await ExplainAsync(commands[2]), StringComparison.Ordinal);
    }

    private static StatisticsQuery ProfileFor(string scope) => new()
    {
        Period = Year,
        RespondentAgencyId = "A-DD-PSB",
        Scope = scope switch
        {
            "district" => CaseListScope.Region("/R210000/R210100/R210104/"),
            "body scope" => CaseListScope.Body("B-SY"),
            "agency scope" => CaseListScope.RespondentAgency("A-DD-PSB"),
            _ => CaseListScope.Region("/R210000/"),
        },
    };

    public static TheoryData<string> InstrumentQueries => new() { "everything", "region filter", "region scope", "body scope", "agency scope", "agency filter" };

    [Theory]
    [MemberData(nameof(InstrumentQueries))]
    public async Task Opinion_letters_and_open_instruments_are_index_only_scans_of_their_partial_indexes(string name)
    {
        var query = InstrumentQueryFor(name);

        Assert.Contains(
            "Index Only Scan using supervision_instruments_statistics_issued ",
            await ExplainAsync(PostgresCaseStatistics.BuildOpinionLettersCommand(query)),
            StringComparison.Ordinal);
        // A body's officers may have their own instruments read through the issuer index: one body's, heap rows few.
        var open = await ExplainAsync(PostgresCaseStatistics.BuildOpenByAgencyCommand(query));
        Assert.True(
            open.Contains("Index Only Scan using supervision_instruments_statistics_open ", StringComparison.Ordinal)
                || (name == "body scope" && open.Contains("using supervision_instruments_issuer ", StringComparison.Ordinal)),
            open);
    }

    private static InstrumentStatisticsQuery InstrumentQueryFor(string name) => name switch
    {
        "region filter" => new() { Period = Year, RegionId = "R210104" },
        "region scope" => new() { Period = Year, ScopeRegionPath = "/R210000/R210100/" },
        "body scope" => new() { Period = Year, ScopeIssuingBodyId = "B-SY" },
        "agency scope" => new() { Period = Year, ScopeAgencyId = "A-DD-PSB" },
        "agency filter" => new() { Period = Year, AgencyId = "A-DD-PSB" },
        _ => new() { Period = Year },
    };

    private static StatisticsQuery QueryFor(string name) => name switch
    {
        "region filter" => new() { Period = Year, RegionId = "R210104" },
        "region scope" => new() { Period = Year, Scope = CaseListScope.Region("/R210000/R210100/") },
        "body scope" => new() { Period = Year, Scope = CaseListScope.Body("B-SY") },
        "agency scope" => new() { Period = Year, Scope = CaseListScope.RespondentAgency("A-DD-PSB") },
        "body filter" => new() { Period = Year, CompetentBodyId = "B-SY" },
        "all time" => new(),
        "unaligned period" => new() { Period = new(new DateOnly(2025, 1, 15), new DateOnly(2025, 3, 14)) },
        "applicant scope" => new() { Period = Year, Scope = CaseListScope.Applicant("u-1") },
        "intake point scope" => new() { Period = Year, Scope = CaseListScope.IntakePoint("ip-1") },
        _ => new() { Period = Year },
    };

    private async Task<string> ExplainAsync(NpgsqlBatchCommand command)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var settings = new NpgsqlCommand("SET enable_seqscan = off; SET enable_bitmapscan = off", connection))
        {
            await settings.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + command.CommandText, connection);
        foreach (NpgsqlParameter parameter in command.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
