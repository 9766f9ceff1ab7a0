using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CaseGrains.Cluster.Tests.Infrastructure;

/// <summary>
/// Steady load through the gateway, as case officers of the Dadong body would make it: each worker receives an
/// application and takes it through acceptance, the copy to the respondent and the reply, every request with an
/// <c>Idempotency-Key</c> and the version it read. Every fourth application arrived thirty days ago, so its review
/// period has run out and the deadline scheduler must accept it by operation of law. A request answered 5xx or not at
/// all is an error, and is sent again with the same key until it is answered (as a client should); every change
/// answered 2xx is remembered, to be found afterwards in PostgreSQL.
/// </summary>
public sealed class CaseLoad(HttpClient http, string officerToken)
{
    private static readonly string[] Steps = ["accept", "sendCopyToRespondent", "recordReply"];

    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentBag<AcknowledgedChange> acknowledged = [];
    private readonly ConcurrentBag<LoadError> errors = [];
    private readonly ConcurrentBag<string> lateCases = [];
    private readonly ConcurrentBag<TimeSpan> successTimes = [];
    private long requests;
    private TimeSpan giveUpAt = TimeSpan.MaxValue;
    private long successes;

    /// <summary>Time since the load was created: what error times and events are measured on.</summary>
    public TimeSpan Elapsed => clock.Elapsed;

    public long Requests => Interlocked.Read(ref requests);

    public long Successes => Interlocked.Read(ref successes);

    public IReadOnlyCollection<LoadError> Errors => errors;

    /// <summary>When each request answered 2xx was answered.</summary>
    public IReadOnlyCollection<TimeSpan> SuccessTimes => successTimes;

    public IReadOnlyCollection<AcknowledgedChange> Acknowledged => acknowledged;

    /// <summary>Cases received thirty days late, whose review period the scheduler must have closed.</summary>
    public IReadOnlyCollection<string> LateCases => lateCases;

    /// <summary>Runs <paramref name="workers"/> workers until <paramref name="stop"/> is cancelled; a case under way then
    /// is finished, its failed requests retried for at most <paramref name="retryLimit"/> more.</summary>
    public Task RunAsync(int workers, CancellationToken stop, TimeSpan retryLimit)
    {
        stop.Register(() => giveUpAt = Elapsed + retryLimit);
        return Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(w, stop))));
    }

    private async Task WorkAsync(int worker, CancellationToken stop)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var key = $"chaos-{run}-{worker}-{n}";
            var late = n % 4 == 3;
            var (status, body, etag) = await SendAsync(HttpMethod.Post, "api/v1/cases", key, null, Application(late));
            if (status is not (200 or 201))
            {
                continue;
            }

            var caseId = body!["id"]!.GetValue<string>();
            acknowledged.Add(new AcknowledgedChange(caseId, key, "receive"));
            if (late)
            {
                lateCases.Add(caseId);
                continue;
            }

            foreach (var step in Steps)
            {
                var stepKey = $"{key}-{step}";
                var command = step == "accept"
                    ? new JsonObject { ["action"] = step, ["procedure"] = "ordinary", ["reason"] = "材料齐全，符合受理条件" }
                    : new JsonObject { ["action"] = step };
                (status, _, etag) = await SendAsync(HttpMethod.Post, $"api/v1/cases/{caseId}/actions", stepKey, etag, command);
                if (status != 200)
                {
                    break;
                }

                acknowledged.Add(new AcknowledgedChange(caseId, stepKey, step));
            }
        }
    }

    private async Task<(int Status, JsonNode? Body, string? ETag)> SendAsync(
        HttpMethod method, string path, string key, string? ifMatch, JsonObject body)
    {
        while (true)
        {
            Interlocked.Increment(ref requests);
            var error = new LoadError(TimeSpan.Zero, 0, RetryAfter: false);
            try
            {
                using var request = new HttpRequestMessage(method, path)
                {
                    Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", officerToken);
                request.Headers.Add("Idempotency-Key", key);
                if (ifMatch is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
                }

                using var response = await http.SendAsync(request);
                var status = (int)response.StatusCode;
                if (status < 500)
                {
                    if (status < 300)
                    {
                        Interlocked.Increment(ref successes);
                        successTimes.Add(Elapsed);
                    }

                    var text = await response.Content.ReadAsStringAsync();
                    return (status, text.Length > 0 ? JsonNode.Parse(text) : null, response.Headers.ETag?.Tag);
                }

                error = error with { Status = status, RetryAfter = response.Headers.RetryAfter is not null };
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not answered: counted below like a 5xx.
            }

            errors.Add(error with { At = Elapsed });
            if (Elapsed > giveUpAt)
            {
                return (0, null, null);
            }

            await Task.Delay(500);
        }
    }

    /// <summary>An application to the Dadong body at its hall: received today, or thirty days ago when <paramref name="late"/>.</summary>
    public static JsonObject Application(bool late)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var receivedOn = late ? today.AddDays(-30) : today;
        var actOn = receivedOn.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var application = new JsonObject
        {
            ["applicant"] = new JsonObject { ["kind"] = "person", ["name"] = "张三", ["idNumber"] = "210102199003074514", ["phone"] = "13812345678" },
            ["respondentAgencyId"] = "A-R210104-TRAFFIC",
            ["challengedAct"] = new JsonObject
            {
                ["description"] = "罚款200元", ["actOn"] = actOn, ["knownOn"] = actOn, ["penaltyKind"] = "fine", ["amountYuan"] = 200,
            },
            ["claims"] = "撤销该罚款决定",
            ["channel"] = "hall",
            ["intakePointId"] = "I-R210104-HALL",
        };
        if (late)
        {
            application["receivedOn"] = receivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return application;
    }
}

/// <summary>A request answered 5xx (<see cref="Status"/>, and whether it said when to retry) or not at all (status 0).</summary>
public sealed record LoadError(TimeSpan At, int Status, bool RetryAfter);

/// <summary>A change the gateway acknowledged with 2xx: the case, the idempotency key it carried, and the action.</summary>
public sealed record AcknowledgedChange(string CaseId, string Key, string Action);
