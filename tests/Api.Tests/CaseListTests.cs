using System.Text.Json;
using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests;

/// <summary>Six cases across Liaoning, received once for the whole class, for the list's filters to choose from. Each
/// is received by someone entitled to receive at its intake point and handled by its competent body's staff.</summary>
public sealed class ListedCases : IAsyncLifetime
{
    public PostgresGateway Gateway { get; } = new();

    /// <summary>The case ids by a short name: dadong, overdue, wanquan, yingkou, chaoyang, resolved.</summary>
    public Dictionary<string, string> Ids { get; } = [];

    public async Task InitializeAsync()
    {
        await Gateway.InitializeAsync();
        var api = Gateway.Cases();

        // Dadong traffic brigade, at its collection point: one today, one a month ago (review period long over),
        // one resolved before filing (nothing left running).
        Ids["dadong"] = (await api.ReceivedAsync(Applications.TrafficFine("列表甲"))).Id;
        Ids["overdue"] = (await api.ReceivedAsync(Applications.TrafficFine("列表逾期", knownDaysAgo: 31).With(b => b["receivedOn"] = Dates.ChinaToday.AddDays(-30).Iso()))).Id;
        Ids["resolved"] = (await api.ReceivedAsync(Applications.TrafficFine("列表戊"))).Id;
        await api.DoAsync(Ids["resolved"], new { action = "resolveBeforeFiling", summary = "交警撤销罚款" });

        // A street office in a Dadong township (its body is Dadong's), at the township service point; correction asked.
        Ids["wanquan"] = (await api.ReceivedAsync(Applications.Against("A-R210104001-GOV", "I-R210104001-SP", "servicePoint", "列表丙"))).Id;
        await api.DoAsync(Ids["wanquan"], new { action = "requestCorrection", missingItems = new[] { "身份证复印件" } });

        // An enterprise against Yingkou's market regulator, through the green channel (by its clerk); accepted by an
        // officer of the competent body, Yingkou's.
        Ids["yingkou"] = (await api.As(Actors.Clerk(Actors.YingkouGreenChannel))
            .ReceivedAsync(Applications.Against("A-R210800-SAMR", Actors.YingkouGreenChannel, "greenChannel", "Li Lei Trading 有限公司", enterprise: true))).Id;
        await api.As(Actors.Officer("B-R210800")).DoAsync(Ids["yingkou"], new { action = "accept", procedure = "ordinary" });

        // A township government in Chaoyang county, at the township's service point (by its clerk).
        Ids["chaoyang"] = (await api.As(Actors.Clerk(Actors.DapingfangServicePoint))
            .ReceivedAsync(Applications.Against("A-R211321101-GOV", Actors.DapingfangServicePoint, "servicePoint", "列表丁"))).Id;
    }

    public Task DisposeAsync() => Gateway.DisposeAsync();
}

/// <summary><c>GET /api/v1/cases</c>: filters, text search, paging with a total, and the default sort by nearest deadline.
/// The lists are read by the provincial justice department, whose scope is all of Liaoning, so every filter chooses
/// from all six cases; what narrower scopes see is <see cref="AccessTests"/>' subject.</summary>
public sealed class CaseListTests(ListedCases listed) : IClassFixture<ListedCases>
{
    private readonly CaseClient api = listed.Gateway.As(Actors.ProvinceSupervisor);
    private readonly CaseClient dadong = listed.Gateway.As(Actors.DadongOfficer);

    [Fact]
    public async Task Without_filters_every_case_is_listed_nearest_deadline_first_and_cases_with_nothing_running_last()
    {
        var page = await ListAsync(string.Empty);

        Assert.Equal(6, page.Total);
        Assert.True(page.Body.GetProperty("totalIsExact").GetBoolean());
        Assert.Equal(1, page.Body.GetProperty("page").GetInt32());
        Assert.Equal(20, page.Body.GetProperty("pageSize").GetInt32());
        Assert.Equal(listed.Ids["overdue"], page.CaseIds[0]);
        Assert.Equal(listed.Ids["resolved"], page.CaseIds[^1]);
        var keys = page.Rows.Select(r => (Due: NearestDue(r) ?? DateOnly.MaxValue, Id: r.GetProperty("caseId").GetString()!)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Due).ThenBy(k => k.Id, StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task Each_row_carries_what_a_list_shows_and_agrees_with_the_case()
    {
        var row = (await ListAsync("q=" + Uri.EscapeDataString("列表丙"))).Rows.Single();
        var read = await api.GetAsync(listed.Ids["wanquan"]);

        Assert.Equal("awaitingCorrection", row.GetProperty("status").GetString());
        Assert.Equal("列表丙", row.GetProperty("applicantName").GetString());
        Assert.Equal("沈阳市大东区万泉街道办事处", row.GetProperty("agencyName").GetString());
        Assert.Equal(Actors.DadongBody, row.GetProperty("competentBodyId").GetString());
        Assert.Equal("/R210000/R210100/R210104/R210104001/", row.GetProperty("regionPath").GetString());
        Assert.Equal(read.Version, row.GetProperty("version").GetInt64());
        Assert.Equal(read.Deadline("correction").GetProperty("dueOn").GetString(), row.GetProperty("nearestDueOn").GetString());
    }

    [Fact]
    public async Task An_overdue_case_shows_its_missed_deadline_with_the_days_it_is_late()
    {
        var read = await dadong.GetAsync(listed.Ids["overdue"]);
        var review = read.Deadline("review");

        Assert.Equal("missed", review.GetProperty("status").GetString());
        Assert.True(review.GetProperty("remaining").GetInt32() < 0);
        Assert.Contains("deemAccepted", read.AllowedActions);
    }

    [Theory]
    [InlineData("status=underReview", "yingkou")]
    [InlineData("status=received,awaitingCorrection", "dadong overdue wanquan chaoyang")]
    [InlineData("status=resolvedBeforeFiling", "resolved")]
    [InlineData("status=closed", "")]
    [InlineData("competentBodyId=B-R210800", "yingkou")]
    [InlineData("competentBodyId=B-R210104", "dadong overdue wanquan resolved")]
    [InlineData("competentBodyId=B-R211321", "chaoyang")]
    [InlineData("receivingBodyId=B-R210804", "yingkou")]
    [InlineData("respondentAgencyId=A-R210104-TRAFFIC", "dadong overdue resolved")]
    [InlineData("regionId=R210000", "dadong overdue wanquan yingkou chaoyang resolved")]
    [InlineData("regionId=R210100", "dadong overdue wanquan resolved")]
    [InlineData("regionId=R210104001", "wanquan")]
    [InlineData("regionId=R211300", "chaoyang")]
    [InlineData("regionId=R210800", "yingkou")]
    [InlineData("regionId=R210400", "")]
    [InlineData("regionId=R999999", "")]
    [InlineData("channel=greenChannel", "yingkou")]
    [InlineData("channel=servicePoint", "wanquan chaoyang")]
    [InlineData("channel=trafficPoliceCollectionPoint", "dadong overdue resolved")]
    [InlineData("enterpriseRelated=true", "yingkou")]
    [InlineData("enterpriseRelated=false", "dadong overdue wanquan chaoyang resolved")]
    [InlineData("overdue=true", "overdue")]
    [InlineData("overdue=false", "dadong wanquan yingkou chaoyang resolved")]
    [InlineData("regionId=R210100&status=received", "dadong overdue")]
    [InlineData("regionId=R210100&overdue=false&channel=trafficPoliceCollectionPoint", "dadong resolved")]
    public async Task Each_filter_keeps_exactly_the_matching_cases(string query, string expected)
    {
        var page = await ListAsync(query);

        Assert.Equal(Names(expected), page.CaseIds.Order(StringComparer.Ordinal));
        Assert.Equal(page.CaseIds.Count, page.Total);
    }

    [Theory]
    [InlineData("列表丙", "wanquan")]
    [InlineData("列表", "dadong overdue wanquan chaoyang resolved")]
    [InlineData("lei trad", "yingkou")]
    [InlineData("LI LEI", "yingkou")]
    [InlineData("营口市市场", "yingkou")]
    [InlineData("大东大队", "dadong overdue resolved")]
    [InlineData("%", "")]
    [InlineData("_", "")]
    [InlineData("无此人", "")]
    public async Task Q_finds_a_substring_of_the_applicants_or_the_agencys_name_ignoring_case(string q, string expected)
    {
        var page = await ListAsync("q=" + Uri.EscapeDataString(q));

        Assert.Equal(Names(expected), page.CaseIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DueBefore_keeps_the_cases_whose_nearest_deadline_is_on_or_before_that_day()
    {
        var all = await ListAsync(string.Empty);
        var dadongDue = NearestDue(all.Rows.Single(r => r.GetProperty("caseId").GetString() == listed.Ids["dadong"]))!.Value;
        var expected = all.Rows.Where(r => NearestDue(r) <= dadongDue).Select(r => r.GetProperty("caseId").GetString()!).Order(StringComparer.Ordinal);

        Assert.Equal(expected, (await ListAsync("dueBefore=" + dadongDue.Iso())).CaseIds.Order(StringComparer.Ordinal));
        Assert.Equal([listed.Ids["overdue"]], (await ListAsync("dueBefore=" + Dates.ChinaToday.AddDays(-1).Iso())).CaseIds);
    }

    [Fact]
    public async Task Pages_split_the_sorted_list_and_each_carries_the_total()
    {
        var all = (await ListAsync(string.Empty)).CaseIds;

        var first = await ListAsync("pageSize=4");
        var second = await ListAsync("pageSize=4&page=2");
        var beyond = await ListAsync("pageSize=4&page=3");

        Assert.Equal(all.Take(4), first.CaseIds);
        Assert.Equal(all.Skip(4), second.CaseIds);
        Assert.Empty(beyond.CaseIds);
        Assert.All([first, second, beyond], p => Assert.Equal(6, p.Total));
        Assert.Equal(2, second.Body.GetProperty("page").GetInt32());
        Assert.Equal(4, second.Body.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task Other_sorts_order_by_receipt()
    {
        Assert.Equal(listed.Ids["overdue"], (await ListAsync("sort=receivedOldestFirst")).CaseIds[0]);
        Assert.Equal(listed.Ids["overdue"], (await ListAsync("sort=receivedNewestFirst")).CaseIds[^1]);
    }

    [Fact]
    public async Task Malformed_query_parameters_are_a_400_naming_each_parameter()
    {
        var refused = await api.ListAsync(
            "status=underReview,bogus&channel=carrierPigeon&enterpriseRelated=yes&dueBefore=2026-1-1&overdue=1&page=0&pageSize=500"
            + "&sort=byName&regionId=R210100&regionId=R210104&q=" + new string('x', 101));

        refused.AssertInvalid("status", "channel", "enterpriseRelated", "dueBefore", "overdue", "page", "pageSize", "sort", "regionId", "q");
    }

    [Theory]
    [InlineData("page=-1", "page")]
    [InlineData("page=1.5", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=99999999999", "page")]
    [InlineData("dueBefore=2026-02-30", "dueBefore")]
    [InlineData("overdue=TRUE", "overdue")]
    [InlineData("status=Received", "status")]
    public async Task A_single_malformed_parameter_is_named(string query, string parameter)
    {
        (await api.ListAsync(query)).AssertInvalid(parameter);
    }

    private async Task<CasePage> ListAsync(string query)
    {
        var answer = await api.ListAsync(query);
        Assert.True(answer.StatusCode == 200, $"{query}: {answer}");
        return new CasePage(answer.Body);
    }

    private IReadOnlyList<string> Names(string names) =>
        [.. names.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => listed.Ids[n]).Order(StringComparer.Ordinal)];

    private static DateOnly? NearestDue(JsonElement row) =>
        row.TryGetProperty("nearestDueOn", out var due) && due.ValueKind == JsonValueKind.String ? Dates.ParseIso(due.GetString()!) : null;

    private sealed record CasePage(JsonElement Body)
    {
        public long Total => Body.GetProperty("total").GetInt64();

        public IReadOnlyList<JsonElement> Rows => [.. Body.GetProperty("items").EnumerateArray()];

        public IReadOnlyList<string> CaseIds => [.. Rows.Select(r => r.GetProperty("caseId").GetString()!)];
    }
}
