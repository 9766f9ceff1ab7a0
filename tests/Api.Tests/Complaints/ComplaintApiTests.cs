using System.Text.Json.Nodes;
using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests.Complaints;

/// <summary>
/// Enforcement complaints through HTTP on PostgreSQL: the walk from registration to closing with its history, who sees
/// and does what (the handling office acts, the offices above watch with the complainant masked, nobody else learns the
/// complaint exists), every refusal as an RFC 9457 problem and never a 500, idempotent retries, a restart in the middle,
/// and the answer period's reminders on the server's clock, which the test moves.
/// </summary>
public sealed class ComplaintApiTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    private const string Complaints = "/api/v1/complaints";

    private readonly CaseClient dadong = gateway.As(Actors.Supervisor(Actors.DadongSupervision));

    private static JsonObject AboutTheBrigade(string conduct = "执法人员未出示执法证件即作出罚款决定", string? receivedOn = null)
    {
        var body = new JsonObject
        {
            ["kind"] = "complaint",
            ["complainant"] = new JsonObject { ["name"] = "王五", ["phone"] = "13912345678" },
            ["agencyId"] = Actors.DadongTrafficBrigade,
            ["conduct"] = conduct,
        };
        if (receivedOn is not null)
        {
            body["receivedOn"] = receivedOn;
        }

        return body;
    }

    private Task<ApiResponse> ReceiveAsync(CaseClient client, JsonObject body, string? key = null) =>
        client.SendAsync(HttpMethod.Post, Complaints, body.ToJsonString(), idempotencyKey: key);

    private static Task<ApiResponse> ActAsync(CaseClient client, string id, object command, string? ifMatch = null, string? key = null) =>
        client.SendAsync(HttpMethod.Post, $"{Complaints}/{id}/actions", CaseClient.Json(command), ifMatch, key);

    private static async Task<ApiResponse> DoAsync(CaseClient client, string id, object command)
    {
        var done = await ActAsync(client, id, command);
        Assert.True(done.StatusCode == 200, $"{CaseClient.Json(command)} failed: {done}");
        return done;
    }

    private async Task<string> ReceivedAsync(JsonObject? body = null)
    {
        var received = await ReceiveAsync(dadong, body ?? AboutTheBrigade());
        Assert.True(received.StatusCode == 201, $"receipt failed: {received}");
        return received.Id;
    }

    [Fact]
    public async Task A_complaint_is_registered_handled_answered_and_closed_and_its_history_is_chained()
    {
        var received = await ReceiveAsync(dadong, AboutTheBrigade("走完全程"), key: "complaint-walk-1");
        Assert.Equal(201, received.StatusCode);
        Assert.Matches("^CP-[0-9a-f]{16}$", received.Id);
        Assert.Equal($"/api/v1/complaints/{received.Id}", received.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", received.ETag);
        Assert.Equal(Actors.DadongSupervision, received.Body.GetProperty("complaint").GetProperty("handlingOfficeId").GetString());
        Assert.Equal("complaintAnswer", received.Deadlines[0].GetProperty("kind").GetString());
        var id = received.Id;

        var retried = await ReceiveAsync(dadong, AboutTheBrigade("走完全程"), key: "complaint-walk-1");
        Assert.Equal((201, true, id), (retried.StatusCode, retried.Replayed, retried.Id));

        var verified = await ActAsync(dadong, id, new { action = "verifyComplaint", summary = "属于行政执法行为", reason = "符合受理条件" }, ifMatch: "\"1\"");
        Assert.Equal(200, verified.StatusCode);
        var handled = await DoAsync(dadong, id, new
        {
            action = "handleComplaint",
            substantiated = true,
            flaws = new[] { "procedure" },
            correctiveAction = "责令撤销罚款决定并重新作出",
            legalBasis = "《中华人民共和国行政处罚法》第五十五条",
            summary = "未出示执法证件，程序违法",
            reason = "调取执法记录仪核实",
        });
        var finding = handled.Body.GetProperty("finding");
        Assert.Equal(("complaint", Actors.DadongTrafficBrigade, 3), (finding.GetProperty("source").GetString(), finding.GetProperty("agencyId").GetString(), finding.GetProperty("sourceVersion").GetInt32()));
        await DoAsync(dadong, id, new { action = "answerComplainant", summary = "投诉属实，已责令纠正" });
        var closed = await DoAsync(dadong, id, new { action = "closeComplaint", reason = "答复已送达" });
        Assert.Equal(("closed", 5L), (closed.Body.GetProperty("complaint").GetProperty("status").GetString(), closed.Version));

        var history = (await dadong.GetPathAsync($"{Complaints}/{id}/history")).Body.EnumerateArray().ToList();
        Assert.Equal(["receiveComplaint", "verifyComplaint", "handleComplaint", "answerComplainant", "closeComplaint"], history.Select(e => e.GetProperty("action").GetString()));
        Assert.All(history, e => Assert.Equal($"supervisor-{Actors.DadongSupervision}", e.GetProperty("actorUserId").GetString()));
        Assert.Equal("调取执法记录仪核实", history[2].GetProperty("reason").GetString());
        Assert.Equal("王五", history[0].GetProperty("payload").GetProperty("complainant").GetProperty("name").GetString());
        Assert.True((await dadong.GetPathAsync($"{Complaints}/{id}/history/verification")).Body.GetProperty("intact").GetBoolean());

        var listed = await dadong.GetPathAsync($"{Complaints}?status=closed&substantiated=true&agencyId={Actors.DadongTrafficBrigade}&pageSize=200");
        Assert.Contains(listed.Body.GetProperty("items").EnumerateArray(), i => i.GetProperty("complaintId").GetString() == id);
    }

    [Fact]
    public async Task The_handling_office_acts_the_offices_above_watch_masked_and_no_one_else_learns_the_complaint_exists()
    {
        var id = await ReceivedAsync(AboutTheBrigade("谁能看到"));
        var shenyang = gateway.As(Actors.Supervisor(Actors.ShenyangSupervision));
        var yingkou = gateway.As(Actors.Supervisor(Actors.YingkouSupervision));
        var brigade = gateway.As(Actors.AgencyStaff(Actors.DadongTrafficBrigade));

        var watched = await shenyang.GetPathAsync($"{Complaints}/{id}");
        Assert.Equal(200, watched.StatusCode);
        var complainant = watched.Body.GetProperty("complaint").GetProperty("complainant");
        Assert.Equal(("王*", "139****5678"), (complainant.GetProperty("name").GetString(), complainant.GetProperty("phone").GetString()));
        Assert.Empty(watched.AllowedActions);
        Assert.DoesNotContain("王五", (await shenyang.GetPathAsync($"{Complaints}/{id}/history")).RawBody, StringComparison.Ordinal);
        (await ActAsync(shenyang, id, new { action = "verifyComplaint", summary = "越权核查" })).AssertProblem(403, "role_not_permitted");
        var administered = await gateway.As(Actors.Administrator).GetPathAsync($"{Complaints}/{id}");
        Assert.Equal("王*", administered.Body.GetProperty("complaint").GetProperty("complainant").GetProperty("name").GetString());

        foreach (var outsider in new[] { yingkou, brigade, gateway.As(Actors.DadongHead), gateway.As(Actors.TrafficPointClerk) })
        {
            (await outsider.GetPathAsync($"{Complaints}/{id}")).AssertProblem(404, "complaint_not_found");
            (await outsider.GetPathAsync($"{Complaints}/{id}/history")).AssertProblem(404, "complaint_not_found");
            (await ActAsync(outsider, id, new { action = "verifyComplaint", summary = "核查" })).AssertProblem(404, "complaint_not_found");
            var list = await outsider.GetPathAsync($"{Complaints}?pageSize=200");
            Assert.DoesNotContain(list.Body.GetProperty("items").EnumerateArray(), i => i.GetProperty("complaintId").GetString() == id);
        }

        Assert.Contains((await shenyang.GetPathAsync($"{Complaints}?pageSize=200")).Body.GetProperty("items").EnumerateArray(), i => i.GetProperty("complaintId").GetString() == id);
        Assert.Equal(0, (await brigade.GetPathAsync(Complaints)).Body.GetProperty("total").GetInt32());
        (await ReceiveAsync(yingkou, AboutTheBrigade())).AssertProblem(403, "role_not_permitted");
        (await ReceiveAsync(brigade, AboutTheBrigade())).AssertProblem(403, "role_not_permitted");
    }

    [Fact]
    public async Task Bad_input_is_a_4xx_problem_naming_what_is_wrong_and_never_a_server_error()
    {
        var id = await ReceivedAsync(AboutTheBrigade("坏输入"));
        var noConduct = AboutTheBrigade();
        noConduct.Remove("conduct");
        var badPhone = AboutTheBrigade();
        badPhone["complainant"]!["phone"] = "12345";
        var anonymousComplaint = AboutTheBrigade();
        anonymousComplaint.Remove("complainant");
        var unknownProperty = AboutTheBrigade();
        unknownProperty["idNumber"] = "210104199003071236";
        var badKind = AboutTheBrigade();
        badKind["kind"] = "petition";
        var future = AboutTheBrigade(receivedOn: gateway.Clock.ChinaToday.AddDays(3).ToString("yyyy-MM-dd"));
        var notAnAgency = AboutTheBrigade();
        notAnAgency["agencyId"] = Actors.DadongBody;

        (await ReceiveAsync(dadong, noConduct)).AssertInvalid("$.conduct");
        (await ReceiveAsync(dadong, badPhone)).AssertInvalid("complainant.phone");
        (await ReceiveAsync(dadong, anonymousComplaint)).AssertProblem(400, "complainant_required");
        (await ReceiveAsync(dadong, unknownProperty)).AssertProblem(400);
        (await ReceiveAsync(dadong, badKind)).AssertProblem(400);
        (await ReceiveAsync(dadong, future)).AssertProblem(400);
        (await ReceiveAsync(dadong, notAnAgency)).AssertInvalid("agencyId");
        (await dadong.SendAsync(HttpMethod.Post, Complaints, "{", idempotencyKey: null)).AssertProblem(400);
        (await dadong.SendAsync(HttpMethod.Post, Complaints, "null")).AssertProblem(400);
        (await dadong.SendAsync(HttpMethod.Post, Complaints, AboutTheBrigade().ToJsonString(), contentType: "text/plain")).AssertProblem(415, "unsupported_media_type");
        (await dadong.SendAsync(HttpMethod.Post, Complaints, AboutTheBrigade().ToJsonString(), authenticated: false)).AssertProblem(401);

        (await ActAsync(dadong, id, new { action = "answerComplainant", summary = "答复" })).AssertProblem(409, "action_not_allowed");
        (await ActAsync(dadong, id, new { action = "verifyComplaint", summary = "" })).AssertInvalid("summary");
        (await ActAsync(dadong, id, new { action = "verifyComplaint", summary = "核查" }, ifMatch: "\"9\"")).AssertProblem(412, "version_mismatch");
        (await ActAsync(dadong, id, new { action = "verifyComplaint", summary = "核查" }, ifMatch: "nine")).AssertInvalid("If-Match");
        (await ActAsync(dadong, id, new { summary = "核查" })).AssertProblem(400);
        (await ActAsync(dadong, id, new { action = "decide" })).AssertProblem(400);
        (await ActAsync(dadong, id, new { action = "fireComplaintReminder", kind = "complaintAnswer", deadlineId = 0, step = "overdue", dueOn = "2026-01-01" }))
            .AssertProblem(403, "role_not_permitted");
        await DoAsync(dadong, id, new { action = "verifyComplaint", summary = "核查" });
        (await ActAsync(dadong, id, new { action = "handleComplaint", substantiated = true, summary = "属实" })).AssertInvalid("flaws");
        (await ActAsync(dadong, id, new { action = "handleComplaint", substantiated = false, summary = "不属实", correctiveAction = "整改" })).AssertInvalid("correctiveAction");
        (await ActAsync(dadong, id, new { action = "handleComplaint", substantiated = true, flaws = new[] { "guesswork" }, summary = "属实" })).AssertProblem(400);

        (await dadong.GetPathAsync($"{Complaints}/RC-0000000000000000")).AssertProblem(404);
        (await dadong.GetPathAsync($"{Complaints}/CP-0000000000000000")).AssertProblem(404, "complaint_not_found");
        (await ActAsync(dadong, "not-an-id", new { action = "closeComplaint" })).AssertProblem(404);
        var badList = await dadong.GetPathAsync($"{Complaints}?status=lost&kind=petition&overdue=maybe&pageSize=500&sort=random");
        badList.AssertInvalid("status", "kind", "overdue", "pageSize", "sort");
        Assert.Equal(2, (await dadong.GetPathAsync($"{Complaints}/{id}")).Version);
    }

    [Fact]
    public async Task A_complaint_half_way_reads_the_same_after_a_restart_and_goes_on_and_a_key_is_still_recognised()
    {
        var id = await ReceivedAsync(AboutTheBrigade("重启不丢"));
        var verify = new { action = "verifyComplaint", summary = "核查" };
        await ActAsync(dadong, id, verify, key: "verify-before-restart");
        var before = await dadong.GetPathAsync($"{Complaints}/{id}");
        var historyBefore = await dadong.GetPathAsync($"{Complaints}/{id}/history");

        await gateway.RestartAsync();

        var after = await dadong.GetPathAsync($"{Complaints}/{id}");
        Assert.Equal(before.RawBody, after.RawBody);
        Assert.Equal(historyBefore.RawBody, (await dadong.GetPathAsync($"{Complaints}/{id}/history")).RawBody);
        var retry = await ActAsync(dadong, id, verify, key: "verify-before-restart");
        Assert.Equal((200, true, 2L), (retry.StatusCode, retry.Replayed, retry.Version));
        await DoAsync(dadong, id, new { action = "handleComplaint", substantiated = false, summary = "经核查不属实" });
        var answered = await DoAsync(dadong, id, new { action = "answerComplainant", summary = "经核查不属实" });
        Assert.Equal(4L, answered.Version);
        Assert.True((await dadong.GetPathAsync($"{Complaints}/{id}/history/verification")).Body.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task An_answer_period_nobody_met_is_marked_overdue_by_the_system_and_reaches_the_handling_offices_inbox()
    {
        var id = await ReceivedAsync(AboutTheBrigade("无人答复"));
        var dueOn = (await dadong.GetPathAsync($"{Complaints}/{id}")).Deadlines[0].GetProperty("dueOn").GetString()!;
        var overdueBefore = await dadong.GetPathAsync($"{Complaints}?overdue=true&pageSize=200");
        Assert.DoesNotContain(overdueBefore.Body.GetProperty("items").EnumerateArray(), i => i.GetProperty("complaintId").GetString() == id);

        gateway.Clock.TravelDays(75);
        await gateway.TickSchedulerAsync();
        await gateway.TickSchedulerAsync();

        var overdue = await dadong.GetPathAsync($"{Complaints}/{id}");
        Assert.True(overdue.Body.GetProperty("complaint").GetProperty("answerOverdue").GetBoolean());
        Assert.Equal("missed", overdue.Deadlines[0].GetProperty("status").GetString());
        var fired = (await dadong.GetPathAsync($"{Complaints}/{id}/history")).Body.EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "fireComplaintReminder").ToList();
        var step = Assert.Single(fired);
        Assert.Equal(("system", "overdue", dueOn), (step.GetProperty("actorUserId").GetString(), step.GetProperty("payload").GetProperty("step").GetString(),
            step.GetProperty("payload").GetProperty("dueOn").GetString()));
        var listed = await dadong.GetPathAsync($"{Complaints}?overdue=true&pageSize=200");
        Assert.Contains(listed.Body.GetProperty("items").EnumerateArray(), i => i.GetProperty("complaintId").GetString() == id);

        var inbox = await dadong.GetPathAsync($"/api/v1/notifications?caseId={id}");
        var notice = Assert.Single(inbox.Body.GetProperty("items").EnumerateArray());
        Assert.StartsWith("【逾期】投诉举报" + id, notice.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Empty((await gateway.As(Actors.Supervisor(Actors.ShenyangSupervision)).GetPathAsync($"/api/v1/notifications?caseId={id}")).Body.GetProperty("items").EnumerateArray());
    }
}
