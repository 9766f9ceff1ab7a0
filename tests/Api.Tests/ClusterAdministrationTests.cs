using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests;

/// <summary>The administrators' cluster API and the Orleans Dashboard on a gateway that hosts its one silo (the
/// multi-process drain is proved by tests/Cluster.Tests).</summary>
public sealed class ClusterAdministrationTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    private readonly CaseClient admin = gateway.Cases().As(Actors.Administrator);

    [Fact]
    public async Task An_administrator_sees_the_silo_with_its_address_status_role_start_time_and_activations()
    {
        var members = await admin.GetPathAsync("/api/v1/cluster/members");

        Assert.Equal(200, members.StatusCode);
        var silo = Assert.Single(members.Body.EnumerateArray());
        Assert.Equal("active", silo.GetProperty("status").GetString());
        Assert.Equal("127.0.0.1", silo.GetProperty("address").GetString());
        Assert.Contains("@", silo.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.True(silo.GetProperty("startedAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
        Assert.True(silo.GetProperty("activationCount").GetInt32() > 0);
        Assert.Equal("coHosted", silo.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Only_an_administrator_may_see_or_drain_the_cluster()
    {
        var officer = gateway.Cases().As(Actors.DadongOfficer);

        (await officer.GetPathAsync("/api/v1/cluster/members")).AssertProblem(403, "administrator_required");
        (await officer.SendAsync(HttpMethod.Post, "/api/v1/cluster/members/x/drain", """{"reason": "维护"}""")).AssertProblem(403, "administrator_required");
        Assert.Equal(401, (await admin.SendAsync(HttpMethod.Get, "/api/v1/cluster/members", authenticated: false)).StatusCode);
    }

    [Fact]
    public async Task The_last_active_silo_is_not_drained_and_an_unknown_one_is_not_found()
    {
        var id = (await admin.GetPathAsync("/api/v1/cluster/members")).Body[0].GetProperty("id").GetString()!;

        (await admin.SendAsync(HttpMethod.Post, $"/api/v1/cluster/members/{Uri.EscapeDataString(id)}/drain", """{"reason": "维护"}"""))
            .AssertProblem(409, "last_active_silo");
        (await admin.SendAsync(HttpMethod.Post, "/api/v1/cluster/members/127.0.0.1:1@1/drain", """{"reason": "维护"}"""))
            .AssertProblem(404, "not_found");
        (await admin.SendAsync(HttpMethod.Post, $"/api/v1/cluster/members/{Uri.EscapeDataString(id)}/drain", """{"reason": " "}"""))
            .AssertProblem(400, "invalid_input");
    }

    [Fact]
    public async Task The_Orleans_Dashboard_is_served_to_administrators_only()
    {
        var page = await admin.GetPathAsync("/dashboard/");

        Assert.Equal(200, page.StatusCode);
        Assert.Contains("Orleans Dashboard", page.RawBody, StringComparison.Ordinal);
        Assert.Equal(403, (await gateway.Cases().As(Actors.DadongOfficer).GetPathAsync("/dashboard/")).StatusCode);
        Assert.Equal(401, (await admin.SendAsync(HttpMethod.Get, "/dashboard/", authenticated: false)).StatusCode);
    }

    [Theory]
    [InlineData("/dashboard/SiloProperties/x")]
    [InlineData("/dashboard/SiloCounters/x")]
    [InlineData("/dashboard/HistoricalStats/x")]
    public async Task A_malformed_silo_address_in_a_dashboard_route_is_a_400(string path)
    {
        (await admin.GetPathAsync(path)).AssertProblem(400, "bad_request");
    }
}
