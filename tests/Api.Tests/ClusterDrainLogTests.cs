using System.Text.Json;
using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Drain requests are recorded (<c>GET /api/v1/cluster/drains</c>, one by one at <c>/drains/{id}</c>): who asked, when, for which silo and why, and the
/// outcome. A gateway hosting its one silo can only be refused a drain (it is the last active silo); that a drained
/// silo is recorded as having left is proved with real processes by tests/Cluster.Tests.
/// </summary>
public static class ClusterDrainLogScenario
{
    public static async Task<string> A_refused_drain_is_recorded_with_who_when_why_and_the_rule_that_refused_it(Func<CaseClient> client)
    {
        var admin = client().As(Actors.Administrator);
        Assert.Empty((await admin.GetPathAsync("/api/v1/cluster/drains")).Body.EnumerateArray());
        var silo = Assert.Single((await admin.GetPathAsync("/api/v1/cluster/members")).Body.EnumerateArray());
        var id = silo.GetProperty("id").GetString()!;
        Assert.Equal("coHosted", silo.GetProperty("role").GetString());
        var drain = $"/api/v1/cluster/members/{Uri.EscapeDataString(id)}/drain";

        var before = DateTimeOffset.UtcNow;
        (await admin.SendAsync(HttpMethod.Post, drain, """{"reason": "更换服务器"}""")).AssertProblem(409, "last_active_silo");
        var after = DateTimeOffset.UtcNow;
        (await admin.SendAsync(HttpMethod.Post, drain, """{"reason": " "}""")).AssertProblem(400, "invalid_input");
        (await admin.SendAsync(HttpMethod.Post, drain, JsonSerializer.Serialize(new { reason = new string('长', 501) }))).AssertProblem(400, "invalid_input");
        (await admin.SendAsync(HttpMethod.Post, "/api/v1/cluster/members/127.0.0.1:1@1/drain", """{"reason": "维护"}""")).AssertProblem(404, "not_found");

        var drains = await admin.GetPathAsync("/api/v1/cluster/drains");
        Assert.Equal(200, drains.StatusCode);
        var recorded = Assert.Single(drains.Body.EnumerateArray());
        Assert.Equal(id, recorded.GetProperty("siloId").GetString());
        Assert.Equal(silo.GetProperty("siloName").GetString(), recorded.GetProperty("siloName").GetString());
        Assert.Equal(Actors.AdminUser, recorded.GetProperty("requestedBy").GetString());
        Assert.InRange(recorded.GetProperty("requestedAt").GetDateTimeOffset(), before.AddMilliseconds(-1), after.AddMilliseconds(1));
        Assert.Equal("更换服务器", recorded.GetProperty("reason").GetString());
        Assert.Equal("refused", recorded.GetProperty("status").GetString());
        Assert.Equal("last_active_silo", recorded.GetProperty("refusal").GetString());
        Assert.False(recorded.TryGetProperty("leftAt", out _));

        (await admin.SendAsync(HttpMethod.Post, drain, """{"reason": "第二次"}""")).AssertProblem(409, "last_active_silo");
        var newest = Assert.Single((await admin.GetPathAsync("/api/v1/cluster/drains?limit=1")).Body.EnumerateArray());
        Assert.Equal("第二次", newest.GetProperty("reason").GetString());
        Assert.Equal(2, (await admin.GetPathAsync("/api/v1/cluster/drains")).Body.GetArrayLength());
        (await admin.GetPathAsync("/api/v1/cluster/drains?limit=0")).AssertProblem(400, "invalid_input");
        (await admin.GetPathAsync("/api/v1/cluster/drains?limit=x")).AssertProblem(400, "invalid_input");
        (await client().As(Actors.DadongOfficer).GetPathAsync("/api/v1/cluster/drains")).AssertProblem(403, "administrator_required");

        var path = $"/api/v1/cluster/drains/{recorded.GetProperty("id").GetInt64()}";
        var one = await admin.GetPathAsync(path);
        Assert.Equal(200, one.StatusCode);
        Assert.Equal(recorded.GetRawText(), one.Body.GetRawText());
        (await admin.GetPathAsync($"/api/v1/cluster/drains/{recorded.GetProperty("id").GetInt64() + 100}")).AssertProblem(404, "not_found");
        (await client().As(Actors.DadongOfficer).GetPathAsync(path)).AssertProblem(403, "administrator_required");
        return recorded.GetRawText();
    }
}

public sealed class PostgresClusterDrainLogTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    [Fact]
    public async Task A_refused_drain_is_recorded_with_who_when_why_and_the_rule_that_refused_it_and_kept_across_a_restart()
    {
        var recorded = await ClusterDrainLogScenario.A_refused_drain_is_recorded_with_who_when_why_and_the_rule_that_refused_it(() => gateway.Cases());

        await gateway.RestartAsync();

        var drains = (await gateway.As(Actors.Administrator).GetPathAsync("/api/v1/cluster/drains")).Body;
        Assert.Equal(2, drains.GetArrayLength());
        Assert.Equal(recorded, drains[1].GetRawText());
    }
}

public sealed class EmbeddedClusterDrainLogTests(EmbeddedGateway gateway) : IClassFixture<EmbeddedGateway>
{
    [Fact]
    public Task A_refused_drain_is_recorded_with_who_when_why_and_the_rule_that_refused_it() =>
        ClusterDrainLogScenario.A_refused_drain_is_recorded_with_who_when_why_and_the_rule_that_refused_it(() => gateway.Cases());
}
