using System.Globalization;
using CaseGrains.Cluster.Tests.Infrastructure;
using CaseGrains.TestSupport;
using Xunit.Abstractions;

namespace CaseGrains.Cluster.Tests;

/// <summary>
/// Issue 6's proof: three silos and a gateway as separate processes on PostgreSQL, under steady load; one silo is
/// killed (<c>kill -9</c>), a new one started, another drained through the administrators' API. Nothing acknowledged
/// may be missing, no case may exist twice, every deadline that came due must have fired, and the errors the kill
/// causes must stop within 30 seconds.
/// </summary>
public sealed class ClusterChaosTests(ITestOutputHelper output)
{
    private static readonly TimeSpan KillAt = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan AddAt = TimeSpan.FromSeconds(12);

    /// <summary>The drain waits at least this long after the kill, and until the new silo is active.</summary>
    private static readonly TimeSpan DrainAfterKill = TimeSpan.FromSeconds(20);

    /// <summary>The load goes on this long after the drain.</summary>
    private static readonly TimeSpan LoadAfterDrain = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_cluster_under_load_loses_nothing_when_a_silo_is_killed_one_added_and_one_drained()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var cluster = await LocalCluster.StartAsync(database.ConnectionString, silos: 3, ClusterSettings.UnderTest);
        using var gateway = new Gateway(cluster.Gateway);
        var admin = await gateway.TokenAsync("admin-chaos", "S-R210000", "administrator");
        var load = new CaseLoad(gateway.Http, await gateway.TokenAsync("officer-chaos", "B-R210104", "caseOfficer"));

        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 6, stop.Token, retryLimit: TimeSpan.FromSeconds(40));
        await Until(load, KillAt);
        await cluster.KillSiloAsync(1);
        var killedAt = load.Elapsed;
        await Until(load, AddAt);
        var added = await cluster.AddSiloAsync();
        var joinedAt = await WaitForActiveAsync(gateway, admin, cluster.SiloPort(added), TimeSpan.FromSeconds(120));
        await Until(load, killedAt + DrainAfterKill);
        var drained = await gateway.MemberAsync(admin, cluster.SiloPort(2));
        var drainStatus = await gateway.DrainAsync(admin, drained!["id"]!.GetValue<string>(), "演练：平稳下线二号节点");
        var drainedAt = load.Elapsed;
        await Until(load, drainedAt + LoadAfterDrain);
        await stop.CancelAsync();
        await running;

        var ledger = new Ledger(database.DataSource);
        var deadlinesFiredWithin = await WaitForDeadlinesAsync(ledger, TimeSpan.FromSeconds(60));
        var lost = await ledger.LostAsync(load.Acknowledged);
        var duplicates = await ledger.DuplicatesAsync();
        var lateNotFired = await ledger.WithoutFiredReminderAsync(load.LateCases);
        var errorsAfterKill = load.Errors.Select(e => e.At).Where(e => e >= killedAt && e < drainedAt).ToList();
        var recovery = errorsAfterKill.Count == 0 ? TimeSpan.Zero : errorsAfterKill.Max() - killedAt;
        var drainErrors = load.Errors.Count(e => e.At >= drainedAt);
        var members = await MembersWithRolesAsync(gateway, admin, TimeSpan.FromSeconds(30));
        var newcomer = await gateway.MemberAsync(admin, cluster.SiloPort(added));
        var drainRecord = (await gateway.DrainsAsync(admin)).FirstOrDefault(d => d!["siloId"]!.GetValue<string>() == drained!["id"]!.GetValue<string>());

        Report(
            ("requests", load.Requests), ("2xx", load.Successes), ("failures the gateway absorbed by retrying", cluster.LogLinesContaining("gateway", "Retrying")), ("errors (5xx or no answer)", load.Errors.Count),
            ("errors after the kill, before the drain", errorsAfterKill.Count), ("errors after the drain", drainErrors),
            ("recovery seconds after kill -9", recovery.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)),
            ("changes acknowledged", load.Acknowledged.Count), ("cases in PostgreSQL", await ledger.CasesAsync()),
            ("late cases whose review period fired", $"{load.LateCases.Count - lateNotFired.Count}/{load.LateCases.Count}"),
            ("seconds until every due step fired", deadlinesFiredWithin?.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) ?? "not within 60"),
            ("seconds for the new silo to become active", joinedAt?.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) ?? "not within 120"),
            ("drain answer", drainStatus), ("drain record", drainRecord?.ToJsonString() ?? "none"),
            ("new silo's activations", newcomer?["activationCount"]?.ToString() ?? "?"),
            ("lost", lost.Count), ("duplicates", duplicates));
        output.WriteLine(string.Join('\n', members.Select(m => $"  {m!["siloName"]} {m["status"]} role={m["role"]} activations={m["activationCount"]}")));

        Assert.True(load.SuccessTimes.Count(t => t > killedAt && t < drainedAt) > 5 && load.SuccessTimes.Count(t => t > drainedAt) > 5,
            $"the load made too little progress around the kill and the drain to prove anything\n{cluster.LogTail("gateway")}");
        Assert.Empty(lost);
        Assert.Equal(0, duplicates);
        Assert.Equal(202, drainStatus);
        Assert.NotNull(deadlinesFiredWithin);
        Assert.Empty(lateNotFired);
        Assert.True(recovery < TimeSpan.FromSeconds(30), $"errors went on {recovery.TotalSeconds:F1} s after the kill");
        Assert.Equal("dead", (await gateway.MemberAsync(admin, cluster.SiloPort(1)))!["status"]!.GetValue<string>());
        Assert.NotNull(joinedAt);
        Assert.Equal("active", newcomer!["status"]!.GetValue<string>());
        Assert.False(cluster.IsRunning(2), "the drained silo's process should have ended");
        var withoutRole = members.Where(m => m!["status"]!.GetValue<string>() == "active" && m["role"]?.GetValue<string>() != "silo").Select(m => m!["siloName"]).ToList();
        Assert.True(
            withoutRole.Count == 0,
            $"active silos not telling the role 'silo': {string.Join(", ", withoutRole)}\ngateway:\n{cluster.LogLinesWith("gateway", "without its role")}\nnew silo:\n{cluster.LogTail($"silo{added}", 20)}");
        Assert.NotNull(drainRecord);
        Assert.Equal("admin-chaos", drainRecord!["requestedBy"]!.GetValue<string>());
        Assert.Equal("演练：平稳下线二号节点", drainRecord["reason"]!.GetValue<string>());
        Assert.Equal("left", drainRecord["status"]!.GetValue<string>());
        Assert.True(drainRecord["leftAt"]!.GetValue<DateTimeOffset>() > drainRecord["requestedAt"]!.GetValue<DateTimeOffset>());
    }

    private static async Task Until(CaseLoad load, TimeSpan at)
    {
        var wait = at - load.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }

    /// <summary>How long the silo listening on <paramref name="siloPort"/> took to become active; null if not within <paramref name="limit"/>.</summary>
    private static Task<TimeSpan?> WaitForActiveAsync(Gateway gateway, string admin, int siloPort, TimeSpan limit) =>
        Polling.UntilAsync(async () => (await gateway.MemberAsync(admin, siloPort))?["status"]?.GetValue<string>() == "active", limit, Second);

    /// <summary>The members once every active one has told its role: a silo that misses the gateway's 5 s limit for
    /// that question is listed without a role, which says nothing about the role it has. The last listing if not within
    /// <paramref name="limit"/>.</summary>
    private static async Task<System.Text.Json.Nodes.JsonArray> MembersWithRolesAsync(Gateway gateway, string admin, TimeSpan limit)
    {
        var members = new System.Text.Json.Nodes.JsonArray();
        await Polling.UntilAsync(
            async () => (members = await gateway.MembersAsync(admin)).All(m => m!["status"]!.GetValue<string>() != "active" || m["role"] is not null),
            limit,
            Second);
        return members;
    }

    /// <summary>How long after the load every step that came due (more than 5 s ago) had fired; null if not within <paramref name="limit"/>.</summary>
    private static Task<TimeSpan?> WaitForDeadlinesAsync(Ledger ledger, TimeSpan limit) =>
        Polling.UntilAsync(async () => await ledger.OverdueStepsAsync(TimeSpan.FromSeconds(5)) == 0, limit, Second);

    private void Report(params (string Figure, object Value)[] figures)
    {
        var lines = figures.Select(f => $"  {f.Figure,-42} {f.Value}");
        var report = "cluster chaos figures:\n" + string.Join('\n', lines);
        output.WriteLine(report);
        Console.WriteLine(report);
    }
}
