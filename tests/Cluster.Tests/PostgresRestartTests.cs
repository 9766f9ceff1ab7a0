using System.Globalization;
using CaseGrains.Cluster.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace CaseGrains.Cluster.Tests;

/// <summary>
/// PostgreSQL restarted under load (its own server, never the shared one): while it is down the gateway answers 503
/// with <c>Retry-After</c> and nothing worse (keyed requests it retries until the server is back, if that is soon); within 10 seconds of its return service is normal; nothing acknowledged
/// is lost and no case exists twice.
/// </summary>
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StopAt = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan LoadAfterRestart = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task While_PostgreSQL_restarts_the_gateway_answers_503_and_recovers_within_10_seconds_losing_nothing()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var cluster = await LocalCluster.StartAsync(postgres.ConnectionString, silos: 1, ClusterSettings.UnderTest);
        using var gateway = new Gateway(cluster.Gateway);
        var officer = await gateway.TokenAsync("officer-restart", "B-R210104", "caseOfficer");
        var load = new CaseLoad(gateway.Http, officer);

        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 4, stop.Token, retryLimit: TimeSpan.FromSeconds(30));
        await Task.Delay(StopAt);
        await postgres.StopServerAsync();
        var stoppedAt = load.Elapsed;
        await Task.Delay(Outage / 2);
        var unkeyed = await gateway.ReceiveWithoutKeyAsync(officer);
        await Task.Delay(Outage / 2);
        await postgres.StartServerAsync();
        var restartedAt = load.Elapsed;
        await Task.Delay(LoadAfterRestart);
        await stop.CancelAsync();
        await running;

        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var ledger = new Ledger(database);
        var lost = await ledger.LostAsync(load.Acknowledged);
        var duplicates = await ledger.DuplicatesAsync();
        var firstSuccessAfterRestart = load.SuccessTimes.Where(t => t >= restartedAt).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        var lastError = load.Errors.Select(e => e.At).DefaultIfEmpty(TimeSpan.Zero).Max();
        var worse = load.Errors.Where(e => e.Status != 503 || !e.RetryAfter).ToList();
        var recovered = (lastError > restartedAt ? lastError : firstSuccessAfterRestart) - restartedAt;

        var report = string.Join('\n', new (string Figure, object Value)[]
        {
            ("requests", load.Requests), ("2xx", load.Successes), ("failures the gateway absorbed by retrying", cluster.LogLinesContaining("gateway", "Retrying")), ("503 with Retry-After", load.Errors.Count - worse.Count), ("unkeyed receipt during the outage", unkeyed.Status),
            ("other errors (5xx without Retry-After, no answer)", worse.Count),
            ("outage seconds", (restartedAt - stoppedAt).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)),
            ("seconds from restart to normal service", recovered.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)),
            ("changes acknowledged", load.Acknowledged.Count), ("lost", lost.Count), ("duplicates", duplicates),
        }.Select(f => $"  {f.Figure,-50} {f.Value}"));
        output.WriteLine("PostgreSQL restart figures:\n" + report);
        Console.WriteLine("PostgreSQL restart figures:\n" + report);

        // A write without an idempotency key cannot be retried safely, so while PostgreSQL is down it is refused at once.
        Assert.Equal(503, unkeyed.Status);
        Assert.True(unkeyed.RetryAfter, "a 503 must say when to retry");
        Assert.Equal("service_unavailable", unkeyed.Code);
        Assert.Empty(worse);
        Assert.True(recovered <= TimeSpan.FromSeconds(10), $"service came back {recovered.TotalSeconds:F1} s after the restart\n{cluster.LogTail("gateway")}");
        Assert.Empty(lost);
        Assert.Equal(0, duplicates);
    }
}
