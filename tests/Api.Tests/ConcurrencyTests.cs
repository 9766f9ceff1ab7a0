using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Officers acting on one case at the same moment: exactly one conflicting action wins, the others are refused
/// as conflicts, and the history records only the winner.
/// </summary>
public sealed class ConcurrencyTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    private readonly CaseClient api = gateway.Cases();

    private static readonly object[] Conflicting =
    [
        new { action = "accept", procedure = "ordinary", isMajor = false },
        new { action = "notAccept", ground = "notReviewable", reasons = "不属于行政复议范围" },
        new { action = "resolveBeforeFiling", summary = "交警撤销罚款，申请人满意" },
    ];

    [Fact]
    public async Task Twenty_parallel_conflicting_actions_with_the_same_If_Match_let_exactly_one_through()
    {
        var received = await api.ReceivedAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            api.As($"officer-{i}", Actors.DadongBody).ActAsync(received.Id, Conflicting[i % Conflicting.Length], ifMatch: received.ETag)));

        var winner = Assert.Single(answers, a => a.IsSuccess);
        Assert.All(answers.Where(a => !a.IsSuccess), a => Assert.Contains(a.StatusCode, new[] { 409, 412 }));
        Assert.All(answers.Where(a => !a.IsSuccess), a => a.AssertProblem(a.StatusCode));
        Assert.Equal(2, winner.Version);
        await AssertOneNewEntryAsync(received.Id, winner);
    }

    [Fact]
    public async Task Twenty_parallel_conflicting_actions_without_If_Match_let_exactly_one_through()
    {
        var received = await api.ReceivedAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            api.As($"officer-{i}", Actors.DadongBody).ActAsync(received.Id, Conflicting[i % Conflicting.Length])));

        var winner = Assert.Single(answers, a => a.IsSuccess);
        Assert.All(answers.Where(a => !a.IsSuccess), a => a.AssertProblem(409));
        await AssertOneNewEntryAsync(received.Id, winner);
    }

    private async Task AssertOneNewEntryAsync(string id, ApiResponse winner)
    {
        var current = await api.GetAsync(id);
        Assert.Equal(2, current.Version);
        Assert.Equal(winner.CaseStatus, current.CaseStatus);
        var history = (await api.HistoryAsync(id)).Body.EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.Equal(2, history[1].GetProperty("sequence").GetInt64());
        var expectedAction = winner.CaseStatus switch
        {
            "underReview" => "accept",
            "notAccepted" => "notAccept",
            _ => "resolveBeforeFiling",
        };
        Assert.Equal(expectedAction, history[1].GetProperty("action").GetString());
        Assert.Equal(1, (await api.ListAsync("q=" + Uri.EscapeDataString("张三") + "&status=" + winner.CaseStatus)).Body.GetProperty("items")
            .EnumerateArray().Count(r => r.GetProperty("caseId").GetString() == id));
    }
}
