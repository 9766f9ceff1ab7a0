using CaseGrains.Domain.Statistics;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Statistics;
using CaseGrains.TestSupport;
using Npgsql;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>
/// Guards the shape of the statistics SQL: each cohort is an index-only scan of its covering index, whatever the
/// scope and filters (sequential scans priced out, since the test table is empty). A filter on a column the index
/// does not hold, or a region written as a range the region index serves, fails here. The instruments' figures read
/// their own partial covering indexes (0131) the same way.
/// </summary>
public sealed class StatisticsPlanTests : IAsyncLifetime
{
    private static readonly StatisticsPeriod Year = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

    private PostgresDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    public static TheoryData<string> Queries => new() { "everything", "region filter", "region scope", "body scope", "agency scope", "body filter" };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Each_cohort_is_an_index_only_scan_of_its_covering_index(string name)
    {
        var commands = PostgresCaseStatistics.BuildCountCommands(QueryFor(name));

        AssertCohortScan("cases_received", name, await ExplainAsync(commands[0]));
        AssertCohortScan("cases_statistics_ended", name, await ExplainAsync(commands[1]));
    }

    /// <summary>The covering index, or, for one agency's cases only, an index that seeks that agency: on an empty table the
    /// two cost the same, and on real data an agency's few thousand cases are as cheap to fetch as a period's index entries
    /// are to walk.</summary>
    private static void AssertCohortScan(string coveringIndex, string name, string plan)
    {
        if (name == "agency scope" && plan.Contains("Index Cond: (respondent_agency_id = ", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
            return;
        }

        Assert.Contains($"Index Only Scan using {coveringIndex} ", plan, StringComparison.Ordinal);
    }

    public static TheoryData<string> Profiles => new() { "province", "district", "body scope", "agency scope" };

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task A_profile_reads_the_agency_s_open_cases_and_its_decisions_index_only(string scope)
    {
        var commands = PostgresCaseStatistics.BuildActivityCommands(ProfileFor(scope));

        Assert.Contains("Index Only Scan using cases_agency_status_channel_due ", await ExplainAsync(commands[0]), StringComparison.Ordinal);
        Assert.Contains("Index Only Scan using cases_statistics_decisions ", await ExplainAsync(commands[1]), StringComparison.Ordinal);
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
