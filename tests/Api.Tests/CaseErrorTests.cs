using System.Text.Json.Nodes;
using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Every way a case request can be refused, with its status: 400 names each invalid field, 404 an unknown case,
/// 409 an action the state does not allow, 412 a stale If-Match, 422 a rule of law. Every refusal is
/// application/problem+json with a Chinese title, an English detail and a code, and none is a 500.
/// </summary>
public sealed class CaseErrorTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    private readonly CaseClient api = gateway.Cases();

    public static TheoryData<string, string, string[]> InvalidApplications => new()
    {
        { "a missing required field", Without(Applications.TrafficFine(), "claims"), ["$.claims"] },
        { "several missing required fields", Without(Without(Applications.TrafficFine(), "claims"), "channel"), ["$.claims", "$.channel"] },
        { "a missing nested required field", Applications.TrafficFine().With(b => b["challengedAct"]!.AsObject().Remove("knownOn")).ToJsonString(), ["$.challengedAct.knownOn"] },
        { "an unknown property", Applications.TrafficFine().With(b => b["applicant"]!["nickname"] = "小张").ToJsonString(), ["$.applicant.nickname"] },
        { "an unknown top-level property", Applications.TrafficFine().With(b => b["priority"] = "high").ToJsonString(), ["$.priority"] },
        { "a wrong type", Applications.TrafficFine().With(b => b["challengedAct"]!["amountYuan"] = "两百").ToJsonString(), ["$.challengedAct.amountYuan"] },
        { "a string for a boolean", Applications.TrafficFine().With(b => b["enterpriseRelated"] = "yes").ToJsonString(), ["$.enterpriseRelated"] },
        { "null for a required object", Applications.TrafficFine().With(b => b["applicant"] = null).ToJsonString(), ["$.applicant"] },
        { "an unknown enum value", Applications.TrafficFine().With(b => b["channel"] = "carrierPigeon").ToJsonString(), ["$.channel"] },
        { "an integer for an enum", Applications.TrafficFine().With(b => b["applicant"]!["kind"] = 0).ToJsonString(), ["$.applicant.kind"] },
        { "an invalid date", Applications.TrafficFine().With(b => b["challengedAct"]!["actOn"] = "2025-02-30").ToJsonString(), ["$.challengedAct.actOn"] },
        { "a date in another format", Applications.TrafficFine().With(b => b["challengedAct"]!["knownOn"] = "10/11/2025").ToJsonString(), ["$.challengedAct.knownOn"] },
        { "a number too large", Applications.TrafficFine().With(b => b["challengedAct"]!["amountYuan"] = JsonNode.Parse("1e400")).ToJsonString(), ["$.challengedAct.amountYuan"] },
        { "malformed JSON", """{"applicant": {"kind": "person", """, ["$.applicant"] },
        { "a trailing comma", Applications.TrafficFine().ToJsonString().TrimEnd('}') + ",}", ["$"] },
        { "an empty body", string.Empty, ["$"] },
        { "null", "null", ["$"] },
        { "an array", "[]", ["$"] },
        { "nesting deeper than allowed", Applications.TrafficFine().ToJsonString().TrimEnd('}') + ",\"x\":" + new string('[', 100) + new string(']', 100) + "}", ["$.x"] },
        { "an unpaired surrogate", Applications.TrafficFine().ToJsonString().Replace("\"claims\":\"", "\"claims\":\"\\ud800", StringComparison.Ordinal), ["$.claims"] },
        { "a property given twice", Applications.TrafficFine().ToJsonString().Replace("\"claims\":", "\"claims\":\"先\",\"claims\":", StringComparison.Ordinal), ["$.claims"] },
        { "an ID number with a wrong check character", Applications.TrafficFine().With(b => b["applicant"]!["idNumber"] = "210102199003074512").ToJsonString(), ["applicant.idNumber"] },
        { "a blank name", Applications.TrafficFine().With(b => b["applicant"]!["name"] = "  ").ToJsonString(), ["applicant.name"] },
        { "a date in the future", Applications.TrafficFine().With(b => b["challengedAct"]!["actOn"] = Dates.ChinaToday.AddYears(1).Iso()).ToJsonString(), ["challengedAct.actOn"] },
        { "a negative amount", Applications.TrafficFine().With(b => b["challengedAct"]!["amountYuan"] = -1).ToJsonString(), ["challengedAct.amountYuan"] },
        { "an unknown intake point", Applications.TrafficFine().With(b => b["intakePointId"] = "I-NOWHERE").ToJsonString(), ["intakePointId"] },
        { "an agency that is not an agency", Applications.TrafficFine().With(b => b["respondentAgencyId"] = Actors.DadongBody).ToJsonString(), ["respondentAgencyId"] },
        { "a control character in a name", Applications.TrafficFine().With(b => b["applicant"]!["name"] = "张\u0007三").ToJsonString(), ["$.applicant.name"] },
        { "a right-to-left override in a name", Applications.TrafficFine().With(b => b["applicant"]!["name"] = "张三\u202e伪装").ToJsonString(), ["$.applicant.name"] },
        { "a text longer than any field allows", Applications.TrafficFine().With(b => b["claims"] = new string('请', 10_001)).ToJsonString(), ["$.claims"] },
        { "a claim longer than the record allows", Applications.TrafficFine().With(b => b["claims"] = new string('请', 5_001)).ToJsonString(), ["claims"] },
    };

    [Theory]
    [MemberData(nameof(InvalidApplications))]
    public async Task An_invalid_application_is_a_400_naming_each_invalid_field_and_opens_no_case(string what, string body, string[] fields)
    {
        var before = await CountCasesAsync();
        var refused = await api.SendAsync(HttpMethod.Post, "/api/v1/cases", body);

        Assert.True(refused.StatusCode == 400, $"{what}: {refused}");
        refused.AssertInvalid(fields);
        Assert.False(refused.Headers.Contains("Location"));
        Assert.Equal(before, await CountCasesAsync());
    }

    public static TheoryData<string, string, string[]> InvalidCommands => new()
    {
        { "an unknown action", """{"action":"fly"}""", ["$"] },
        { "no action", """{"procedure":"ordinary","isMajor":false}""", ["$.action"] },
        { "an empty object", "{}", ["$.action"] },
        { "a null action", """{"action":null}""", ["$.action"] },
        { "an integer action", """{"action":6}""", ["$"] },
        { "an action in the wrong case style", """{"action":"Accept","procedure":"ordinary"}""", ["$"] },
        { "a missing required field", """{"action":"accept"}""", ["$.procedure"] },
        { "several missing required fields", """{"action":"decide","type":"uphold"}""", ["$.legalBasis", "$.summary", "$.approvedBy"] },
        { "an unknown property", """{"action":"accept","procedure":"ordinary","fastTrack":true}""", ["$.fastTrack"] },
        { "an unknown enum value", """{"action":"accept","procedure":"express"}""", ["$.procedure"] },
        { "an integer for an enum", """{"action":"accept","procedure":1}""", ["$.procedure"] },
        { "a wrong type", """{"action":"accept","procedure":"ordinary","isMajor":"yes"}""", ["$.isMajor"] },
        { "an invalid date", """{"action":"scheduleHearing","hearingOn":"2026-13-01"}""", ["$.hearingOn"] },
        { "an integer out of range", """{"action":"extend","days":99999999999,"approvedBy":"head"}""", ["$.days"] },
        { "malformed JSON", """{"action":"accept",""", ["$"] },
        { "a blank required text", """{"action":"resolveBeforeFiling","summary":" "}""", ["summary"] },
        { "an input the domain rejects", """{"action":"accept","procedure":"simplified"}""", ["simplifiedGround"] },
    };

    [Theory]
    [MemberData(nameof(InvalidCommands))]
    public async Task An_invalid_action_is_a_400_naming_each_invalid_field_and_changes_nothing(string what, string body, string[] fields)
    {
        var id = (await api.ReceivedAsync()).Id;

        var refused = await api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/actions", body);

        Assert.True(refused.StatusCode == 400, $"{what}: {refused}");
        refused.AssertInvalid(fields);
        Assert.Equal(1, (await api.GetAsync(id)).Version);
    }

    [Fact]
    public async Task Requests_without_a_valid_token_are_401_and_change_nothing()
    {
        var id = (await api.ReceivedAsync()).Id;

        var receipt = await api.SendAsync(HttpMethod.Post, "/api/v1/cases", Applications.TrafficFine().ToJsonString(), authenticated: false);
        var action = await api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/actions", """{"action":"close"}""", authenticated: false);
        var read = await api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{id}", authenticated: false);

        receipt.AssertProblem(401, "unauthenticated");
        action.AssertProblem(401, "unauthenticated");
        read.AssertProblem(401, "unauthenticated");
        Assert.Equal(1, (await api.GetAsync(id)).Version);
    }

    [Fact]
    public async Task A_token_for_an_organisation_outside_the_directory_is_refused()
    {
        var id = (await api.ReceivedAsync()).Id;

        var stranger = await api.As("someone", "B-NOWHERE").ActAsync(id, new { action = "withdraw" });

        stranger.AssertProblem(403, "unknown_principal");
        Assert.Equal(1, (await api.GetAsync(id)).Version);
    }

    [Fact]
    public async Task Malformed_headers_are_400s_naming_the_header_and_a_body_that_is_not_JSON_is_a_415()
    {
        var id = (await api.ReceivedAsync()).Id;
        var accept = """{"action":"accept","procedure":"ordinary"}""";

        (await api.ActAsync(id, accept, ifMatch: "version-1")).AssertInvalid("If-Match");
        (await api.ActAsync(id, accept, ifMatch: "\"-1\"")).AssertInvalid("If-Match");
        (await api.ActAsync(id, accept, idempotencyKey: new string('k', 201))).AssertInvalid("Idempotency-Key");
        (await api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/actions", accept, contentType: "text/plain")).AssertProblem(415, "unsupported_media_type");
        (await api.SendAsync(HttpMethod.Post, "/api/v1/cases", "<application/>", contentType: "application/xml")).AssertProblem(415, "unsupported_media_type");
        Assert.Equal(1, (await api.GetAsync(id)).Version);
    }

    [Theory]
    [InlineData("RC-0000000000000000")]
    [InlineData("RC-ffffffffffffffff")]
    [InlineData("not-a-case")]
    [InlineData("RC-0000")]
    [InlineData("RC-ABCDEF0123456789")]
    [InlineData("1234")]
    public async Task An_unknown_or_malformed_case_id_is_a_404_for_reading_history_and_actions(string id)
    {
        (await api.GetAsync(id)).AssertProblem(404, "case_not_found");
        (await api.HistoryAsync(id)).AssertProblem(404, "case_not_found");
        (await api.ActAsync(id, new { action = "close" })).AssertProblem(404, "case_not_found");
    }

    [Fact]
    public async Task An_action_the_state_does_not_allow_is_a_409_with_the_current_status_and_the_allowed_actions()
    {
        var id = (await api.ReceivedAsync()).Id;

        var refused = await api.ActAsync(id, new { action = "decide", type = "uphold", legalBasis = "第六十八条", summary = "维持", approvedBy = "head" });

        refused.AssertProblem(409, "action_not_allowed");
        Assert.Equal("received", refused.Body.GetProperty("currentStatus").GetString());
        Assert.Equal(
            ["resolveBeforeFiling", "requestCorrection", "accept", "deemAccepted", "notAccept", "withdraw"],
            ApiResponse.Strings(refused.Body.GetProperty("allowedActions")));
        Assert.Equal(1, (await api.GetAsync(id)).Version);

        // Once ended, nothing but closing is allowed.
        await api.DoAsync(id, new { action = "withdraw" });
        var afterEnd = await api.ActAsync(id, new { action = "accept", procedure = "ordinary" });
        afterEnd.AssertProblem(409, "action_not_allowed");
        Assert.Equal("terminated", afterEnd.Body.GetProperty("currentStatus").GetString());
        Assert.Equal(["close"], ApiResponse.Strings(afterEnd.Body.GetProperty("allowedActions")));
    }

    [Fact]
    public async Task A_stale_If_Match_is_a_412_whose_ETag_carries_the_current_version()
    {
        var received = await api.ReceivedAsync();
        var accepted = await api.ActAsync(received.Id, new { action = "accept", procedure = "ordinary" }, ifMatch: received.ETag);
        Assert.Equal(200, accepted.StatusCode);
        Assert.Equal("\"2\"", accepted.ETag);

        var stale = await api.ActAsync(received.Id, new { action = "sendCopyToRespondent" }, ifMatch: received.ETag);

        stale.AssertProblem(412, "version_mismatch");
        Assert.Equal("\"2\"", stale.ETag);
        Assert.Equal(2, stale.Body.GetProperty("currentVersion").GetInt64());
        var current = await api.GetAsync(received.Id);
        Assert.Equal(2, current.Version);
        Assert.Equal("\"2\"", current.ETag);

        // With the current ETag (or a weak one, or *), the same action goes through.
        Assert.Equal(200, (await api.ActAsync(received.Id, new { action = "sendCopyToRespondent" }, ifMatch: "W/\"2\"")).StatusCode);
        Assert.Equal(200, (await api.ActAsync(received.Id, new { action = "recordReply" }, ifMatch: "*")).StatusCode);
    }

    [Fact]
    public async Task Extending_a_simplified_case_is_a_422_citing_the_law_and_changes_nothing()
    {
        var id = (await api.ReceivedAsync()).Id;
        var accepted = await api.DoAsync(id, new { action = "accept", procedure = "simplified", simplifiedGround = "onTheSpotDecision" });
        Assert.Equal("simplified", accepted.Case.GetProperty("procedure").GetString());
        Assert.Contains("extend", accepted.AllowedActions);

        var refused = await api.ActAsync(id, new { action = "extend", days = 10, approvedBy = Actors.HeadUser });

        refused.AssertProblem(422, "extension_not_allowed_for_simplified_procedure");
        Assert.Contains("第六十二条", refused.Body.GetProperty("legalBasis").GetString());
        var after = await api.GetAsync(id);
        Assert.Equal(2, after.Version);
        Assert.Equal(accepted.Deadline("decision").GetProperty("dueOn").GetString(), after.Deadline("decision").GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task The_simplified_procedure_for_an_act_it_does_not_fit_is_a_422()
    {
        var notOnTheSpot = Applications.TrafficFine().With(b => b["challengedAct"]!["madeOnTheSpot"] = false);
        var id = (await api.ReceivedAsync(notOnTheSpot)).Id;

        (await api.ActAsync(id, new { action = "accept", procedure = "simplified", simplifiedGround = "onTheSpotDecision" }))
            .AssertProblem(422, "simplified_procedure_not_applicable");
        (await api.ActAsync(id, new { action = "accept", procedure = "simplified", simplifiedGround = "smallAmount", isMajor = true }))
            .AssertProblem(422, "simplified_procedure_not_for_major_case");
        Assert.Equal("received", (await api.GetAsync(id)).CaseStatus);
    }

    [Fact]
    public async Task Steps_that_need_a_period_to_have_passed_are_422s_while_it_runs()
    {
        var id = (await api.ReceivedAsync()).Id;
        (await api.ActAsync(id, new { action = "deemAccepted" })).AssertProblem(422, "review_period_not_over");

        await api.DoAsync(id, new { action = "requestCorrection", missingItems = new[] { "身份证复印件" } });
        (await api.ActAsync(id, new { action = "declareAbandoned" })).AssertProblem(422, "correction_period_not_over");

        await api.DoAsync(id, new { action = "submitCorrection" });
        await api.DoAsync(id, new { action = "accept", procedure = "ordinary" });
        await api.DoAsync(id, new { action = "sendCopyToRespondent" });
        (await api.ActAsync(id, new { action = "recordNoReply" })).AssertProblem(422, "reply_period_not_over");

        var history = await api.HistoryAsync(id);
        Assert.Equal(5, history.Body.GetArrayLength());
    }

    [Fact]
    public async Task Decisions_that_break_a_rule_of_law_are_422s_and_a_lawful_one_then_goes_through()
    {
        var id = (await api.ReceivedAsync()).Id;
        await api.DoAsync(id, new { action = "accept", procedure = "ordinary" });

        (await api.ActAsync(id, Decide("uphold"))).AssertProblem(422, "respondent_not_heard");
        await api.DoAsync(id, new { action = "sendCopyToRespondent" });
        await api.DoAsync(id, new { action = "recordReply" });
        (await api.ActAsync(id, Decide("annul"))).AssertProblem(422, "findings_required");
        (await api.ActAsync(id, Decide("uphold", ["facts"]))).AssertProblem(422, "findings_not_allowed");
        (await api.ActAsync(id, Decide("declareUnlawful", ["procedure"], orderNewAct: true))).AssertProblem(422, "new_act_order_not_applicable");
        Assert.Equal(4, (await api.GetAsync(id)).Version);

        Assert.Equal("decided", (await api.DoAsync(id, Decide("uphold"))).CaseStatus);
    }

    [Fact]
    public async Task Nothing_a_client_sends_makes_the_server_fail()
    {
        var id = (await api.ReceivedAsync()).Id;
        string[] bodies =
        [
            """{"action":"scheduleHearing","hearingOn":"9999-12-31"}""",
            """{"action":"scheduleHearing","hearingOn":"0001-01-01"}""",
            """{"action":"extend","days":-2147483648,"approvedBy":"head"}""",
            """{"action":"recordReply","receivedOn":"0001-01-01"}""",
            """{"action":"requestCorrection","missingItems":[]}""",
            """{"action":"requestCorrection","missingItems":null}""",
            """{"action":"requestCorrection","missingItems":[null]}""",
            """{"action":"notAccept","ground":"wrongJurisdiction","reasons":"x"}""",
            """{"action":"terminate","ground":"suspensionLapsed"}""",
            """{"action":"accept","procedure":"ordinary","action":"close"}""",
            """{"reason":"x","action":"withdraw","afterAgencyCorrected":"no"}""",
            "\"accept\"",
            "42",
            "{\"action\":\"accept\",\"procedure\":\"ordinary\"}{}",
        ];

        foreach (var body in bodies)
        {
            var answer = await api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/actions", body);
            Assert.True(answer.StatusCode < 500, $"{body}: {answer}");
            if (!answer.IsSuccess)
            {
                answer.AssertProblem(answer.StatusCode);
            }
        }

        var extremes = Applications.TrafficFine().With(b =>
        {
            b["receivedOn"] = "0001-01-02";
            b["challengedAct"]!["actOn"] = "0001-01-01";
            b["challengedAct"]!["knownOn"] = "0001-01-01";
        });
        Assert.True((await api.ReceiveAsync(extremes)).StatusCode < 500);
        Assert.True((await api.ListAsync("overdue=true")).StatusCode == 200);
    }

    private static object Decide(string type, string[]? findings = null, bool orderNewAct = false) => new
    {
        action = "decide",
        type,
        findings = findings ?? [],
        legalBasis = "《行政复议法》",
        summary = "决定",
        approvedBy = Actors.HeadUser,
        orderNewAct,
    };

    private static string Without(JsonObject body, string property) => body.With(b => b.Remove(property)).ToJsonString();

    private static string Without(string body, string property) => Without(JsonNode.Parse(body)!.AsObject(), property);

    private async Task<long> CountCasesAsync() =>
        await gateway.Database.ScalarAsync<long>("SELECT count(*) FROM cases");
}
