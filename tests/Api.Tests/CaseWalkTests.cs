using CaseGrains.Domain.Access;
using System.Text.Json;
using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests;

/// <summary>
/// A major case from receipt to closing through HTTP on PostgreSQL, then read back as a user sees it: the case,
/// its history, and the list. The server's clock is moved forward when a step needs a day to have come; each test
/// reads "today" from the server, so neither depends on where the other left the clock.
/// </summary>
public sealed class CaseWalkTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    private readonly CaseClient clerk = gateway.Cases(Actors.ClerkUser, Actors.DadongTrafficPoint, Role.IntakeClerk);
    private readonly CaseClient officer = gateway.Cases(Actors.OfficerUser, Actors.DadongBody, Role.CaseOfficer);
    private readonly CaseClient head = gateway.Cases(Actors.HeadUser, Actors.DadongBody);

    [Fact]
    public async Task A_major_case_walks_from_receipt_through_correction_hearing_and_committee_to_a_decision_and_is_closed()
    {
        // 收件 at the traffic-police collection point, by its clerk.
        var received = await clerk.ReceivedAsync(Applications.TrafficFine("周全程"));
        var id = received.Id;
        Assert.Equal("received", received.CaseStatus);
        Assert.Equal("\"1\"", received.ETag);
        Assert.Equal($"/api/v1/cases/{id}", received.Headers.Location?.OriginalString);
        var today = received.Today;

        // 补正 requested by the officer and made by the applicant; the review period starts again.
        var correction = await officer.DoAsync(id, new { action = "requestCorrection", missingItems = new[] { "身份证复印件", "处罚决定书复印件" }, reason = "材料不全" });
        Assert.Equal("awaitingCorrection", correction.CaseStatus);
        Assert.Equal("running", correction.Deadline("correction").GetProperty("status").GetString());
        Assert.Equal(await DueAsync(today, 10, "workingDays"), correction.Deadline("correction").GetProperty("dueOn").GetString());
        Assert.Equal("received", (await clerk.DoAsync(id, new { action = "submitCorrection" })).CaseStatus);

        // 受理 as major (重大、疑难、复杂) under the ordinary procedure: copy and decision periods start.
        var accepted = await officer.DoAsync(id, new { action = "accept", procedure = "ordinary", isMajor = true, reason = "案情复杂" });
        Assert.Equal("underReview", accepted.CaseStatus);
        Assert.True(accepted.Case.GetProperty("isMajor").GetBoolean());
        Assert.Equal(await DueAsync(today, 7, "workingDays"), accepted.Deadline("copyToRespondent").GetProperty("dueOn").GetString());
        Assert.Equal(await DueAsync(today, 60, "naturalDays"), accepted.Deadline("decision").GetProperty("dueOn").GetString());

        // A major case cannot be decided before its hearing and the committee's opinion, not even by the head.
        await officer.DoAsync(id, new { action = "sendCopyToRespondent" });
        var replied = await officer.DoAsync(id, new { action = "recordReply" });
        (await head.ActAsync(id, Uphold())).AssertProblem(422, "hearing_required");

        // 听证: scheduled three weeks ahead, notice sent at once (at least 5 working days before).
        var hearingOn = today.AddDays(21);
        var scheduled = await officer.DoAsync(id, new { action = "scheduleHearing", hearingOn = hearingOn.Iso() });
        Assert.Equal("running", scheduled.Deadline("hearingNotice").GetProperty("status").GetString());
        await officer.DoAsync(id, new { action = "sendHearingNotice" });
        (await officer.ActAsync(id, new { action = "holdHearing", summary = "双方到场陈述" })).AssertProblem(422, "hearing_date_not_reached");

        // 行政复议委员会 consulted meanwhile.
        await officer.DoAsync(id, new { action = "requestCommitteeConsultation" });
        await officer.DoAsync(id, new { action = "recordCommitteeOpinion", opinion = "程序违法，建议撤销" });

        // The hearing day comes.
        gateway.Clock.TravelDays(21);
        var held = await officer.DoAsync(id, new { action = "holdHearing", summary = "双方到场陈述，交警出示执法记录" });
        Assert.Equal(hearingOn.Iso(), held.Case.GetProperty("hearing").GetProperty("heldOn").GetString());

        // 决定: annul for a procedural flaw and order a new act, approved by the head; then 结案 and 答疑.
        var decided = await head.DoAsync(id, new
        {
            action = "decide",
            type = "annul",
            findings = new[] { "procedure", "facts" },
            legalBasis = "《行政复议法》第六十四条",
            summary = "撤销原处罚决定，责令重新作出",
            approvedBy = Actors.HeadUser,
            orderNewAct = true,
            reason = "处罚程序违法",
        });
        Assert.Equal("decided", decided.CaseStatus);
        Assert.Equal(["close", "recordPostDecisionQa"], decided.AllowedActions);
        await officer.DoAsync(id, new { action = "close" });
        await officer.DoAsync(id, new { action = "recordPostDecisionQa", summary = "向申请人解释决定内容" });

        // GET: state, parties, deadlines with statuses, allowed actions, version as ETag.
        var read = await officer.GetAsync(id);
        Assert.Equal(200, read.StatusCode);
        Assert.Equal(14, read.Version);
        Assert.Equal("\"14\"", read.ETag);
        Assert.Equal("closed", read.CaseStatus);
        Assert.Equal("decided", read.Case.GetProperty("ending").GetString());
        Assert.Equal(hearingOn, read.Today);
        Assert.Equal(["recordPostDecisionQa"], read.AllowedActions);
        var applicant = read.Case.GetProperty("applicant");
        Assert.Equal("周全程", applicant.GetProperty("name").GetString());
        Assert.Equal("person", applicant.GetProperty("kind").GetString());
        Assert.Equal(Actors.DadongTrafficBrigade, read.Case.GetProperty("respondentAgencyId").GetString());
        Assert.Equal("沈阳市公安局交通警察支队大东大队", read.Case.GetProperty("respondentAgencyName").GetString());
        Assert.Equal(Actors.DadongBody, read.Case.GetProperty("competentBodyId").GetString());
        Assert.Equal(Actors.DadongTrafficPoint, read.Case.GetProperty("intakePointId").GetString());
        var decision = read.Case.GetProperty("decision");
        Assert.Equal("annul", decision.GetProperty("type").GetString());
        Assert.Equal(["procedure", "facts"], ApiResponse.Strings(decision.GetProperty("findings")));
        Assert.True(decision.GetProperty("orderNewAct").GetBoolean());
        Assert.Equal("程序违法，建议撤销", read.Case.GetProperty("committee").GetProperty("opinion").GetString());
        Assert.Equal(
            [("review", "cancelled"), ("correction", "met"), ("review", "met"), ("copyToRespondent", "met"), ("decision", "met"), ("reply", "met"), ("hearingNotice", "met")],
            read.Deadlines.Select(d => (d.GetProperty("kind").GetString(), d.GetProperty("status").GetString())));
        Assert.Equal(
            replied.Deadline("reply").GetProperty("dueOn").GetString(),
            read.Deadline("reply").GetProperty("dueOn").GetString());

        // History: one entry per change, in order, with who did it and why.
        var history = await officer.HistoryAsync(id);
        Assert.Equal(200, history.StatusCode);
        var entries = history.Body.EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 14).Select(i => (long)i), entries.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal(
            [
                "receiveApplication", "requestCorrection", "submitCorrection", "accept", "sendCopyToRespondent", "recordReply",
                "scheduleHearing", "sendHearingNotice", "requestCommitteeConsultation", "recordCommitteeOpinion", "holdHearing",
                "decide", "close", "recordPostDecisionQa",
            ],
            entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal((Actors.ClerkUser, Actors.DadongTrafficPoint), Actor(entries[0]));
        Assert.Equal((Actors.OfficerUser, Actors.DadongBody), Actor(entries[1]));
        Assert.Equal((Actors.ClerkUser, Actors.DadongTrafficPoint), Actor(entries[2]));
        Assert.Equal((Actors.HeadUser, Actors.DadongBody), Actor(entries[11]));
        Assert.Equal("材料不全", Reason(entries[1]));
        Assert.Equal("案情复杂", Reason(entries[3]));
        Assert.Equal("处罚程序违法", Reason(entries[11]));
        Assert.Null(Reason(entries[4]));
        Assert.Equal("annul", entries[11].GetProperty("payload").GetProperty("decisionType").GetString());

        // The list finds it, closed, with nothing left running.
        var listed = await officer.ListAsync("q=" + Uri.EscapeDataString("周全程"));
        Assert.Equal(1, listed.Body.GetProperty("total").GetInt64());
        var row = listed.Body.GetProperty("items")[0];
        Assert.Equal(id, row.GetProperty("caseId").GetString());
        Assert.Equal("closed", row.GetProperty("status").GetString());
        Assert.Equal(14, row.GetProperty("version").GetInt64());
        Assert.False(row.TryGetProperty("nearestDueOn", out _));
    }

    [Fact]
    public async Task An_application_not_corrected_within_ten_working_days_is_deemed_abandoned()
    {
        var id = (await clerk.ReceivedAsync(Applications.TrafficFine("未补正"))).Id;
        var requested = await officer.DoAsync(id, new { action = "requestCorrection", missingItems = new[] { "处罚决定书复印件" } });
        var due = Dates.ParseIso(requested.Deadline("correction").GetProperty("dueOn").GetString()!);
        (await officer.ActAsync(id, new { action = "declareAbandoned" })).AssertProblem(422, "correction_period_not_over");

        gateway.Clock.TravelDays(due.DayNumber - requested.Today.DayNumber + 1);
        var abandoned = await officer.DoAsync(id, new { action = "declareAbandoned" });

        Assert.Equal("abandoned", abandoned.CaseStatus);
        Assert.NotEqual("running", abandoned.Deadline("correction").GetProperty("status").GetString());
        Assert.Empty(abandoned.AllowedActions);
        (await clerk.ActAsync(id, new { action = "submitCorrection" })).AssertProblem(409, "action_not_allowed");
    }

    private static object Uphold() => new
    {
        action = "decide",
        type = "uphold",
        legalBasis = "《行政复议法》第六十八条",
        summary = "维持",
        approvedBy = Actors.HeadUser,
    };

    private static (string?, string?) Actor(JsonElement entry) =>
        (entry.GetProperty("actorUserId").GetString(), entry.GetProperty("actorOrganisationId").GetString());

    private static string? Reason(JsonElement entry) => entry.TryGetProperty("reason", out var reason) ? reason.GetString() : null;

    /// <summary>The due date the server's calendar gives for a period starting today, to compare deadlines with.</summary>
    private async Task<string> DueAsync(DateOnly from, int days, string unit)
    {
        var computed = await officer.GetPathAsync($"/api/v1/calendar/deadline?from={from.Iso()}&days={days}&unit={unit}");
        Assert.Equal(200, computed.StatusCode);
        return computed.Body.GetProperty("dueOn").GetString()!;
    }
}
