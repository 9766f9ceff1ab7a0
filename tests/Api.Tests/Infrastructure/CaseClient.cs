using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseGrains.Domain.Access;

namespace CaseGrains.Api.Tests.Infrastructure;

/// <summary>
/// The API as one user uses it: every request carries a bearer token for this user, organisation and role
/// (unless a test sends it anonymously), and every answer comes back read completely as an
/// <see cref="ApiResponse"/>. The HTTP client is looked up on each call, so a client made before a restart keeps
/// working after it.
/// </summary>
/// <remarks>With a <paramref name="clientAddress"/>, requests come from that address (see
/// <see cref="GatewayFactory.ClientAddressHeader"/>), for limits counted per client address.</remarks>
public sealed class CaseClient(Func<HttpClient> http, string userId, string organisationId, Role role, string? clientAddress = null)
{
    private readonly string token = TestKeys.TokenFor(userId, organisationId, role);

    public string UserId => userId;

    public string OrganisationId => organisationId;

    public Role Role => role;

    /// <summary>The same API acting as someone else.</summary>
    public CaseClient As(string otherUserId, string otherOrganisationId, Role? otherRole = null) => new(http, otherUserId, otherOrganisationId, otherRole ?? role);

    /// <summary>The same user, sending from another client address.</summary>
    public CaseClient From(string address) => new(http, userId, organisationId, role, address);

    /// <summary>The same API acting as <paramref name="who"/>.</summary>
    public CaseClient As(Who who) => new(http, who.UserId, who.OrganisationId, who.Role);

    public Task<ApiResponse> ReceiveAsync(JsonObject? application = null, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, "/api/v1/cases", (application ?? Applications.TrafficFine()).ToJsonString(), idempotencyKey: idempotencyKey);

    /// <summary>Receives an application and insists that it worked.</summary>
    public async Task<ApiResponse> ReceivedAsync(JsonObject? application = null)
    {
        var received = await ReceiveAsync(application);
        Assert.True(received.StatusCode == 201, $"receipt failed: {received}");
        return received;
    }

    /// <summary>Posts <paramref name="command"/> (an object with an <c>action</c>) to the case's actions.</summary>
    public Task<ApiResponse> ActAsync(string caseId, object command, string? ifMatch = null, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, $"/api/v1/cases/{caseId}/actions", Json(command), ifMatch, idempotencyKey);

    /// <summary>Performs an action and insists that it worked, so a walk stops at the first step that fails.</summary>
    public async Task<ApiResponse> DoAsync(string caseId, object command)
    {
        var done = await ActAsync(caseId, command);
        Assert.True(done.StatusCode == 200, $"{Json(command)} failed: {done}");
        return done;
    }

    public Task<ApiResponse> GetAsync(string caseId) => SendAsync(HttpMethod.Get, $"/api/v1/cases/{caseId}");

    public Task<ApiResponse> HistoryAsync(string caseId) => SendAsync(HttpMethod.Get, $"/api/v1/cases/{caseId}/history");

    public Task<ApiResponse> VerificationAsync(string caseId) => SendAsync(HttpMethod.Get, $"/api/v1/cases/{caseId}/history/verification");

    public Task<ApiResponse> ListAsync(string query = "") => SendAsync(HttpMethod.Get, "/api/v1/cases" + (query.Length > 0 ? "?" + query : string.Empty));

    public Task<ApiResponse> GetPathAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<ApiResponse> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, Json(body));

    /// <summary>Any request; <paramref name="body"/> is sent as is, with <paramref name="contentType"/>.</summary>
    public async Task<ApiResponse> SendAsync(
        HttpMethod method,
        string path,
        string? body = null,
        string? ifMatch = null,
        string? idempotencyKey = null,
        bool authenticated = true,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (authenticated)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (clientAddress is not null)
        {
            request.Headers.TryAddWithoutValidation(GatewayFactory.ClientAddressHeader, clientAddress);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return await ApiResponse.ReadAsync(await http().SendAsync(request));
    }

    public static string Json(object value) => value switch
    {
        string text => text,
        JsonNode node => node.ToJsonString(),
        _ => JsonSerializer.Serialize(value),
    };
}
