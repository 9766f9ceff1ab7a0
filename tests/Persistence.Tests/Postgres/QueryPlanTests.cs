using System.Text.RegularExpressions;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Postgres;
using CaseGrains.TestSupport;
using Npgsql;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>
/// Guards the shape of the list SQL: each filter and sort must be able to use its index (checked with sequential
/// scans priced out, since the test tables are tiny). A rewrite that hides a column behind an expression fails here.
/// </summary>
public sealed class QueryPlanTests : IAsyncLifetime
{
    private static readonly CaseListQuery Query = new() { Today = new DateOnly(2025, 3, 20) };

    private PostgresDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    public static TheoryData<string, string> Sorts => new()
    {
        { "default sort", "cases_nearest_due" },
        { "received newest first", "cases_received" },
        { "received oldest first", "cases_received" },
        { "competent body by deadline", "cases_competent_body_due" },
        { "intake point scope by deadline", "cases_intake_point_due" },
        { "agency scope by deadline", "cases_respondent_agency_due" },
        { "agency, status and channel by deadline", "cases_agency_status_channel_due" },
    };

    public static TheoryData<string, string> Filters => new()
    {
        { "competent body by deadline", "cases_competent_body_due" },
        { "receiving body", "cases_receiving_body_due" },
        // The agency's count may be read from either index whose key starts with the agency (the wider one index-only).
        { "respondent agency", "(cases_respondent_agency_due|cases_agency_status_channel_due)" },
        { "statuses", "cases_status_due" },
        { "region subtree", "cases_region_path" },
        { "overdue", "cases_nearest_due" },
        { "due before", "cases_nearest_due" },
        { "text in applicant name", "case_names_trgm" },
        { "text in agency name", "case_names_trgm" },
        { "text of two characters", "case_names_short_grams" },
        { "applicant scope", "cases_applicant_user_due" },
        { "intake point scope", "cases_intake_point_due" },
        { "body scope: competent body", "cases_competent_body_due" },
        { "body scope: receiving body", "cases_receiving_body_due" },
        { "agency scope", "(cases_respondent_agency_due|cases_agency_status_channel_due)" },
        { "region scope", "cases_region_path" },
        { "agency, status and channel", "cases_agency_status_channel_due" },
    };

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task A_page_is_read_in_index_order_without_sorting(string list, string index)
    {
        var plan = PageIds(await ExplainAsync(PostgresCaseQueries.BuildCommands(QueryFor(list)).Page));

        Assert.Matches($"Index (Only )?Scan (Backward )?using {index} ", plan);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_checks_the_filters_and_the_scope_on_the_index_and_reads_only_its_own_rows()
    {
        var plan = await ExplainAsync(PostgresCaseQueries.BuildCommands(QueryFor("agency, status and channel")).Page);

        Assert.Matches(@"Index Only Scan using cases_agency_status_channel_due [^\n]*\n\s+Index Cond: [^\n]*\n\s+Filter: \(\(competent_body_id = ", PageIds(plan));
        Assert.Contains("Index Scan using cases_pkey ", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_count_stops_at_its_bound()
    {
        var (count, _) = PostgresCaseQueries.BuildCommands(QueryFor("agency, status and channel") with { CountLimit = 1_000, Page = 3 });

        Assert.Matches(@"Limit[^\n]*\n\s+->  Index Only Scan using cases_agency_status_channel_due ", await ExplainAsync(count));
        Assert.Equal(1_001L, count.Parameters[^1].Value);
    }

    /// <summary>The part of a page's plan that picks its case ids: from its Limit down.</summary>
    private static string PageIds(string plan) => plan[plan.IndexOf("Limit", StringComparison.Ordinal)..];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task A_filter_is_an_index_condition(string list, string index)
    {
        var plan = await ExplainAsync(PostgresCaseQueries.BuildCommands(QueryFor(list)).Count);

        var scanLine = new Regex($"(using|on) {index}( |$)");
        var scan = plan.Split('\n').SkipWhile(line => !scanLine.IsMatch(line)).Take(2).ToList();
        Assert.True(scan.Count == 2 && scan[1].Contains("Index Cond:", StringComparison.Ordinal), plan);
    }

    [Fact]
    public async Task The_body_scope_is_a_bitmap_or_of_the_two_body_indexes()
    {
        var plan = await ExplainAsync(PostgresCaseQueries.BuildCommands(QueryFor("body scope: competent body")).Count);

        Assert.Contains("BitmapOr", plan, StringComparison.Ordinal);
        Assert.Matches(@"Bitmap Index Scan on cases_competent_body_due [^\n]*\n\s+Index Cond: \(competent_body_id = ", plan);
        Assert.Matches(@"Bitmap Index Scan on cases_receiving_body_due [^\n]*\n\s+Index Cond: \(receiving_body_id = ", plan);
    }

    public static TheoryData<string> ScopedPages => ["applicant scope", "intake point scope", "body scope: competent body", "agency scope", "region scope"];

    [Theory]
    [MemberData(nameof(ScopedPages))]
    public async Task A_scoped_page_in_the_default_sort_is_read_through_an_index(string list)
    {
        var plan = await ExplainAsync(PostgresCaseQueries.BuildCommands(QueryFor(list)).Page);

        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
        Assert.Matches("Index (Only )?Scan", plan);
    }

    [Fact]
    public async Task The_applicant_index_is_partial_and_still_serves_a_generic_plan()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var prepare = new NpgsqlCommand("""
            SET enable_seqscan = off;
            SET plan_cache_mode = force_generic_plan;
            PREPARE scoped (text) AS SELECT count(*) FROM cases WHERE applicant_user_id = $1;
            """, connection);
        await prepare.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN EXECUTE scoped ('U-1')", connection);
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        Assert.Contains(lines, l => l.Contains("cases_applicant_user_due", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Index Cond: (applicant_user_id = $1)", StringComparison.Ordinal));
    }

    private static CaseListQuery QueryFor(string list) =>
        list switch
        {
            "default sort" => Query,
            "received newest first" => Query with { Sort = CaseSort.ReceivedNewestFirst },
            "received oldest first" => Query with { Sort = CaseSort.ReceivedOldestFirst },
            "competent body by deadline" => Query with { CompetentBodyId = "B-SY" },
            "receiving body" => Query with { ReceivingBodyId = "B-SY" },
            "respondent agency" => Query with { RespondentAgencyId = "A-1" },
            "statuses" => Query with { Statuses = ["Accepted", "Received"] },
            "region subtree" => Query with { RegionId = "R210100" },
            "overdue" => Query with { Overdue = true },
            "due before" => Query with { DueBefore = new DateOnly(2025, 4, 1) },
            "text in applicant name" or "text in agency name" => Query with { Text = "公安局" },
            "text of two characters" => Query with { Text = "高刚" },
            "applicant scope" => Query with { Scope = CaseListScope.Applicant("U-1") },
            "intake point scope" or "intake point scope by deadline" => Query with { Scope = CaseListScope.IntakePoint("IP-1") },
            "body scope: competent body" or "body scope: receiving body" => Query with { Scope = CaseListScope.Body("B-SY") },
            "agency scope" or "agency scope by deadline" => Query with { Scope = CaseListScope.RespondentAgency("A-1") },
            "region scope" => Query with { Scope = CaseListScope.Region("/R210000/R210100/") },
            "agency, status and channel" or "agency, status and channel by deadline" => Query with
            {
                RespondentAgencyId = "A-1", Statuses = ["underReview"], Channel = "hall", Scope = CaseListScope.Body("B-SY"),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(list)),
        };

    private async Task<string> ExplainAsync(NpgsqlBatchCommand command)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var settings = new NpgsqlCommand("SET enable_seqscan = off", connection))
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
