using System.Text.Json;
using CaseGrains.Api.Tests.Infrastructure;
using CaseGrains.Domain.Access;
using static CaseGrains.Api.Tests.Access.AccessWorld;

namespace CaseGrains.Api.Tests.Access;

/// <summary>
/// For every case endpoint and every role: a user from another county, another agency, another intake point,
/// another city's supervision or another applicant is refused exactly as if the case did not exist (404, never 403,
/// never a byte of the case), lists and their totals never show them a case out of their scope whatever they filter
/// by, and those in scope see exactly what the policy gives their role (in full, masked, or as the respondent) and
/// are offered only their role's actions; an action their role may not take is a 403 that changes nothing. All
/// expectations come from the table <see cref="AccessWorld.Matrix"/>.
/// </summary>
public sealed class AccessTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    private const string NoSuchCase = "RC-0000000000000000";

    /// <summary>The case endpoints, each as a request a person makes on a case.</summary>
    private static readonly Dictionary<string, Func<CaseClient, string, Task<ApiResponse>>> Endpoints = new()
    {
        ["GET /cases/{id}"] = (api, id) => api.GetAsync(id),
        ["GET /cases/{id}/history"] = (api, id) => api.HistoryAsync(id),
        ["GET /cases/{id}/history/verification"] = (api, id) => api.VerificationAsync(id),
        ["POST /cases/{id}/actions"] = (api, id) => api.ActAsync(id, StrongestActionOf(api.Role)),
    };

    public static TheoryData<string, string, string> OutOfScope()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var endpoint in Endpoints.Keys)
        {
            foreach (var (person, caseName) in Cells(s => s == Sees.Nothing))
            {
                data.Add(endpoint, person, caseName);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OutOfScope))]
    public async Task Out_of_scope_the_case_endpoints_answer_404_exactly_as_for_a_case_that_does_not_exist(string endpoint, string person, string caseName)
    {
        var api = world.As(person);
        var id = world.Ids[caseName];

        var answer = await Endpoints[endpoint](api, id);
        var nothing = await Endpoints[endpoint](api, NoSuchCase);

        answer.AssertProblem(404, "case_not_found");
        Assert.Equal(nothing.Body.GetProperty("title").GetString(), answer.Body.GetProperty("title").GetString());
        Assert.Equal(nothing.Body.GetProperty("detail").GetString()!.Replace(NoSuchCase, id, StringComparison.Ordinal), answer.Body.GetProperty("detail").GetString());
        Assert.Null(answer.ETag);
        AssertShowsNothingOf(answer, caseName);
        await AssertUnchangedAsync(caseName);
    }

    public static TheoryData<string, string, Sees> InScope()
    {
        var data = new TheoryData<string, string, Sees>();
        foreach (var (person, caseName) in Cells(s => s != Sees.Nothing))
        {
            data.Add(person, caseName, SeenBy(person, caseName));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InScope))]
    public async Task In_scope_the_case_its_history_and_its_list_row_show_what_the_role_may_see(string person, string caseName, Sees sees)
    {
        var api = world.As(person);
        var id = world.Ids[caseName];

        var read = await api.GetAsync(id);
        var history = await api.HistoryAsync(id);
        var verification = await api.VerificationAsync(id);
        var row = (await api.ListAsync("pageSize=200")).Body.GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("caseId").GetString() == id);

        Assert.Equal(200, read.StatusCode);
        Assert.Equal(sees switch { Sees.Full => "full", Sees.Masked => "masked", _ => "respondent" }, read.Body.GetProperty("visibility").GetString());
        AssertApplicantAsSeen(read.Case.GetProperty("applicant"), sees);
        AssertApplicantAccountAsSeen(read.Case, caseName, sees);
        var ofCompetentBody = read.Case.GetProperty("competentBodyId").GetString() == api.OrganisationId;
        Assert.Equal(OfferedOnReceipt(api.Role, ofCompetentBody), read.AllowedActions);

        Assert.Equal(200, history.StatusCode);
        var receipt = Assert.Single(history.Body.EnumerateArray()).GetProperty("payload");
        AssertApplicantAsSeen(receipt.GetProperty("applicant"), sees);
        AssertApplicantAccountAsSeen(receipt, caseName, sees);

        Assert.Equal(200, verification.StatusCode);
        Assert.True(verification.Body.GetProperty("intact").GetBoolean());

        Assert.Equal(ApplicantOf(caseName), row.GetProperty("applicantName").GetString());
        Assert.Equal(1, row.GetProperty("version").GetInt64());
        if (sees == Sees.Respondent)
        {
            Assert.False(row.TryGetProperty("applicantUserId", out _), $"the list row shows the respondent the applicant's account: {row}");
        }
    }

    /// <summary>Queries that aim straight at each case: by its body, agency, region, channel, status or applicant.</summary>
    private static readonly string[] Probes =
    [
        "pageSize=200",
        "pageSize=1",
        "q=" + Uri.EscapeDataString("访问"),
        "q=" + Uri.EscapeDataString(ApplicantOf("traffic")),
        "q=" + Uri.EscapeDataString(ApplicantOf("yingkou")),
        "competentBodyId=B-R210104",
        "competentBodyId=B-R210800",
        "receivingBodyId=B-R210000",
        "receivingBodyId=B-R210804",
        "respondentAgencyId=A-R210104-TRAFFIC",
        "respondentAgencyId=A-R210104-URBAN",
        "respondentAgencyId=A-R210800-SAMR",
        "regionId=R210000",
        "regionId=R210104",
        "regionId=R210800",
        "channel=online",
        "status=received",
        "sort=receivedNewestFirst",
    ];

    public static TheoryData<string> Everyone() => [.. People.Keys];

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Lists_and_their_totals_show_exactly_the_cases_in_scope_whatever_the_filter(string person)
    {
        var api = world.As(person);
        var administrator = world.Gateway.As(Actors.Administrator);
        var mine = CasesSeenBy(person).Select(c => world.Ids[c]).ToHashSet();

        foreach (var probe in Probes)
        {
            var everything = await administrator.ListAsync(Unpaged(probe));
            var expected = Ids(everything).Where(mine.Contains).Order(StringComparer.Ordinal).ToList();

            var listed = await api.ListAsync(probe);

            Assert.True(listed.StatusCode == 200, $"{probe}: {listed}");
            Assert.True(Ids(listed).All(mine.Contains), $"{person} listed a case out of scope with {probe}: {listed.RawBody}");
            Assert.Equal(expected.Count, listed.Body.GetProperty("total").GetInt64());
            if (probe != "pageSize=1")
            {
                Assert.Equal(expected, Ids(listed).Order(StringComparer.Ordinal));
            }

            foreach (var caseName in CaseNames.Where(c => SeenBy(person, c) == Sees.Nothing))
            {
                Assert.DoesNotContain(ApplicantOf(caseName), listed.RawBody, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Person, case, and an action their role may not take although they see the case.</summary>
    public static TheoryData<string, string, string> NotPermitted => new()
    {
        { "staff, Dadong traffic brigade", "traffic", "decide" },
        { "staff, Dadong traffic brigade", "traffic", "accept" },
        { "staff, Dadong traffic brigade", "online", "withdraw" },
        { "staff, Dadong urban management", "urban", "requestCorrection" },
        { "officer, Dadong body", "traffic", "decide" },
        { "officer, Dadong body", "traffic", "extend" },
        { "officer, Dadong body", "traffic", "switchToOrdinary" },
        { "officer, Yingkou city body", "yingkou", "decide" },
        { "clerk, Dadong traffic point", "traffic", "accept" },
        { "clerk, Dadong traffic point", "traffic", "withdraw" },
        { "clerk, Dadong traffic point", "traffic", "decide" },
        { "clerk, online platform", "online", "notAccept" },
        { "applicant u-zhangsan", "online", "accept" },
        { "applicant u-zhangsan", "online", "decide" },
        { "applicant u-zhangsan", "online", "recordReply" },
        { "supervisor, province", "traffic", "accept" },
        { "supervisor, Shenyang", "online", "withdraw" },
        { "supervisor, Dadong", "urban", "decide" },
        { "supervisor, Yingkou", "yingkou", "requestCorrection" },
        { "administrator", "traffic", "accept" },
        { "administrator", "yingkou", "decide" },
    };

    [Theory]
    [MemberData(nameof(NotPermitted))]
    public async Task In_scope_an_action_the_role_may_not_take_is_a_403_and_changes_nothing(string person, string caseName, string action)
    {
        Assert.NotEqual(Sees.Nothing, SeenBy(person, caseName));

        var refused = await world.As(person).ActAsync(world.Ids[caseName], Commands[action]);

        refused.AssertProblem(403, "role_not_permitted");
        Assert.Contains(action, refused.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertUnchangedAsync(caseName);
    }

    /// <summary>Person, intake point and channel where their role may not register an application.</summary>
    public static TheoryData<string, string, string> NotEntitledToReceive => new()
    {
        { "applicant u-zhangsan", Actors.DadongTrafficPoint, "trafficPoliceCollectionPoint" },
        { "applicant u-zhangsan", Actors.OnlinePlatform, "hall" },
        { "applicant u-lisi", Actors.DadongHall, "online" },
        { "clerk, Dadong hall", Actors.DadongTrafficPoint, "trafficPoliceCollectionPoint" },
        { "clerk, online platform", Actors.DadongHall, "hall" },
        { "clerk, Yingkou green channel", Actors.WanquanServicePoint, "servicePoint" },
        { "officer, Heping body (another Shenyang county)", Actors.DadongTrafficPoint, "trafficPoliceCollectionPoint" },
        { "head, Heping body (another Shenyang county)", Actors.DadongHall, "hall" },
        { "head, Shenyang city body (above Dadong)", Actors.DadongTrafficPoint, "trafficPoliceCollectionPoint" },
        { "officer, Dadong body", Actors.YingkouGreenChannel, "greenChannel" },
        { "officer, province body", Actors.DadongHall, "hall" },
        { "staff, Dadong traffic brigade", Actors.DadongTrafficPoint, "trafficPoliceCollectionPoint" },
        { "staff, Dadong urban management", Actors.OnlinePlatform, "online" },
        { "supervisor, province", Actors.OnlinePlatform, "online" },
        { "supervisor, Dadong", Actors.DadongHall, "hall" },
        { "administrator", Actors.DadongHall, "hall" },
    };

    [Theory]
    [MemberData(nameof(NotEntitledToReceive))]
    public async Task Receiving_where_the_role_is_not_entitled_is_a_403_and_opens_no_case(string person, string intakePointId, string channel)
    {
        var administrator = world.Gateway.As(Actors.Administrator);
        var before = (await administrator.ListAsync()).Body.GetProperty("total").GetInt64();
        var application = Applications.Against(Actors.DadongTrafficBrigade, intakePointId, channel, "无权收件");

        var refused = await world.As(person).ReceiveAsync(application);

        refused.AssertProblem(403, "role_not_permitted");
        Assert.Null(refused.Headers.Location);
        Assert.Equal(before, (await administrator.ListAsync()).Body.GetProperty("total").GetInt64());
        Assert.Equal(0, (await administrator.ListAsync("q=" + Uri.EscapeDataString("无权收件"))).Body.GetProperty("total").GetInt64());
    }

    [Fact]
    public void The_table_covers_every_role_and_each_role_has_someone_out_of_scope_of_each_case_that_someone_sees()
    {
        Assert.Equal(Enum.GetValues<Role>().Order(), People.Values.Select(p => p.Role).Distinct().Order());
        Assert.Equal(People.Keys.Order(StringComparer.Ordinal), Matrix.Keys.Order(StringComparer.Ordinal));
        Assert.All(Matrix.Values, row => Assert.Equal(CaseNames.Length, row.Length));
        foreach (var role in Enum.GetValues<Role>().Where(r => r != Role.Administrator))
        {
            var ofRole = People.Where(p => p.Value.Role == role).Select(p => p.Key).ToList();
            Assert.Contains(ofRole, person => CasesSeenBy(person).Count() < CaseNames.Length);
        }
    }

    private static IEnumerable<(string Person, string Case)> Cells(Func<Sees, bool> wanted) =>
        from person in People.Keys
        from caseName in CaseNames
        where wanted(SeenBy(person, caseName))
        select (person, caseName);

    private static void AssertApplicantAsSeen(JsonElement applicant, Sees sees)
    {
        var full = sees == Sees.Full;
        Assert.Equal(full ? IdNumber : MaskedIdNumber, applicant.GetProperty("idNumber").GetString());
        Assert.Equal(full ? Phone : MaskedPhone, applicant.GetProperty("phone").GetString());
        if (sees == Sees.Respondent)
        {
            Assert.False(applicant.TryGetProperty("address", out _), $"the respondent sees the address: {applicant}");
        }
        else
        {
            Assert.Equal(Address, applicant.GetProperty("address").GetString());
        }
    }

    private static void AssertApplicantAccountAsSeen(JsonElement withAccount, string caseName, Sees sees)
    {
        var account = withAccount.TryGetProperty("applicantUserId", out var value) ? value.GetString() : null;
        Assert.Equal(caseName == "online" && sees != Sees.Respondent ? OnlineApplicantAccount : null, account);
    }

    private static void AssertShowsNothingOf(ApiResponse answer, string caseName)
    {
        foreach (var secret in new[] { ApplicantOf(caseName), IdNumber, MaskedIdNumber, Phone, MaskedPhone, Address })
        {
            Assert.DoesNotContain(secret, answer.RawBody, StringComparison.Ordinal);
        }

        Assert.False(answer.Body.TryGetProperty("currentStatus", out _));
        Assert.False(answer.Body.TryGetProperty("allowedActions", out _));
        Assert.False(answer.Body.TryGetProperty("currentVersion", out _));
    }

    /// <summary>Every case of the world stays as received: version 1, one history entry.</summary>
    private async Task AssertUnchangedAsync(string caseName)
    {
        var administrator = world.Gateway.As(Actors.Administrator);
        Assert.Equal(1, (await administrator.GetAsync(world.Ids[caseName])).Version);
        Assert.Equal(1, (await administrator.HistoryAsync(world.Ids[caseName])).Body.GetArrayLength());
    }

    /// <summary>The probe with every row on one page.</summary>
    private static string Unpaged(string probe) =>
        string.Join('&', probe.Split('&').Where(p => !p.StartsWith("pageSize=", StringComparison.Ordinal)).Append("pageSize=200"));

    private static IReadOnlyList<string> Ids(ApiResponse page) =>
        [.. page.Body.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("caseId").GetString()!)];

    /// <summary>The action each role would most want to take on a case it may not see: the one its role exists for.</summary>
    private static object StrongestActionOf(Role role) => Commands[role switch
    {
        Role.Applicant => "withdraw",
        Role.IntakeClerk => "submitCorrection",
        Role.CaseOfficer => "accept",
        Role.AgencyStaff => "recordReply",
        Role.BodyHead => "decide",
        _ => "requestCorrection",
    }];

    /// <summary>Well-formed commands, so that what refuses them is access and nothing else.</summary>
    private static readonly Dictionary<string, object> Commands = new()
    {
        ["accept"] = new { action = "accept", procedure = "ordinary" },
        ["notAccept"] = new { action = "notAccept", ground = "notReviewable", reasons = "不属于行政复议范围" },
        ["requestCorrection"] = new { action = "requestCorrection", missingItems = new[] { "身份证复印件" } },
        ["submitCorrection"] = new { action = "submitCorrection" },
        ["withdraw"] = new { action = "withdraw" },
        ["recordReply"] = new { action = "recordReply" },
        ["extend"] = new { action = "extend", days = 30, approvedBy = Actors.HeadUser },
        ["switchToOrdinary"] = new { action = "switchToOrdinary", approvedBy = Actors.HeadUser },
        ["decide"] = new { action = "decide", type = "uphold", legalBasis = "《行政复议法》第六十八条", summary = "维持", approvedBy = Actors.HeadUser },
    };
}
