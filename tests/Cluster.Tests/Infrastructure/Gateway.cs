using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CaseGrains.Cluster.Tests.Infrastructure;

/// <summary>HTTP to a running gateway: development tokens, and the administrators' cluster API.</summary>
public sealed class Gateway(Uri address) : IDisposable
{
    public HttpClient Http { get; } = new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A token from <c>POST /api/v1/dev/tokens</c> (the cluster runs in Development).</summary>
    public async Task<string> TokenAsync(string userId, string organisationId, string role)
    {
        using var response = await Http.PostAsJsonAsync("api/v1/dev/tokens", new { userId, organisationId, role });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    private const int MembersAttempts = 8;

    /// <summary><c>GET /api/v1/cluster/members?includeDead=true</c>, asked again after <c>Retry-After</c> while the gateway
    /// answers 503: right after a kill -9 the membership itself may sit on the dead silo until it is declared dead, and an
    /// administrator's console waits as told too.</summary>
    public async Task<JsonArray> MembersAsync(string adminToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/cluster/members?includeDead=true");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            using var response = await Http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < MembersAttempts)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(2));
                continue;
            }

            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        }
    }

    /// <summary>The newest membership entry of the silo listening on <paramref name="siloPort"/>.</summary>
    public async Task<JsonNode?> MemberAsync(string adminToken, int siloPort) =>
        (await MembersAsync(adminToken)).Where(m => m!["siloPort"]!.GetValue<int>() == siloPort)
            .OrderByDescending(m => m!["startedAt"]!.GetValue<DateTimeOffset>()).FirstOrDefault();

    /// <summary><c>GET /api/v1/cluster/drains</c>: the recorded drain requests, newest first.</summary>
    public async Task<JsonArray> DrainsAsync(string adminToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/cluster/drains");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    /// <summary><c>POST /api/v1/cluster/members/{id}/drain</c>; returns the status code.</summary>
    public async Task<int> DrainAsync(string adminToken, string memberId, string reason)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/cluster/members/{Uri.EscapeDataString(memberId)}/drain")
        {
            Content = JsonContent.Create(new { reason }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await Http.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>A receipt sent without an <c>Idempotency-Key</c>, which the gateway may not run twice: its status,
    /// whether it said when to retry, and the problem's code.</summary>
    public async Task<(int Status, bool RetryAfter, string? Code)> ReceiveWithoutKeyAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/cases")
        {
            Content = new StringContent(CaseLoad.Application(late: false).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var code = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? JsonNode.Parse(body)?["code"]?.GetValue<string>() : null;
        return ((int)response.StatusCode, response.Headers.RetryAfter is not null, code);
    }

    public void Dispose() => Http.Dispose();
}
