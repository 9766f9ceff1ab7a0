using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests;

/// <summary>Without a database the platform runs on its embedded in-memory default, and a case can be walked through.</summary>
public sealed class EmbeddedDefaultTests(EmbeddedGateway gateway) : IClassFixture<EmbeddedGateway>
{
    private readonly CaseClient api = gateway.Cases();
    private readonly CaseClient officer = gateway.As(Actors.DadongOfficer);

    [Fact]
    public async Task A_simplified_case_is_received_decided_and_closed_without_PostgreSQL()
    {
        var received = await officer.ReceivedAsync(Applications.TrafficFine("内存模式"));
        var id = received.Id;
        var accepted = await officer.DoAsync(id, new { action = "accept", procedure = "simplified", simplifiedGround = "onTheSpotDecision" });
        Assert.Equal(3, accepted.Deadline("copyToRespondent").GetProperty("length").GetInt32());
        await officer.DoAsync(id, new { action = "sendCopyToRespondent" });
        await officer.DoAsync(id, new { action = "recordReply" });
        await api.DoAsync(id, new { action = "decide", type = "alter", findings = new[] { "improperDiscretion" }, legalBasis = "《行政复议法》第六十三条", summary = "变更罚款为警告", approvedBy = Actors.HeadUser });
        var closed = await officer.DoAsync(id, new { action = "close" });

        Assert.Equal("closed", closed.CaseStatus);
        Assert.Equal(6, closed.Version);
        var history = (await officer.HistoryAsync(id)).Body.EnumerateArray().ToList();
        Assert.Equal([1L, 2, 3, 4, 5, 6], history.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal(
            [Actors.OfficerUser, Actors.OfficerUser, Actors.OfficerUser, Actors.OfficerUser, Actors.HeadUser, Actors.OfficerUser],
            history.Select(e => e.GetProperty("actorUserId").GetString()));
        var listed = await officer.ListAsync("status=closed&q=" + Uri.EscapeDataString("内存模式"));
        Assert.Equal(id, listed.Body.GetProperty("items")[0].GetProperty("caseId").GetString());
    }

    [Fact]
    public async Task Refusals_and_the_directory_work_the_same_without_PostgreSQL()
    {
        var id = (await api.ReceivedAsync()).Id;

        (await api.ActAsync(id, new { action = "close" })).AssertProblem(409, "action_not_allowed");
        (await api.ActAsync(id, new { action = "accept", procedure = "ordinary" }, ifMatch: "\"9\"")).AssertProblem(412, "version_mismatch");
        (await api.GetAsync("RC-0000000000000000")).AssertProblem(404, "case_not_found");
        Assert.Contains((await api.GetPathAsync("/api/v1/organisations?kind=intakePoint")).Body.EnumerateArray(), o => o.GetProperty("id").GetString() == Actors.DadongTrafficPoint);
        Assert.Equal(200, (await api.GetPathAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task The_statistics_count_the_in_memory_store_too()
    {
        var id = (await officer.ReceivedAsync(Applications.TrafficFine("内存统计"))).Id;
        await officer.DoAsync(id, new { action = "accept", procedure = "ordinary" });
        await officer.DoAsync(id, new { action = "withdraw", afterAgencyCorrected = true });

        var figures = (await officer.GetPathAsync("/api/v1/statistics?agencyId=" + Actors.DadongTrafficBrigade)).Body;
        var ranking = (await officer.GetPathAsync("/api/v1/statistics/agencies")).Body;

        Assert.True(figures.GetProperty("counts").GetProperty("withdrawnAfterAgencyCorrected").GetInt64() >= 1);
        Assert.True(figures.GetProperty("correctionRate").GetProperty("numerator").GetInt64() >= 1);
        Assert.Contains(ranking.GetProperty("agencies").EnumerateArray(), a => a.GetProperty("agencyId").GetString() == Actors.DadongTrafficBrigade);
        (await officer.GetPathAsync("/api/v1/statistics?regionId=R999999")).AssertInvalid("regionId");
    }
}
