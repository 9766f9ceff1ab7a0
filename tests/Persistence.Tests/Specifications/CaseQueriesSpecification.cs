using CaseGrains.Persistence.Cases;

namespace CaseGrains.Persistence.Tests.Specifications;

/// <summary>How every <see cref="ICaseQueries"/> filters, sorts and pages: run against PostgreSQL and in memory.</summary>
public abstract class CaseQueriesSpecification(CaseWorld world)
{
    private static readonly string[] All = ["C01", "C07", "C03", "C02", "C08", "C06", "C04", "C05"];

    private static CaseListQuery Query => new() { Today = CaseWorld.Today, PageSize = CaseListQuery.MaxPageSize };

    [Fact]
    public async Task Without_filters_every_case_is_listed_nearest_deadline_first_and_those_without_one_last()
    {
        var page = await ListAsync(Query);

        Assert.Equal(All, page.Items.Select(c => c.CaseId));
        Assert.Equal(8, page.Total);
    }

    [Fact]
    public async Task Each_row_carries_the_index_columns_as_last_committed()
    {
        var page = await ListAsync(Query);

        Assert.Equal(CaseWorld.Cases.OrderBy(c => c.CaseId, StringComparer.Ordinal), page.Items.OrderBy(c => c.CaseId, StringComparer.Ordinal));
        Assert.Equal(("Accepted", 2L), page.Items.Where(c => c.CaseId == "C01").Select(c => (c.Status, c.Version)).Single());
    }

    public static TheoryData<string[], string[]> StatusFilters => new()
    {
        { ["Accepted"], ["C01", "C03", "C06"] },
        { ["Accepted", "Received"], ["C01", "C07", "C03", "C02", "C06"] },
        { ["Closed", "NoSuchStatus"], ["C05"] },
        { ["accepted"], [] },
        { [], All },
    };

    [Theory]
    [MemberData(nameof(StatusFilters))]
    public async Task Statuses_match_any_of_the_listed_and_an_empty_list_is_no_filter(string[] statuses, string[] expected) =>
        await AssertListsAsync(Query with { Statuses = statuses }, expected);

    [Fact]
    public async Task Receiving_body_filter() => await AssertListsAsync(Query with { ReceivingBodyId = "B-DL" }, "C03", "C04", "C05");

    [Fact]
    public async Task Competent_body_filter() => await AssertListsAsync(Query with { CompetentBodyId = "B-SY" }, "C01", "C07", "C03", "C02", "C08");

    [Fact]
    public async Task Respondent_agency_filter() => await AssertListsAsync(Query with { RespondentAgencyId = "A-ZS-PSB" }, "C04", "C05");

    [Fact]
    public async Task Channel_filter() => await AssertListsAsync(Query with { Channel = "Online" }, "C02", "C06");

    [Theory]
    [InlineData(true, new[] { "C03", "C02", "C08" })]
    [InlineData(false, new[] { "C01", "C07", "C06", "C04", "C05" })]
    public async Task Enterprise_related_filter(bool enterpriseRelated, string[] expected) =>
        await AssertListsAsync(Query with { EnterpriseRelated = enterpriseRelated }, expected);

    [Theory]
    [InlineData("R210000", new[] { "C01", "C07", "C03", "C02", "C08", "C06", "C04", "C05" })]
    [InlineData("R210100", new[] { "C01", "C07", "C03", "C02", "C08" })]
    [InlineData("R210104", new[] { "C01", "C07", "C03" })]
    [InlineData("R210104001", new[] { "C03" })]
    [InlineData("R210102", new[] { "C02", "C08" })]
    [InlineData("R210200", new[] { "C04", "C05" })]
    [InlineData("R2101", new[] { "C06" })]
    [InlineData("R999999", new string[0])]
    public async Task A_region_matches_its_own_cases_and_all_its_subregions_but_not_a_sibling_sharing_a_code_prefix(string regionId, string[] expected) =>
        await AssertListsAsync(Query with { RegionId = regionId }, expected);

    [Theory]
    [InlineData(3, 19, new[] { "C01", "C07", "C03" })]
    [InlineData(3, 18, new[] { "C01", "C07" })]
    [InlineData(3, 17, new string[0])]
    [InlineData(12, 31, new[] { "C01", "C07", "C03", "C02", "C08", "C06" })]
    public async Task Due_before_keeps_cases_due_on_or_before_the_day_and_never_those_without_a_deadline(int month, int day, string[] expected) =>
        await AssertListsAsync(Query with { DueBefore = new DateOnly(2025, month, day) }, expected);

    [Fact]
    public async Task Overdue_means_due_before_today() =>
        await AssertListsAsync(Query with { Overdue = true }, "C01", "C07", "C03");

    [Fact]
    public async Task Not_overdue_means_due_today_or_later_or_no_deadline_at_all() =>
        await AssertListsAsync(Query with { Overdue = false }, "C02", "C08", "C06", "C04", "C05");

    [Fact]
    public async Task Overdue_is_judged_against_the_given_today() =>
        await AssertListsAsync(Query with { Overdue = true, Today = new DateOnly(2025, 3, 19) }, "C01", "C07");

    [Theory]
    [InlineData("公安局", new[] { "C01", "C04", "C05" })]
    [InlineData("沈阳市和平区", new[] { "C02", "C08" })]
    [InlineData("zhang", new[] { "C07" })]
    [InlineData("psb", new[] { "C07" })]
    [InlineData("DADONG", new[] { "C07" })]
    [InlineData("科技", new[] { "C02" })]
    [InlineData("和", new[] { "C02", "C08" })]
    [InlineData("Zh", new[] { "C07" })]
    [InlineData("z", new[] { "C07" })]
    [InlineData("张三", new[] { "C01" })]
    [InlineData("no such name", new string[0])]
    public async Task Text_matches_applicant_or_agency_names_as_a_case_insensitive_substring(string text, string[] expected) =>
        await AssertListsAsync(Query with { Text = text }, expected);

    [Theory]
    [InlineData("%", new[] { "C03" })]
    [InlineData("百%贸", new[] { "C03" })]
    [InlineData("A_B", new[] { "C06" })]
    [InlineData("_", new[] { "C06" })]
    [InlineData(@"\", new string[0])]
    [InlineData(@"\%", new string[0])]
    public async Task Percent_underscore_and_backslash_in_the_text_are_literal(string text, string[] expected) =>
        await AssertListsAsync(Query with { Text = text }, expected);

    [Fact]
    public async Task Filters_combine_with_and()
    {
        var query = Query with { CompetentBodyId = "B-SY", RegionId = "R210104", Overdue = true };

        await AssertListsAsync(query, "C01", "C07", "C03");
        await AssertListsAsync(query with { EnterpriseRelated = true }, "C03");
        await AssertListsAsync(query with { Statuses = ["Received"], Text = "zhang" }, "C07");
        await AssertListsAsync(query with { Channel = "Online" });
    }

    [Fact]
    public async Task Received_newest_first_breaks_ties_by_case_id_descending() =>
        await AssertListsAsync(Query with { Sort = CaseSort.ReceivedNewestFirst }, "C07", "C06", "C03", "C02", "C01", "C08", "C04", "C05");

    [Fact]
    public async Task Received_oldest_first_breaks_ties_by_case_id() =>
        await AssertListsAsync(Query with { Sort = CaseSort.ReceivedOldestFirst }, "C05", "C04", "C08", "C01", "C02", "C03", "C06", "C07");

    [Theory]
    [InlineData(1, new[] { "C01", "C07", "C03" })]
    [InlineData(2, new[] { "C02", "C08", "C06" })]
    [InlineData(3, new[] { "C04", "C05" })]
    [InlineData(4, new string[0])]
    public async Task Pages_cut_the_sorted_list_and_every_page_reports_the_total(int number, string[] expected)
    {
        var page = await ListAsync(Query with { Page = number, PageSize = 3 });

        Assert.Equal(expected, page.Items.Select(c => c.CaseId));
        Assert.Equal((8L, number, 3), (page.Total, page.Page, page.PageSize));
    }

    [Fact]
    public async Task The_total_counts_the_filtered_cases_not_the_page()
    {
        var page = await ListAsync(Query with { CompetentBodyId = "B-SY", Page = 2, PageSize = 2 });

        Assert.Equal(["C03", "C02"], page.Items.Select(c => c.CaseId));
        Assert.Equal(5, page.Total);
    }

    [Theory]
    [InlineData(1, 20, 3, 8L, true)]
    [InlineData(1, 2, 3, 3L, false)]
    [InlineData(2, 2, 3, 4L, false)]
    [InlineData(4, 2, 3, 8L, true)]
    [InlineData(1, 2, 8, 8L, true)]
    [InlineData(1, 2, 7, 7L, false)]
    [InlineData(9, 1, 3, 8L, true)]
    public async Task The_total_is_exact_up_to_the_count_limit_or_the_page_s_end_and_more_than_that_beyond(
        int number, int size, int limit, long total, bool exact)
    {
        var page = await ListAsync(Query with { Page = number, PageSize = size, CountLimit = limit });

        Assert.Equal((total, exact), (page.Total, page.TotalIsExact));
    }

    [Fact]
    public async Task A_count_limit_below_one_is_refused() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ListAsync(Query with { CountLimit = 0 }));

    [Theory]
    [InlineData(0, 20)]
    [InlineData(-1, 20)]
    [InlineData(1, 0)]
    [InlineData(1, CaseListQuery.MaxPageSize + 1)]
    public async Task Paging_out_of_range_is_refused(int number, int size) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ListAsync(Query with { Page = number, PageSize = size }));

    [Fact]
    public async Task The_largest_page_and_a_page_far_beyond_the_end_are_accepted()
    {
        Assert.Equal(8, (await ListAsync(Query with { PageSize = CaseListQuery.MaxPageSize })).Items.Count);
        var far = await ListAsync(Query with { Page = int.MaxValue, PageSize = CaseListQuery.MaxPageSize });
        Assert.Empty(far.Items);
        Assert.Equal(8, far.Total);
    }

    public static TheoryData<string, string, string[]> Scopes => new()
    {
        { "applicant", "U-1", ["C01", "C07", "C03"] },
        { "applicant", "U-2", ["C02"] },
        { "applicant", "U-404", [] },
        { "intake point", "IP-DD-001", ["C01", "C07", "C03"] },
        { "intake point", "IP-C05", ["C05"] },
        { "body", "B-SY", ["C01", "C07", "C03", "C02", "C08"] },
        { "body", "B-DL", ["C03", "C04", "C05"] },
        { "body", "B-X", ["C06"] },
        { "body", "b-sy", [] },
        { "respondent agency", "A-ZS-PSB", ["C04", "C05"] },
        { "respondent agency", "A-DD-PSB", ["C01", "C07"] },
        { "region", "/R210000/", ["C01", "C07", "C03", "C02", "C08", "C06", "C04", "C05"] },
        { "region", "/R210000/R210100/", ["C01", "C07", "C03", "C02", "C08"] },
        { "region", "/R210000/R210100/R210104/", ["C01", "C07", "C03"] },
        { "region", "/R210000/R2101/", ["C06"] },
        { "region", "/R210000/R210200/R210202/", ["C04", "C05"] },
        { "region", "/R999999/", [] },
        { "region", "/", ["C01", "C07", "C03", "C02", "C08", "C06", "C04", "C05"] },
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task A_scope_lists_only_the_cases_it_covers(string scope, string value, string[] expected) =>
        await AssertListsAsync(Query with { Scope = ScopeOf(scope, value) }, expected);

    [Fact]
    public async Task A_scope_with_nothing_set_is_no_scope() =>
        await AssertListsAsync(Query with { Scope = new CaseListScope() }, All);

    [Fact]
    public async Task A_scope_is_anded_with_every_filter()
    {
        await AssertListsAsync(Query with { Scope = CaseListScope.Body("B-SY"), Overdue = true }, "C01", "C07", "C03");
        await AssertListsAsync(Query with { Scope = CaseListScope.Body("B-DL"), CompetentBodyId = "B-SY" }, "C03");
        await AssertListsAsync(Query with { Scope = CaseListScope.Body("B-DL"), ReceivingBodyId = "B-SY" });
        await AssertListsAsync(Query with { Scope = CaseListScope.Applicant("U-1"), Statuses = ["Accepted"] }, "C01", "C03");
        await AssertListsAsync(Query with { Scope = CaseListScope.RespondentAgency("A-ZS-PSB"), RespondentAgencyId = "A-DD-PSB" });
        await AssertListsAsync(Query with { Scope = CaseListScope.Region("/R210000/R210100/"), RegionId = "R210102" }, "C02", "C08");
        await AssertListsAsync(Query with { Scope = CaseListScope.Region("/R210000/R210100/"), RegionId = "R210200" });
        await AssertListsAsync(Query with { Scope = CaseListScope.IntakePoint("IP-DD-001"), Text = "zhang" }, "C07");
    }

    [Fact]
    public async Task A_scoped_list_sorts_pages_and_counts_within_the_scope()
    {
        var scoped = Query with { Scope = CaseListScope.Body("B-SY"), Sort = CaseSort.ReceivedNewestFirst, Page = 2, PageSize = 2 };

        var page = await ListAsync(scoped);

        Assert.Equal(["C02", "C01"], page.Items.Select(c => c.CaseId));
        Assert.Equal(5, page.Total);
    }

    public static TheoryData<CaseListScope> MalformedScopes =>
    [
        new() { BodyId = "B-SY", ApplicantUserId = "U-1" },
        new() { RegionPathPrefix = "/R210000/R210100/", RespondentAgencyId = "A-ZS-PSB" },
        new() { IntakePointId = "IP-DD-001", BodyId = "B-SY", RegionPathPrefix = "/R210000/" },
        CaseListScope.Region("/R210000/R2101"),
        CaseListScope.Region("R210000/"),
        CaseListScope.Region(""),
    ];

    [Theory]
    [MemberData(nameof(MalformedScopes))]
    public async Task A_scope_with_more_than_one_property_or_a_region_that_is_not_a_path_is_refused(CaseListScope scope) =>
        await Assert.ThrowsAsync<ArgumentException>(() => ListAsync(Query with { Scope = scope }));

    private static CaseListScope ScopeOf(string scope, string value) => scope switch
    {
        "applicant" => CaseListScope.Applicant(value),
        "intake point" => CaseListScope.IntakePoint(value),
        "body" => CaseListScope.Body(value),
        "respondent agency" => CaseListScope.RespondentAgency(value),
        "region" => CaseListScope.Region(value),
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };

    private Task<CasePage> ListAsync(CaseListQuery query) => world.Backend.Queries.ListAsync(query);

    private async Task AssertListsAsync(CaseListQuery query, params string[] expected)
    {
        var page = await ListAsync(query);
        Assert.Equal(expected, page.Items.Select(c => c.CaseId));
        Assert.Equal(expected.Length, page.Total);
    }
}
