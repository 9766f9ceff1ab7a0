using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests;

/// <summary>
/// A client that did not get an answer sends the same request again with the same Idempotency-Key: it gets the
/// same answer, marked Idempotent-Replayed, and nothing happens twice. The same key with another body is refused.
/// </summary>
public sealed class IdempotencyTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    private readonly CaseClient api = gateway.Cases();

    [Fact]
    public async Task A_retried_receipt_returns_the_same_case_and_opens_no_second_one()
    {
        var application = Applications.TrafficFine("幂等收件");

        var first = await api.ReceiveAsync(application, idempotencyKey: "Receipt-7f3a");
        var retry = await api.ReceiveAsync(application, idempotencyKey: "Receipt-7f3a");

        Assert.Equal(201, first.StatusCode);
        Assert.False(first.Replayed);
        Assert.Equal(201, retry.StatusCode);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(first.ETag, retry.ETag);
        Assert.Equal(first.Case.GetRawText(), retry.Case.GetRawText());
        Assert.Equal(1, (await api.HistoryAsync(first.Id)).Body.GetArrayLength());
        Assert.Equal(1, (await api.ListAsync("q=" + Uri.EscapeDataString("幂等收件"))).Body.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task The_same_receipt_key_with_another_body_is_a_422_and_changes_nothing()
    {
        var first = await api.ReceiveAsync(Applications.TrafficFine("原申请人"), idempotencyKey: "receipt-reused");

        var reused = await api.ReceiveAsync(Applications.TrafficFine("另一申请人"), idempotencyKey: "receipt-reused");

        reused.AssertProblem(422, "idempotency_key_reused");
        var stored = await api.GetAsync(first.Id);
        Assert.Equal(1, stored.Version);
        Assert.Equal("原申请人", stored.Case.GetProperty("applicant").GetProperty("name").GetString());
        Assert.Equal(0, (await api.ListAsync("q=" + Uri.EscapeDataString("另一申请人"))).Body.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_key_belongs_to_its_user_so_another_users_request_with_it_is_a_new_case()
    {
        var mine = await api.ReceiveAsync(Applications.TrafficFine("键属用户"), idempotencyKey: "shared-key");
        var theirs = await api.As("officer-other", Actors.DadongBody).ReceiveAsync(Applications.TrafficFine("键属用户"), idempotencyKey: "shared-key");

        Assert.Equal(201, theirs.StatusCode);
        Assert.False(theirs.Replayed);
        Assert.NotEqual(mine.Id, theirs.Id);
    }

    [Fact]
    public async Task A_retried_action_returns_the_same_result_without_a_second_history_entry_even_with_its_now_stale_If_Match()
    {
        var received = await api.ReceivedAsync();
        var accept = new { action = "accept", procedure = "ordinary", isMajor = false };

        var first = await api.ActAsync(received.Id, accept, ifMatch: received.ETag, idempotencyKey: "Accept-1");
        var retry = await api.ActAsync(received.Id, accept, ifMatch: received.ETag, idempotencyKey: "Accept-1");

        Assert.Equal(200, first.StatusCode);
        Assert.False(first.Replayed);
        Assert.Equal(200, retry.StatusCode);
        Assert.True(retry.Replayed);
        Assert.Equal(2, retry.Version);
        Assert.Equal("\"2\"", retry.ETag);
        Assert.Equal(first.Case.GetRawText(), retry.Case.GetRawText());
        Assert.Equal(2, (await api.HistoryAsync(received.Id)).Body.GetArrayLength());
    }

    [Fact]
    public async Task The_same_action_key_with_another_body_is_a_422_and_changes_nothing()
    {
        var id = (await api.ReceivedAsync()).Id;
        Assert.Equal(200, (await api.ActAsync(id, new { action = "accept", procedure = "ordinary" }, idempotencyKey: "step-1")).StatusCode);

        var reused = await api.ActAsync(id, new { action = "sendCopyToRespondent" }, idempotencyKey: "step-1");
        var reusedWithAnotherBody = await api.ActAsync(id, new { action = "accept", procedure = "ordinary", isMajor = true }, idempotencyKey: "step-1");

        reused.AssertProblem(422, "idempotency_key_reused");
        reusedWithAnotherBody.AssertProblem(422, "idempotency_key_reused");
        var after = await api.GetAsync(id);
        Assert.Equal(2, after.Version);
        Assert.False(after.Case.GetProperty("isMajor").GetBoolean());
        Assert.False(after.Case.TryGetProperty("copySentOn", out _));
        Assert.Equal(2, (await api.HistoryAsync(id)).Body.GetArrayLength());
    }

    [Fact]
    public async Task A_refused_action_does_not_use_up_its_key()
    {
        var id = (await api.ReceivedAsync()).Id;

        var refused = await api.ActAsync(id, new { action = "close" }, idempotencyKey: "try-close");
        await api.DoAsync(id, new { action = "withdraw" });
        var later = await api.ActAsync(id, new { action = "close" }, idempotencyKey: "try-close");

        refused.AssertProblem(409, "action_not_allowed");
        Assert.Equal(200, later.StatusCode);
        Assert.False(later.Replayed);
        Assert.Equal("closed", later.CaseStatus);
    }

    [Fact]
    public async Task Parallel_retries_of_one_receipt_open_exactly_one_case()
    {
        var application = Applications.TrafficFine("并发重试");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => api.ReceiveAsync(application, idempotencyKey: "burst-1")));

        Assert.All(answers, a => Assert.Equal(201, a.StatusCode));
        Assert.Single(answers.Select(a => a.Id).Distinct());
        Assert.Single(answers, a => !a.Replayed);
        Assert.Equal(1, (await api.HistoryAsync(answers[0].Id)).Body.GetArrayLength());
    }
}
