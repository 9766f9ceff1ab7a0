using System.Text.Json;
using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests.Statistics;

/// <summary><c>GET /statistics</c>, <c>/statistics/agencies</c> and <c>/statistics/agencies/{id}</c> over
/// <see cref="StatisticsWorld"/>: the figures as worked out by hand, each caller's scope, the filters, and bad filters.</summary>
public sealed class StatisticsTests(StatisticsWorld world) : IClassFixture<StatisticsWorld>
{
    private static readonly string Today = StatisticsWorld.Today;

    [Fact]
    public async Task The_province_sees_every_figure_over_all_six_cases()
    {
        var body = (await GetAsync(Actors.ProvinceSupervisor, $"?from={Today}&to={Today}")).Body;

        var counts = body.GetProperty("counts");
        Assert.Equal(6, counts.GetProperty("applicationsReceived").GetInt64());
        Assert.Equal(5, counts.GetProperty("casesEnded").GetInt64());
        Assert.Equal(5, body.GetProperty("substantivelyResolved").GetInt64()); // two decisions, before filing, withdrawal after correction, mediation
        AssertFigure(body, "closureRate", 5, 5, 1m);
        AssertFigure(body, "mediationAndSettlementRate", 1, 5, 0.2m);
        AssertFigure(body, "directCorrectionRate", 1, 2, 0.5m);
        AssertFigure(body, "correctionRate", 2, 5, 0.4m);
        AssertFigure(body, "resolvedBeforeFiling", 1, 6, 0.1667m);
        AssertFigure(body, "deadlinesMetOnTime", 4, 4, 1m);
        Assert.Equal(1, body.GetProperty("opinionLettersIssued").GetInt64()); // the issued letter; the draft does not count
    }

    [Fact]
    public async Task A_region_filter_takes_in_its_subregions()
    {
        // Shenyang (R210100) holds Dadong (R210104), where the brigade is; Yingkou's case is outside it.
        var shenyang = (await GetAsync(Actors.ProvinceSupervisor, "?regionId=R210100")).Body.GetProperty("counts");
        var fushun = (await GetAsync(Actors.ProvinceSupervisor, "?regionId=R210400")).Body.GetProperty("counts");

        Assert.Equal((5L, 4L), (shenyang.GetProperty("applicationsReceived").GetInt64(), shenyang.GetProperty("casesEnded").GetInt64()));
        Assert.Equal(0, fushun.GetProperty("applicationsReceived").GetInt64());
    }

    [Fact]
    public async Task Body_and_agency_filters()
    {
        var yingkouBody = (await GetAsync(Actors.ProvinceSupervisor, "?bodyId=B-R210800")).Body;
        var brigade = (await GetAsync(Actors.ProvinceSupervisor, "?agencyId=" + Actors.DadongTrafficBrigade)).Body;

        AssertFigure(yingkouBody, "mediationAndSettlementRate", 1, 1, 1m);
        AssertFigure(brigade, "correctionRate", 2, 4, 0.5m);
    }

    public static TheoryData<string, long, long, long> Scopes => new()
    {
        { "dadong supervisor", 5, 4, 1 },
        { "dadong officer", 5, 4, 1 },
        { "yingkou agency staff", 1, 1, 0 },
        { "brigade staff", 5, 4, 1 },
        { "heping officer", 0, 0, 0 },
        { "applicant without cases", 0, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task Each_caller_counts_only_the_cases_and_letters_they_may_list(string who, long received, long ended, long letters)
    {
        var caller = who switch
        {
            "dadong supervisor" => Actors.Supervisor(Actors.DadongSupervision),
            "dadong officer" => Actors.DadongOfficer,
            "yingkou agency staff" => Actors.AgencyStaff("A-R210800-SAMR"),
            "brigade staff" => Actors.AgencyStaff(Actors.DadongTrafficBrigade),
            "heping officer" => Actors.Officer(Actors.HepingBody),
            _ => Actors.Applicant("u-lisi"),
        };

        var body = (await GetAsync(caller, string.Empty)).Body;

        var counts = body.GetProperty("counts");
        Assert.Equal((received, ended), (counts.GetProperty("applicationsReceived").GetInt64(), counts.GetProperty("casesEnded").GetInt64()));
        Assert.Equal(letters, body.GetProperty("opinionLettersIssued").GetInt64());
        if (ended == 0)
        {
            Assert.Equal(JsonValueKind.Null, body.GetProperty("closureRate").GetProperty("rate").ValueKind);
        }
    }

    [Fact]
    public async Task The_supervisors_view_ranks_the_agencies_in_their_region_by_correction_rate()
    {
        var province = (await GetAsync(Actors.ProvinceSupervisor, $"/agencies?from={Today}")).Body;
        var dadong = (await GetAsync(Actors.Supervisor(Actors.DadongSupervision), "/agencies")).Body;

        var ranked = province.GetProperty("agencies").EnumerateArray().ToList();
        Assert.Equal(2, province.GetProperty("agenciesRanked").GetInt32());
        Assert.Equal([Actors.DadongTrafficBrigade, "A-R210800-SAMR"], ranked.Select(a => a.GetProperty("agencyId").GetString()));
        Assert.Equal([1, 2], ranked.Select(a => a.GetProperty("rank").GetInt32()));
        var brigade = ranked[0];
        Assert.Equal((4L, 2L, 1L, 1L), (brigade.GetProperty("casesEnded").GetInt64(), brigade.GetProperty("decisions").GetInt64(),
            brigade.GetProperty("correctingDecisions").GetInt64(), brigade.GetProperty("withdrawnAfterAgencyCorrected").GetInt64()));
        Assert.Equal(0.5m, brigade.GetProperty("correctionRate").GetProperty("rate").GetDecimal());
        Assert.Equal("R210104", brigade.GetProperty("regionId").GetString());
        Assert.False(string.IsNullOrEmpty(brigade.GetProperty("agencyName").GetString()));
        Assert.Equal("/api/v1/cases?respondentAgencyId=" + Actors.DadongTrafficBrigade, brigade.GetProperty("cases").GetString());

        Assert.Equal([Actors.DadongTrafficBrigade], dadong.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agencyId").GetString()));
    }

    [Fact]
    public async Task An_agency_profile_shows_open_cases_decisions_by_type_and_flaws_by_month()
    {
        var body = (await GetAsync(Actors.DadongOfficer, $"/agencies/{Actors.DadongTrafficBrigade}?from={Today}&to={Today}")).Body;

        Assert.Equal(Actors.DadongTrafficBrigade, body.GetProperty("agencyId").GetString());
        Assert.Equal(1, body.GetProperty("openCases").GetInt64());
        Assert.Equal(
            [("annul", 1L), ("uphold", 1L)],
            body.GetProperty("decisionsByType").EnumerateArray().Select(d => (d.GetProperty("type").GetString(), d.GetProperty("count").GetInt64())));
        Assert.Equal(
            [(Today[..7], "procedure", 1L)],
            body.GetProperty("flawsByMonth").EnumerateArray().Select(f => (f.GetProperty("month").GetString(), f.GetProperty("flaw").GetString(), f.GetProperty("count").GetInt64())));
        Assert.Equal(4, body.GetProperty("figures").GetProperty("counts").GetProperty("casesEnded").GetInt64());
        Assert.Equal(Actors.DadongTrafficBrigade, body.GetProperty("figures").GetProperty("filters").GetProperty("agencyId").GetString());
    }

    [Fact]
    public async Task An_agency_profile_lists_its_open_instruments()
    {
        var body = (await GetAsync(Actors.DadongOfficer, $"/agencies/{Actors.DadongTrafficBrigade}")).Body;

        Assert.Equal((1L, 0L), (body.GetProperty("openNotices").GetInt64(), body.GetProperty("overdueRectifications").GetInt64()));
        var open = Assert.Single(body.GetProperty("openInstruments").EnumerateArray());
        Assert.Equal(world.OpinionLetterId, open.GetProperty("instrumentId").GetString());
        Assert.Equal(("opinionLetter", "received", false), (open.GetProperty("kind").GetString(), open.GetProperty("status").GetString(), open.GetProperty("overdue").GetBoolean()));
        Assert.Matches(@"^大东复意〔\d{4}〕\d+号$", open.GetProperty("number").GetString()!);
        Assert.True(DateOnly.Parse(open.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > DateOnly.Parse(Today, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, body.GetProperty("figures").GetProperty("opinionLettersIssued").GetInt64());

        var heping = (await GetAsync(Actors.Officer(Actors.HepingBody), $"/agencies/{Actors.DadongTrafficBrigade}")).Body;
        Assert.Equal(0, heping.GetProperty("openNotices").GetInt64());
        Assert.Empty(heping.GetProperty("openInstruments").EnumerateArray());
    }

    [Fact]
    public async Task The_supervisors_view_shows_open_notices_and_ranks_by_overdue_rectifications()
    {
        var byOverdue = (await GetAsync(Actors.ProvinceSupervisor, "/agencies?sort=overdueRectifications")).Body;

        Assert.Equal("overdueRectifications", byOverdue.GetProperty("sort").GetString());
        Assert.Equal(
            [(Actors.DadongTrafficBrigade, 1L, 0L), ("A-R210800-SAMR", 0L, 0L)],
            byOverdue.GetProperty("agencies").EnumerateArray().Select(a =>
                (a.GetProperty("agencyId").GetString(), a.GetProperty("openNotices").GetInt64(), a.GetProperty("overdueRectifications").GetInt64())));
        Assert.Equal("correctionRate", (await GetAsync(Actors.ProvinceSupervisor, "/agencies")).Body.GetProperty("sort").GetString());
    }

    [Fact]
    public async Task An_agency_profile_counts_only_what_the_caller_may_list()
    {
        var body = (await GetAsync(Actors.Officer(Actors.HepingBody), $"/agencies/{Actors.DadongTrafficBrigade}")).Body;

        Assert.Equal(0, body.GetProperty("openCases").GetInt64());
        Assert.Empty(body.GetProperty("decisionsByType").EnumerateArray());
        Assert.Equal(0, body.GetProperty("figures").GetProperty("counts").GetProperty("applicationsReceived").GetInt64());
    }

    [Theory]
    [InlineData("?from=2025-13-01", "from")]
    [InlineData("?to=yesterday", "to")]
    [InlineData("?from=2025-03-02&to=2025-03-01", "to")]
    [InlineData("?regionId=R999999", "regionId")]
    [InlineData("?bodyId=A-R210104-TRAFFIC", "bodyId")]
    [InlineData("?agencyId=B-R210104", "agencyId")]
    [InlineData("?regionId=R210100&regionId=R210200", "regionId")]
    [InlineData("?from=2025-01-01&from=2025-02-01&bodyId=nope", "from", "bodyId")]
    [InlineData("/agencies?limit=0", "limit")]
    [InlineData("/agencies?sort=openNotices", "sort")]
    [InlineData("/agencies?agencyId=A-R210104-TRAFFIC", "agencyId")]
    [InlineData("/agencies/A-R210104-TRAFFIC?to=2025-02-30", "to")]
    public async Task Bad_filters_are_a_problem_400_naming_each_parameter(string query, params string[] fields) =>
        (await GetAsync(Actors.ProvinceSupervisor, query)).AssertInvalid(fields);

    [Theory]
    [InlineData("/agencies/A-NO-SUCH")]
    [InlineData("/agencies/B-R210104")]
    public async Task The_profile_of_anything_but_a_known_agency_is_a_problem_404(string path) =>
        (await GetAsync(Actors.ProvinceSupervisor, path)).AssertProblem(404, "not_found");

    private static void AssertFigure(JsonElement body, string name, long numerator, long denominator, decimal rate)
    {
        var figure = body.GetProperty(name);
        Assert.Equal(
            (numerator, denominator, rate),
            (figure.GetProperty("numerator").GetInt64(), figure.GetProperty("denominator").GetInt64(), figure.GetProperty("rate").GetDecimal()));
    }

    private Task<ApiResponse> GetAsync(Who who, string pathAndQuery) =>
        world.Gateway.As(who).GetPathAsync("/api/v1/statistics" + pathAndQuery);
}
