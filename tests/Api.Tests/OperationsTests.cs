using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests;

/// <summary>What operators and client developers rely on: health probes, the metrics, and the OpenAPI document.</summary>
public sealed class OperationsTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    private readonly CaseClient api = gateway.Cases();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_probes_answer_200_when_the_silo_and_PostgreSQL_are_up(string path)
    {
        var probe = await api.GetPathAsync(path);

        Assert.Equal(200, probe.StatusCode);
        Assert.Equal("Healthy", probe.RawBody);
    }

    [Fact]
    public async Task The_metrics_include_the_runtime_s_own_collector_JIT_and_thread_pool_figures()
    {
        var metrics = await gateway.Client.GetStringAsync("/metrics");

        Assert.Contains("dotnet_gc_pause_time_seconds_total", metrics, StringComparison.Ordinal);
        Assert.Contains("dotnet_jit_compilation_time_seconds_total", metrics, StringComparison.Ordinal);
        Assert.Contains("dotnet_thread_pool_queue_length_total", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_case_path()
    {
        var document = await api.GetPathAsync("/openapi/v1.json");

        Assert.Equal(200, document.StatusCode);
        var paths = document.Body.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/cases", paths);
        Assert.Contains("/api/v1/cases/{caseId}", paths);
        Assert.Contains("/api/v1/cases/{caseId}/actions", paths);
        Assert.Contains("/api/v1/cases/{caseId}/history", paths);
        var cases = document.Body.GetProperty("paths").GetProperty("/api/v1/cases");
        Assert.True(cases.TryGetProperty("get", out _));
        Assert.True(cases.TryGetProperty("post", out _));
    }

    [Fact]
    public async Task The_OpenAPI_document_shows_the_case_list_s_bounded_total()
    {
        var document = (await api.GetPathAsync("/openapi/v1.json")).Body;

        var list = document.GetProperty("paths").GetProperty("/api/v1/cases").GetProperty("get");
        Assert.Contains("totalIsExact", list.GetProperty("description").GetString(), StringComparison.Ordinal);
        var page = document.GetProperty("components").GetProperty("schemas").GetProperty("CasePage").GetProperty("properties");
        Assert.True(page.TryGetProperty("total", out _));
        Assert.True(page.TryGetProperty("totalIsExact", out _));
    }

    [Fact]
    public async Task An_unknown_address_or_method_is_a_problem_too()
    {
        (await api.GetPathAsync("/api/v1/nothing-here")).AssertProblem(404, "not_found");
        (await api.SendAsync(HttpMethod.Delete, "/api/v1/cases")).AssertProblem(405, "method_not_allowed");
    }
}
