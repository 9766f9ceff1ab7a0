using System.Text.Json;
using CaseGrains.Api.Tests.Infrastructure;
using CaseGrains.Domain.Access;

namespace CaseGrains.Api.Tests.Supervision;

/// <summary>
/// Enforcement supervision through HTTP on PostgreSQL: decided cases reach their agency's record, whose pattern drafts a
/// notice; the supervision office issues it under a gap-free number, the agency receives it, lets it run out, and the
/// matter escalates to the city supervisor, who finds it in their list and inbox and takes a follow-up; the agency then
/// reports and the office accepts and closes. From a case, an officer drafts an opinion letter the head issues, or
/// converts the case. Every step is in the instrument's history with who, when and why.
/// </summary>
public sealed class SupervisionApiTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    private static readonly Who DadongSupervisor = Actors.Supervisor(Actors.DadongSupervision);
    private static readonly Who CitySupervisor = Actors.Supervisor(Actors.ShenyangSupervision);
    private static readonly Who UrbanStaff = Actors.AgencyStaff(Actors.DadongUrbanManagement);

    private readonly CaseClient head = gateway.As(Actors.DadongHead);

    [Fact]
    public async Task A_pattern_notice_runs_from_draft_through_escalation_to_closing()
    {
        var cases = new List<string>();
        foreach (var i in Enumerable.Range(0, 3))
        {
            cases.Add(await DecidedAsync(Actors.DadongUrbanManagement, "procedure", $"赵{i}"));
        }

        var agency = await gateway.As(DadongSupervisor).GetPathAsync($"/api/v1/agencies/{Actors.DadongUrbanManagement}");
        Assert.Equal(200, agency.StatusCode);
        Assert.Equal(3, agency.Body.GetProperty("flawCounts").GetProperty("procedure").GetInt32());
        Assert.Equal(1m, agency.Body.GetProperty("correctionRate").GetDecimal());
        var notice = Assert.Single(agency.Body.GetProperty("notices").EnumerateArray());
        Assert.Equal(cases.Order(StringComparer.Ordinal), ApiResponse.Strings(notice.GetProperty("citedCaseIds")).Order(StringComparer.Ordinal));
        var id = notice.GetProperty("instrumentId").GetString()!;
        Assert.Equal(404, (await gateway.As(Actors.Supervisor(Actors.YingkouSupervision)).GetPathAsync($"/api/v1/agencies/{Actors.DadongUrbanManagement}")).StatusCode);

        var drafted = await gateway.As(DadongSupervisor).GetPathAsync($"/api/v1/instruments/{id}");
        Assert.Equal("drafted", Instrument(drafted).GetProperty("status").GetString());
        Assert.Contains("approveAndIssue", drafted.AllowedActions);
        Assert.Equal(404, (await gateway.As(UrbanStaff).GetPathAsync($"/api/v1/instruments/{id}")).StatusCode); // no agency sees a draft

        var issued = await ActAsync(DadongSupervisor, id, new { action = "approveAndIssue", reason = "经审核同意制发" }, drafted.ETag);
        Assert.Equal(200, issued.StatusCode);
        var number = Instrument(issued).GetProperty("number");
        Assert.Equal($"大东执法监督〔{gateway.Clock.ChinaToday.Year}〕1号", number.GetProperty("text").GetString());
        Assert.Equal(412, (await ActAsync(DadongSupervisor, id, new { action = "recordReceipt" }, drafted.ETag)).StatusCode);

        var received = await ActAsync(UrbanStaff, id, new { action = "recordReceipt" });
        Assert.Equal(200, received.StatusCode);
        Assert.Equal(403, (await ActAsync(UrbanStaff, id, new { action = "summonHead", summary = "约谈" })).StatusCode);

        gateway.Clock.TravelDays(40);
        await gateway.TickSchedulerAsync();

        var inbox = await gateway.As(CitySupervisor).GetPathAsync("/api/v1/instruments?withMe=true");
        Assert.Equal(200, inbox.StatusCode);
        var escalated = Assert.Single(inbox.Body.GetProperty("items").EnumerateArray(), i => i.GetProperty("instrumentId").GetString() == id);
        Assert.True(escalated.GetProperty("index").GetProperty("overdue").GetBoolean());
        var overdue = await gateway.As(CitySupervisor).GetPathAsync($"/api/v1/instruments/{id}");
        Assert.Equal("overdue", Instrument(overdue).GetProperty("status").GetString());
        Assert.Equal("S-R210100", overdue.Body.GetProperty("supervisorOfficeId").GetString());
        Assert.Equal("/R210000/R210100/", Assert.Single(Instrument(overdue).GetProperty("escalations").EnumerateArray()).GetProperty("toRegionPath").GetString());
        var told = await gateway.As(CitySupervisor).GetPathAsync($"/api/v1/notifications?caseId={id}");
        Assert.Contains(told.Body.GetProperty("items").EnumerateArray(), n => n.GetProperty("title").GetString()!.StartsWith("【逾期上报】", StringComparison.Ordinal));
        Assert.DoesNotContain((await gateway.As(DadongSupervisor).GetPathAsync("/api/v1/instruments?withMe=true")).Body.GetProperty("items").EnumerateArray(),
            i => i.GetProperty("instrumentId").GetString() == id);

        Assert.Equal(200, (await ActAsync(CitySupervisor, id, new { action = "summonHead", summary = "约谈城市管理局主要负责人", reason = "逾期未报送整改情况" })).StatusCode);
        var reported = await ActAsync(UrbanStaff, id, new
        {
            action = "reportRectification",
            text = "已对执法程序开展全面排查整改，修订告知程序",
            attachments = new[] { new { name = "整改报告.pdf", sizeBytes = 20480, sha256 = new string('a', 64), mediaType = "application/pdf" } },
        });
        Assert.Equal(200, reported.StatusCode);
        Assert.Equal(200, (await ActAsync(DadongSupervisor, id, new { action = "acceptRectification", opinion = "整改到位" })).StatusCode);
        var closed = await ActAsync(DadongSupervisor, id, new { action = "closeInstrument", reason = "整改已验收" });
        Assert.Equal("closed", Instrument(closed).GetProperty("status").GetString());

        var history = await gateway.As(DadongSupervisor).GetPathAsync($"/api/v1/instruments/{id}/history");
        Assert.Equal(
            ["draftNotice", "approveAndIssue", "recordReceipt", "fireInstrumentReminder", "summonHead", "reportRectification", "acceptRectification", "closeInstrument"],
            history.Body.EnumerateArray().Select(e => e.GetProperty("action").GetString()!));
        var summoned = history.Body.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "summonHead");
        Assert.Equal(CitySupervisor.UserId, summoned.GetProperty("actorUserId").GetString());
        Assert.Equal("逾期未报送整改情况", summoned.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_officer_drafts_an_opinion_letter_from_a_case_and_only_the_head_issues_it()
    {
        var caseId = await DecidedAsync(Actors.DadongTrafficBrigade, "legalBasis", "钱一");
        var officer = gateway.As(Actors.DadongOfficer);
        var letter = new { title = "行政复议意见书", problems = "适用法律依据错误", requirements = "请依法纠正并于六十日内报送整改情况", flaws = new[] { "legalBasis" } };

        var drafted = await officer.SendAsync(HttpMethod.Post, $"/api/v1/cases/{caseId}/opinion-letters", CaseClient.Json(letter), idempotencyKey: "letter-1");
        Assert.Equal(201, drafted.StatusCode);
        var id = drafted.Id;
        Assert.Equal("opinionLetter", Instrument(drafted).GetProperty("kind").GetString());
        var retried = await officer.SendAsync(HttpMethod.Post, $"/api/v1/cases/{caseId}/opinion-letters", CaseClient.Json(letter), idempotencyKey: "letter-1");
        Assert.True(retried.Replayed);
        Assert.Equal(id, retried.Id);

        Assert.Equal(403, (await ActAsync(Actors.DadongOfficer, id, new { action = "approveAndIssue" })).StatusCode);
        var issued = await ActAsync(Actors.DadongHead, id, new { action = "approveAndIssue" });
        Assert.Equal(200, issued.StatusCode);
        Assert.Matches(@"^大东复意〔\d{4}〕\d+号$", Instrument(issued).GetProperty("number").GetProperty("text").GetString()!);
        Assert.Equal(Actors.HeadUser, Instrument(issued).GetProperty("approvedBy").GetString());
        Assert.Equal(403, (await ActAsync(Actors.DadongHead, id, new { action = "fireInstrumentReminder", kind = "rectification", deadlineId = 0, step = "overdue", dueOn = "2026-01-01" })).StatusCode);

        var list = await officer.GetPathAsync("/api/v1/instruments?kind=opinionLetter");
        Assert.Contains(list.Body.GetProperty("items").EnumerateArray(), i => i.GetProperty("instrumentId").GetString() == id);
        Assert.Empty((await gateway.As(Actors.Officer(Actors.HepingBody)).GetPathAsync("/api/v1/instruments")).Body.GetProperty("items").EnumerateArray());
        var received = await ActAsync(Actors.AgencyStaff(Actors.DadongTrafficBrigade), id, new { action = "recordReceipt" });
        var due = DateOnly.Parse(Instrument(received).GetProperty("deadlines")[0].GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(due >= gateway.Clock.ChinaToday.AddDays(60), $"due {due}");
    }

    [Fact]
    public async Task A_case_converted_into_a_supervision_procedure_becomes_a_notice_the_agency_tracks()
    {
        var caseId = await DecidedAsync(Actors.DadongTrafficBrigade, "inaction", "孙二", type: "uphold");
        var converted = await head.SendAsync(HttpMethod.Post, $"/api/v1/cases/{caseId}/supervision-conversions", CaseClient.Json(new
        {
            title = "关于交警大队登记监管问题的行政执法监督通知书",
            problems = "案件反映出登记监管存在普遍性漏洞",
            requirements = "请全面排查并报送整改情况",
            flaws = new[] { "inaction" },
        }));
        Assert.Equal(201, converted.StatusCode);
        Assert.Equal("caseConversion", Instrument(converted).GetProperty("origin").GetString());
        Assert.Equal(Actors.DadongSupervision, Instrument(converted).GetProperty("issuingBodyId").GetString());
        Assert.Equal(404, (await gateway.As(Actors.Officer(Actors.HepingBody)).SendAsync(HttpMethod.Post, $"/api/v1/cases/{caseId}/supervision-conversions",
            CaseClient.Json(new { title = "x", problems = "x", requirements = "x" }))).StatusCode);

        // The agency's record learns of it through the outbox, right after the commit.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var agency = await gateway.As(DadongSupervisor).GetPathAsync($"/api/v1/agencies/{Actors.DadongTrafficBrigade}");
            if (agency.Body.GetProperty("notices").EnumerateArray().Any(n => n.GetProperty("instrumentId").GetString() == converted.Id))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The agency's record never tracked the converted case's notice.");
    }

    private async Task<string> DecidedAsync(string agencyId, string flaw, string applicant, string type = "annul")
    {
        var received = await head.ReceivedAsync(Applications.Against(agencyId, Actors.DadongHall, "hall", applicant));
        await head.DoAsync(received.Id, new { action = "accept", procedure = "ordinary" });
        await head.DoAsync(received.Id, new { action = "sendCopyToRespondent" });
        await head.DoAsync(received.Id, new { action = "recordReply" });
        await head.DoAsync(received.Id, new
        {
            action = "decide",
            type,
            findings = type == "annul" ? new[] { flaw } : [],
            legalBasis = "《中华人民共和国行政复议法》第六十四条",
            summary = "行政行为违法",
            approvedBy = Actors.HeadUser,
        });
        await gateway.DeliveredAsync();
        return received.Id;
    }

    private Task<ApiResponse> ActAsync(Who who, string id, object command, string? ifMatch = null) =>
        gateway.As(who).SendAsync(HttpMethod.Post, $"/api/v1/instruments/{id}/actions", CaseClient.Json(command), ifMatch);

    private static JsonElement Instrument(ApiResponse response) => response.Body.GetProperty("instrument");
}
