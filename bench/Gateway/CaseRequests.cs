using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CaseGrains.Bench.Load;
using CaseGrains.Bench.Transitions;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Serialization;
using CaseGrains.Domain.Time;

namespace CaseGrains.Bench.Gateway;

/// <summary>
/// The <see cref="CaseWalk"/> as HTTP requests to a <see cref="GatewayProcess"/>, as a client of the API sends them:
/// receipt with an Idempotency-Key, each action with If-Match on the version it expects, every answer read to its end.
/// A status other than the expected one throws, and is counted as a failure.
/// </summary>
public sealed class CaseRequests
{
    private readonly HttpClient client;
    private readonly AuthenticationHeaderValue officer;
    private readonly AuthenticationHeaderValue head;
    private readonly byte[][] applications;
    private readonly IReadOnlyList<(Role Role, byte[] Body)> steps;

    private int received;

    /// <param name="agencies">How many of <see cref="CaseWalk.Agencies"/> the receipts go against, in turn.</param>
    public CaseRequests(GatewayProcess gateway, int agencies = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(agencies, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(agencies, CaseWalk.Agencies.Count);
        client = gateway.Client;
        officer = gateway.TokenFor(CaseWalk.OfficerId, CaseWalk.BodyId, Role.CaseOfficer);
        head = gateway.TokenFor(CaseWalk.HeadId, CaseWalk.BodyId, Role.BodyHead);
        var today = ChinaTime.Today(TimeProvider.System);
        applications = [.. CaseWalk.Agencies.Take(agencies).Select(a => JsonSerializer.SerializeToUtf8Bytes(CaseWalk.Application(today, a), DomainJson.Strict))];
        steps = [.. CaseWalk.Steps.Select(s => (s.Role, JsonSerializer.SerializeToUtf8Bytes(s.Command, DomainJson.Strict)))];
    }

    /// <summary>Receives an application, against the next agency in turn; returns the new case's id.</summary>
    public async Task<string> ReceiveAsync(string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/cases") { Content = Json(applications[(int)((uint)Interlocked.Increment(ref received) % applications.Length)]) };
        request.Headers.Authorization = officer;
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        var (_, location) = await SendAsync(request, HttpStatusCode.Created);
        return location!.OriginalString[(location.OriginalString.LastIndexOf('/') + 1)..];
    }

    /// <summary>Step <paramref name="index"/> of the walk on a case at <paramref name="version"/>.</summary>
    public async Task PerformAsync(string caseId, int index, long version)
    {
        var (role, body) = steps[index];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/cases/{caseId}/actions") { Content = Json(body) };
        request.Headers.Authorization = role == Role.BodyHead ? head : officer;
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        await SendAsync(request, HttpStatusCode.OK);
    }

    /// <summary>Reads a case as its officer; returns the answer's body.</summary>
    public async Task<byte[]> GetAsync(string caseId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/cases/{caseId}");
        request.Headers.Authorization = officer;
        return (await SendAsync(request, HttpStatusCode.OK)).Body;
    }

    /// <summary>Walks a new case from receipt to closing, timing each action; returns the number of actions.</summary>
    public async Task<int> WalkAsync(string idempotencyKey, Latencies? latencies, Latencies[] byAction)
    {
        var caseId = await ClosedLoop.TimedAsync(latencies, () => ReceiveAsync(idempotencyKey), byAction[0]);
        for (var i = 0; i < steps.Count; i++)
        {
            var index = i;
            await ClosedLoop.TimedAsync(latencies, async () =>
            {
                await PerformAsync(caseId, index, index + 1);
                return true;
            }, byAction[index + 1]);
        }

        return CaseWalk.Actions;
    }

    private async Task<(byte[] Body, Uri? Location)> SendAsync(HttpRequestMessage request, HttpStatusCode expected)
    {
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == expected
            ? (body, response.Headers.Location)
            : throw new HttpRequestException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}", null, response.StatusCode);
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
