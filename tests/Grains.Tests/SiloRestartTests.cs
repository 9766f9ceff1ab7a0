using CaseGrains.Abstractions.Calendar;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Cases;
using CaseGrains.Grains.Tests.Support;
using CaseGrains.Persistence.Cases;
using static CaseGrains.Grains.Tests.Support.Samples;

namespace CaseGrains.Grains.Tests;

/// <summary>
/// A case in the middle of its walk, on PostgreSQL, when the only silo goes away and a new one takes over: the
/// case, its history, its applied idempotency keys and the loaded calendar are all still there.
/// </summary>
public sealed class SiloRestartTests(PostgresCaseCluster cluster) : IClassFixture<PostgresCaseCluster>
{
    [Fact]
    public async Task When_the_only_silo_is_stopped_and_a_new_one_started_the_case_continues_where_it_was()
    {
        var id = NewCaseId();
        var grain = cluster.Grains.GetGrain<IReconsiderationCaseGrain>(id);
        (await grain.Receive(TrafficFine(), By(Clerk, "Receive-1", "h-receive"))).Succeeded();
        (await grain.Perform(AcceptOrdinary, By(Reviewer, "Accept-1", "h-accept"))).Succeeded();
        var beforeView = (await grain.Perform(new SendCopyToRespondent(), By(Clerk, "Copy-1", "h-copy"))).Succeeded();
        var calendar = cluster.Grains.GetGrain<ICalendarGrain>(ICalendarGrain.Key);
        Assert.Empty(await calendar.LoadYear(Year2027, Clerk));
        var beforeCalendar = await calendar.GetArrangements();
        var beforeHistory = await cluster.Store.ReadHistoryAsync(id);
        var oldSilo = Assert.Single(cluster.Cluster.Silos);

        await cluster.Cluster.StopSiloAsync(oldSilo);
        Assert.Empty(cluster.Cluster.Silos);
        var newSilo = await cluster.Cluster.StartAdditionalSiloAsync();
        await cluster.Cluster.WaitForLivenessToStabilizeAsync(); // until the client's gateway list is the new silo alone

        Assert.NotEqual(oldSilo.SiloAddress, newSilo.SiloAddress);
        var afterView = (await grain.Get(Clerk)).Succeeded();
        Assert.Equal(newSilo.SiloAddress, cluster.SiloOf(grain)?.SiloAddress);
        Assert.Equal(beforeView.Json(), afterView.Json());
        Assert.Equal(beforeView.Deadlines, afterView.Deadlines);
        Assert.Equal(Entries(beforeHistory), Entries(await cluster.Store.ReadHistoryAsync(id)));
        var afterCalendar = await calendar.GetArrangements();
        Assert.Equal(beforeCalendar.Version, afterCalendar.Version);
        Assert.Contains(afterCalendar.Years, y => y.Year == 2027 && y.Off.SequenceEqual(Year2027.Off));

        // A client that did not hear the answer before the restart retries, and is told it already happened.
        var retried = await grain.Perform(new SendCopyToRespondent(), By(Clerk, "Copy-1", "h-copy"));
        Assert.True(retried.Replayed);
        Assert.Equal(beforeView.Json(), retried.Succeeded().Json());

        (await grain.Perform(new RecordReply(), By(Clerk))).Succeeded();
        (await grain.Perform(Uphold, By(Head))).Succeeded();
        var closed = (await grain.Perform(new Close(), By(Clerk))).Succeeded();
        Assert.Equal(CaseStatus.Closed, closed.Case.Status);
        var history = await cluster.Store.ReadHistoryAsync(id);
        Assert.Equal(Entries(beforeHistory), Entries(history.Take(beforeHistory.Count)));
        Assert.Equal(
            ["receiveApplication", "accept", "sendCopyToRespondent", "recordReply", "decide", "close"],
            history.Select(e => e.Action));
    }

    internal static IEnumerable<string> Entries(IEnumerable<CaseHistoryEntry> history) =>
        history.Select(e => $"{e.Sequence} {e.At:O} {e.ActorUserId}@{e.ActorOrganisationId} {e.Action} {e.Reason} {e.IdempotencyKey} {e.PayloadJson}");
}

/// <summary>
/// Two silos on PostgreSQL; the one holding the case crashes in the middle of the walk. The case reactivates on
/// the survivor from what was committed, which is everything that was ever answered.
/// </summary>
public sealed class SiloFailureTests(TwoSiloPostgresCaseCluster cluster) : IClassFixture<TwoSiloPostgresCaseCluster>
{
    [Fact]
    public async Task When_the_silo_holding_the_case_is_killed_the_case_reactivates_on_the_other_with_nothing_lost()
    {
        var id = NewCaseId();
        var grain = cluster.Grains.GetGrain<IReconsiderationCaseGrain>(id);
        (await grain.Receive(TrafficFine(), By(Clerk))).Succeeded();
        (await grain.Perform(AcceptOrdinary, By(Reviewer, "Accept-1", "h-accept"))).Succeeded();
        var beforeView = (await grain.Perform(new SendCopyToRespondent(), By(Clerk))).Succeeded();
        var beforeHistory = await cluster.Store.ReadHistoryAsync(id);
        var doomed = cluster.SiloOf(grain);
        Assert.NotNull(doomed);
        var survivor = Assert.Single(cluster.Cluster.Silos, s => s != doomed);

        await cluster.Cluster.KillSiloAsync(doomed);
        await cluster.Cluster.WaitForLivenessToStabilizeAsync(didKill: true); // until the survivor declared it dead and the client dropped its gateway

        var afterView = (await grain.Get(Clerk)).Succeeded();
        Assert.Equal(survivor.SiloAddress, cluster.SiloOf(grain)?.SiloAddress);
        Assert.Equal(beforeView.Json(), afterView.Json());
        Assert.Equal(SiloRestartTests.Entries(beforeHistory), SiloRestartTests.Entries(await cluster.Store.ReadHistoryAsync(id)));
        Assert.True((await grain.Perform(AcceptOrdinary, By(Reviewer, "Accept-1", "h-accept"))).Replayed);

        (await grain.Perform(new RecordReply(), By(Clerk))).Succeeded();
        (await grain.Perform(Uphold, By(Head))).Succeeded();
        var closed = (await grain.Perform(new Close(), By(Clerk))).Succeeded();
        Assert.Equal(CaseStatus.Closed, closed.Case.Status);
        Assert.Equal(6, closed.Version);
        Assert.Equal(6, (await cluster.Store.ReadHistoryAsync(id)).Count);
    }
}
