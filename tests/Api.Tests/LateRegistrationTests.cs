using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests;

/// <summary>
/// An application registered weeks after it arrived (receivedOn in the past) has periods that are already over, so
/// the steps that need a period to have passed can be taken through HTTP with the real clock.
/// </summary>
public sealed class LateRegistrationTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    private readonly CaseClient api = gateway.Cases();

    [Fact]
    public async Task An_application_not_decided_on_in_time_is_deemed_accepted_and_a_respondent_that_never_replied_cannot_be_upheld()
    {
        var receivedOn = Dates.ChinaToday.AddDays(-40);
        var received = await api.ReceivedAsync(Applications.TrafficFine("迟登记", knownDaysAgo: 41).With(b => b["receivedOn"] = receivedOn.Iso()));
        var reviewDue = received.Deadline("review").GetProperty("dueOn").GetString()!;
        Assert.Equal("missed", received.Deadline("review").GetProperty("status").GetString());

        // 视为受理 on the day the review period ended (Art. 30), with every later period running from then.
        var deemed = await api.DoAsync(received.Id, new { action = "deemAccepted" });
        Assert.Equal("underReview", deemed.CaseStatus);
        Assert.True(deemed.Case.GetProperty("acceptedByOperationOfLaw").GetBoolean());
        Assert.Equal(reviewDue, deemed.Case.GetProperty("acceptedOn").GetString());
        Assert.Equal("ordinary", deemed.Case.GetProperty("procedure").GetString());

        // The copy reached the respondent on that day; its ten working days are long over.
        await api.DoAsync(received.Id, new { action = "sendCopyToRespondent", receivedByRespondentOn = reviewDue });
        var noReply = await api.DoAsync(received.Id, new { action = "recordNoReply" });
        Assert.True(noReply.Case.GetProperty("noReplyRecorded").GetBoolean());
        Assert.Equal("missed", noReply.Deadline("reply").GetProperty("status").GetString());

        // Without a reply the act has no evidence (Art. 70): it cannot be upheld, only corrected.
        (await api.ActAsync(received.Id, new { action = "decide", type = "uphold", legalBasis = "第六十八条", summary = "维持", approvedBy = Actors.HeadUser }))
            .AssertProblem(422, "act_without_evidence");
        var annulled = await api.DoAsync(received.Id, new { action = "decide", type = "annul", findings = new[] { "facts" }, legalBasis = "第七十条", summary = "撤销", approvedBy = Actors.HeadUser });
        Assert.Equal("decided", annulled.CaseStatus);

        var actions = (await api.HistoryAsync(received.Id)).Body.EnumerateArray().Select(e => e.GetProperty("action").GetString());
        Assert.Equal(["receiveApplication", "deemAccepted", "sendCopyToRespondent", "recordNoReply", "decide"], actions);
    }

    [Fact]
    public async Task An_application_received_after_the_filing_period_is_accepted_only_with_a_justified_delay()
    {
        var late = Applications.TrafficFine("逾期申请", knownDaysAgo: 90);
        var id = (await api.ReceivedAsync(late)).Id;
        Assert.False((await api.GetAsync(id)).Case.GetProperty("filingPeriod").GetProperty("timely").GetBoolean());

        (await api.ActAsync(id, new { action = "accept", procedure = "ordinary" })).AssertProblem(422, "application_out_of_time");
        var accepted = await api.DoAsync(id, new { action = "accept", procedure = "ordinary", justifiedDelay = "申请人住院治疗" });

        Assert.Equal("申请人住院治疗", accepted.Case.GetProperty("justifiedDelay").GetString());
    }
}
