using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests;

/// <summary>
/// The gateway and its silo stop in the middle of a case and new ones start on the same database, as after a crash
/// or a deployment: nothing is lost, and the case goes on where it stood.
/// </summary>
public sealed class RestartTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    private readonly CaseClient api = gateway.Cases();

    [Fact]
    public async Task A_case_driven_half_way_reads_the_same_after_a_restart_and_is_walked_to_the_end()
    {
        var id = (await api.ReceivedAsync(Applications.TrafficFine("重启不丢"))).Id;
        await api.DoAsync(id, new { action = "accept", procedure = "ordinary", reason = "符合受理条件" });
        await api.DoAsync(id, new { action = "sendCopyToRespondent" });
        var before = await api.GetAsync(id);
        var historyBefore = await api.HistoryAsync(id);

        await gateway.RestartAsync();

        var after = await api.GetAsync(id);
        Assert.Equal(200, after.StatusCode);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(before.Case.GetRawText(), after.Case.GetRawText());
        Assert.Equal(before.Body.GetProperty("deadlines").GetRawText(), after.Body.GetProperty("deadlines").GetRawText());
        Assert.Equal(before.AllowedActions, after.AllowedActions);
        Assert.Equal(historyBefore.RawBody, (await api.HistoryAsync(id)).RawBody);

        // The walk goes on from version 3, with If-Match from before the restart.
        var replied = await api.ActAsync(id, new { action = "recordReply" }, ifMatch: before.ETag);
        Assert.Equal(200, replied.StatusCode);
        await api.DoAsync(id, new { action = "decide", type = "uphold", legalBasis = "《行政复议法》第六十八条", summary = "维持", approvedBy = Actors.HeadUser });
        var closed = await api.DoAsync(id, new { action = "close" });
        Assert.Equal("closed", closed.CaseStatus);
        Assert.Equal(6, closed.Version);

        var history = (await api.HistoryAsync(id)).Body.EnumerateArray().ToList();
        Assert.Equal([1L, 2, 3, 4, 5, 6], history.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal(
            ["receiveApplication", "accept", "sendCopyToRespondent", "recordReply", "decide", "close"],
            history.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("符合受理条件", history[1].GetProperty("reason").GetString());
        var listed = await api.ListAsync("q=" + Uri.EscapeDataString("重启不丢"));
        Assert.Equal("closed", listed.Body.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Idempotency_keys_are_still_recognised_after_a_restart()
    {
        var application = Applications.TrafficFine("重启重试");
        var received = await api.ReceiveAsync(application, idempotencyKey: "Receipt-Before-Restart");
        var accept = new { action = "accept", procedure = "ordinary" };
        var accepted = await api.ActAsync(received.Id, accept, idempotencyKey: "Accept-Before-Restart");
        Assert.Equal(200, accepted.StatusCode);

        await gateway.RestartAsync();

        var receiptRetry = await api.ReceiveAsync(application, idempotencyKey: "Receipt-Before-Restart");
        var acceptRetry = await api.ActAsync(received.Id, accept, idempotencyKey: "Accept-Before-Restart");
        var reused = await api.ActAsync(received.Id, new { action = "sendCopyToRespondent" }, idempotencyKey: "Accept-Before-Restart");

        Assert.Equal(201, receiptRetry.StatusCode);
        Assert.True(receiptRetry.Replayed);
        Assert.Equal(received.Id, receiptRetry.Id);
        Assert.Equal(200, acceptRetry.StatusCode);
        Assert.True(acceptRetry.Replayed);
        Assert.Equal(2, acceptRetry.Version);
        reused.AssertProblem(422, "idempotency_key_reused");
        Assert.Equal(2, (await api.HistoryAsync(received.Id)).Body.GetArrayLength());
    }
}
