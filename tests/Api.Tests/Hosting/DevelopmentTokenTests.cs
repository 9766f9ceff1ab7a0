using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests.Hosting;

/// <summary>
/// <c>POST /api/v1/dev/tokens</c> mints a token for any user, organisation and role, so the embedded run can be
/// driven without an identity provider. It exists only in the Development environment: there its token works on
/// every endpoint as the principal it names; in any other environment the route does not exist.
/// </summary>
public sealed class DevelopmentTokenTests(DevelopmentTokenTests.Development development) : IClassFixture<DevelopmentTokenTests.Development>
{
    private const string Path = "/api/v1/dev/tokens";

    /// <summary>An embedded gateway in the Development environment (with the test keys, so nothing is generated on disk).</summary>
    public sealed class Development : IAsyncLifetime
    {
        public EmbeddedGateway Embedded { get; } = new(settings: null, environment: "Development");

        public Task InitializeAsync() => Embedded.InitializeAsync();

        public Task DisposeAsync() => Embedded.DisposeAsync();
    }

    [Fact]
    public async Task In_Development_the_issued_token_works_as_the_principal_it_names()
    {
        var gateway = new Started(development.Embedded);

        var issued = await IssueAsync(gateway, new { userId = "dev-officer", organisationId = Actors.DadongBody, role = "caseOfficer", lifetimeMinutes = 30 });

        Assert.Equal(200, issued.StatusCode);
        Assert.Equal("Bearer", issued.Body.GetProperty("tokenType").GetString());
        var expiresAt = issued.Body.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow.AddMinutes(29), DateTimeOffset.UtcNow.AddMinutes(31));
        var token = issued.Body.GetProperty("accessToken").GetString()!;

        var received = await SendAsync(gateway, HttpMethod.Post, "/api/v1/cases", token, Applications.TrafficFine("开发令牌").ToJsonString());
        Assert.Equal(201, received.StatusCode);
        var history = await SendAsync(gateway, HttpMethod.Get, $"/api/v1/cases/{received.Id}/history", token);
        Assert.Equal(("dev-officer", Actors.DadongBody), (history.Body[0].GetProperty("actorUserId").GetString(), history.Body[0].GetProperty("actorOrganisationId").GetString()));
        Assert.Equal(["resolveBeforeFiling", "requestCorrection", "accept", "deemAccepted", "notAccept", "withdraw"], received.AllowedActions);

        // The role it names is the role it has: the officer's token may not decide, nor administer.
        (await SendAsync(gateway, HttpMethod.Put, "/api/v1/calendar/years/2031", token, """{"off":[],"makeupWorkdays":[]}"""))
            .AssertProblem(403, "administrator_required");
    }

    [Theory]
    [InlineData("""{"userId":"u","organisationId":"B-R210104","role":"caseOfficer","lifetimeMinutes":0}""", "lifetimeMinutes")]
    [InlineData("""{"userId":"u","organisationId":"B-R210104","role":"caseOfficer","lifetimeMinutes":1441}""", "lifetimeMinutes")]
    [InlineData("""{"userId":"u","organisationId":"B-R210104","role":"superuser"}""", "$.role")]
    [InlineData("""{"userId":"u","organisationId":"B-R210104","role":"caseOfficer","admin":true}""", "$.admin")]
    public async Task In_Development_a_malformed_token_request_is_a_400_naming_the_field(string body, string field)
    {
        (await SendAsync(new Started(development.Embedded), HttpMethod.Post, Path, token: null, body)).AssertInvalid(field);
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Production")]
    public async Task Outside_Development_the_route_does_not_exist(string environment)
    {
        await using var gateway = await StartAsync(environment);

        var refused = await IssueAsync(gateway, new { userId = "intruder", organisationId = "S-R210000", role = "administrator" });

        refused.AssertProblem(404, "not_found");
        Assert.False(refused.Body.TryGetProperty("accessToken", out _));
    }

    private static async Task<Started> StartAsync(string environment)
    {
        var gateway = new EmbeddedGateway(settings: null, environment);
        await gateway.InitializeAsync();
        return new Started(gateway);
    }

    private static Task<ApiResponse> IssueAsync(Started gateway, object request) =>
        SendAsync(gateway, HttpMethod.Post, Path, token: null, JsonSerializer.Serialize(request));

    private static async Task<ApiResponse> SendAsync(Started gateway, HttpMethod method, string path, string? token, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await ApiResponse.ReadAsync(await gateway.Embedded.Client.SendAsync(request));
    }

    private sealed class Started(EmbeddedGateway embedded) : IAsyncDisposable
    {
        public EmbeddedGateway Embedded => embedded;

        public async ValueTask DisposeAsync() => await embedded.DisposeAsync();
    }
}
