using System.Diagnostics;
using System.Text.Json;
using CaseGrains.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CaseGrains.Api.Tests.Hostile;

/// <summary>
/// Over a thousand generated hostile requests across every endpoint (<see cref="HostileInputs"/>, fixed seed): none
/// may be answered with a 5xx, every 4xx must be a problem document, every request must get one of the statuses its
/// template allows, a list must never answer a row outside the reader's scope or not matching their text filter,
/// and after the run nothing has changed but the cases opened by receipts a correct server may accept, which are
/// counted: the seeded cases' versions, histories and hash chains, the list total, the rows of both case tables,
/// the directory and the calendar are as they were.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.Gateway fixture, ITestOutputHelper output) : IClassFixture<HostileInputTests.Gateway>
{
    /// <summary>The seed of the run; change it to explore, keep it fixed to reproduce.</summary>
    public const int Seed = 20241122;

    /// <summary>A gateway whose intake limits do not get in the way of a thousand receipts a minute.</summary>
    public sealed class Gateway : IAsyncLifetime
    {
        public PostgresGateway Postgres { get; } = new(new Dictionary<string, string?>
        {
            ["RateLimiting:ApplicantIntakePerMinute"] = "100000",
            ["RateLimiting:StaffIntakePerMinute"] = "100000",
        });

        public Task InitializeAsync() => Postgres.InitializeAsync();

        public Task DisposeAsync() => Postgres.DisposeAsync();
    }

    private readonly PostgresGateway gateway = fixture.Postgres;

    [Fact]
    public async Task A_thousand_hostile_requests_get_no_5xx_only_problem_documents_and_change_nothing_they_were_refused()
    {
        var head = gateway.As(Actors.DadongHead);
        var clerk = gateway.As(Actors.TrafficPointClerk);
        var owned = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            owned.Add((await clerk.ReceivedAsync(Applications.TrafficFine("敌意目标" + i))).Id);
        }

        var foreign = (await gateway.As(Actors.Clerk(Actors.YingkouGreenChannel))
            .ReceivedAsync(Applications.Against("A-R210800-SAMR", Actors.YingkouGreenChannel, "greenChannel", "敌意外地"))).Id;
        var offered = (await head.GetAsync(owned[0])).AllowedActions.ToHashSet();
        var requests = new HostileInputs(new HostileTargets(owned, foreign, offered), Seed).All().ToList();
        var before = await SnapshotAsync(owned, foreign);

        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var byCategory = new SortedDictionary<string, SortedDictionary<int, int>>(StringComparer.Ordinal);
        var opened = new List<string>();
        var accepted = new List<string>();
        foreach (var request in requests)
        {
            var answer = await SendAsync(request);
            statuses[answer.StatusCode] = statuses.GetValueOrDefault(answer.StatusCode) + 1;
            var category = byCategory.TryGetValue(request.Category, out var known) ? known : byCategory[request.Category] = [];
            category[answer.StatusCode] = category.GetValueOrDefault(answer.StatusCode) + 1;
            foreach (var failure in Check(request, answer))
            {
                failures.Add($"{failure}\n    request: {request}\n    answer: {Shorten(answer.ToString())}");
            }

            if (answer.StatusCode == 201 && request.MayOpenCase)
            {
                opened.Add(answer.Id);
                accepted.Add(request.ToString());
            }
        }

        clock.Stop();
        output.WriteLine($"{requests.Count} hostile requests in {clock.Elapsed.TotalSeconds:F1} s (seed {Seed}); {opened.Count} receipts accepted and accounted for.");
        output.WriteLine("Status codes: " + string.Join(", ", statuses.Select(s => $"{s.Key} × {s.Value}")));
        foreach (var (category, counts) in byCategory)
        {
            output.WriteLine($"  {category}: {string.Join(", ", counts.Select(s => $"{s.Key} × {s.Value}"))}");
        }

        foreach (var receipt in accepted)
        {
            output.WriteLine("accepted " + receipt);
        }

        // Nothing changed but the cases the accepted receipts opened, each at its first version.
        var after = await SnapshotAsync(owned, foreign);
        var administrator = gateway.As(Actors.Administrator);
        var changes = new List<string>();
        Compare("the seeded cases (version, status, history, chain)", before.Seeded, after.Seeded);
        Compare("the directory", before.Directory, after.Directory);
        Compare("the calendar", before.Calendar, after.Calendar);
        Compare("the administrator's list total", before.ListTotal + opened.Count, after.ListTotal);
        Compare("the rows of cases", before.CaseRows + opened.Count, after.CaseRows);
        Compare("the rows of case_history", before.HistoryRows + opened.Count, after.HistoryRows);
        foreach (var id in opened)
        {
            Compare($"the version of accepted case {id}", 1L, (await administrator.GetAsync(id)).Version);
        }

        foreach (var problem in changes.Concat(failures).Take(200))
        {
            output.WriteLine("FAILED " + problem);
        }

        Assert.True(requests.Count >= 1000, $"only {requests.Count} requests were generated");
        Assert.True(changes.Count == 0, "refused requests changed the state:\n" + string.Join("\n", changes));
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} answers were wrong; the first:\n" + string.Join("\n", failures.Take(25)));

        void Compare<T>(string what, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                changes.Add($"{what}: expected {Shorten(expected?.ToString() ?? "null")}, found {Shorten(actual?.ToString() ?? "null")}");
            }
        }
    }

    /// <summary>What is wrong with <paramref name="answer"/> to <paramref name="request"/>, if anything.</summary>
    private static IEnumerable<string> Check(HostileRequest request, ApiResponse answer)
    {
        var status = answer.StatusCode;
        if (status >= 500)
        {
            yield return $"a server error {status}";
            yield break;
        }

        if (request.Expected is { } expected && !expected.Contains(status))
        {
            yield return $"status {status}, expected one of {string.Join(", ", expected)}";
        }

        if (status is >= 400 and < 500)
        {
            string? problem = null;
            try
            {
                answer.AssertProblem(status);
            }
            catch (Exception e)
            {
                problem = "not a problem document: " + e.Message.ReplaceLineEndings(" ");
            }

            if (problem is not null)
            {
                yield return problem;
            }
        }

        if (status is >= 200 and < 300 && request.IsWrite && !request.MayOpenCase)
        {
            yield return $"a write was accepted ({status})";
        }

        if (status == 200 && request.Method == HttpMethod.Get && request.Path.StartsWith("/api/v1/cases?", StringComparison.Ordinal))
        {
            foreach (var row in answer.Body.GetProperty("items").EnumerateArray())
            {
                if (request.ListBody is { } body && row.GetProperty("competentBodyId").GetString() != body && row.GetProperty("receivingBodyId").GetString() != body)
                {
                    yield return $"the list showed {row.GetProperty("caseId")} of another body";
                }

                if (request.ListText is { } text && !Matches(row, text))
                {
                    yield return $"the text filter matched {row.GetProperty("caseId")}, which does not contain it";
                }
            }
        }
    }

    private static bool Matches(JsonElement row, string text) =>
        new[] { "applicantName", "agencyName" }.Any(p => row.GetProperty(p).GetString()!.Contains(text, StringComparison.OrdinalIgnoreCase));

    private async Task<ApiResponse> SendAsync(HostileRequest request)
    {
        using var message = new HttpRequestMessage(request.Method, request.Path);
        if (request.Body is not null)
        {
            HttpContent content = request.Chunked ? new StreamContent(new UnknownLengthStream(request.Body)) : new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }

            message.Content = content;
        }

        if (request.Authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", request.Authorization);
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return await ApiResponse.ReadAsync(await gateway.Client.SendAsync(message));
    }

    private sealed record Snapshot(string Seeded, long ListTotal, long CaseRows, long HistoryRows, string Directory, string Calendar);

    /// <summary>Everything a refused request could have changed: each seeded case's version, history and chain as its
    /// owner reads them, the list total as an administrator reads it, the rows of both case tables, the directory and
    /// the calendar.</summary>
    private async Task<Snapshot> SnapshotAsync(IReadOnlyList<string> owned, string foreign)
    {
        var seeded = new List<string>();
        foreach (var (id, owner) in owned.Select(id => (id, Actors.DadongHead)).Append((foreign, Actors.Officer("B-R210800"))))
        {
            var api = gateway.As(owner);
            var read = await api.GetAsync(id);
            var history = await api.HistoryAsync(id);
            var verification = await api.VerificationAsync(id);
            Assert.True(verification.Body.GetProperty("intact").GetBoolean());
            seeded.Add($"{id} v{read.Version} {read.CaseStatus} {history.RawBody} {verification.RawBody}");
        }

        var administrator = gateway.As(Actors.Administrator);
        return new Snapshot(
            string.Join('\n', seeded),
            (await administrator.ListAsync()).Body.GetProperty("total").GetInt64(),
            await gateway.Database.ScalarAsync<long>("SELECT count(*) FROM cases"),
            await gateway.Database.ScalarAsync<long>("SELECT count(*) FROM case_history"),
            (await administrator.GetPathAsync("/api/v1/regions")).RawBody + (await administrator.GetPathAsync("/api/v1/organisations")).RawBody,
            (await administrator.GetPathAsync("/api/v1/calendar/years")).RawBody);
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";

    /// <summary>A body whose length the client cannot know in advance, so it is sent chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
