using CaseGrains.Abstractions.Cases;
using CaseGrains.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement.Rebalancing;
using Orleans.TestingHost;
using Xunit.Abstractions;
using static CaseGrains.Grains.Tests.Support.Samples;

namespace CaseGrains.Grains.Tests.Cluster;

/// <summary>
/// Two silos on PostgreSQL with Orleans' activation rebalancer tuned, through the <c>Rebalancing</c> section the product
/// binds, to act within seconds instead of minutes: a first session after 1 s, a cycle every 3 s (it must exceed twice
/// the 1 s statistics refresh), and the fastest migration rate the options allow.
/// </summary>
public sealed class RebalancingPostgresCaseCluster : PostgresCaseCluster
{
    protected override short SiloCount => 2;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(QuietSettings)
    {
        ["Rebalancing:RebalancerDueTime"] = "00:00:01",
        ["Rebalancing:SessionCyclePeriod"] = "00:00:03",
        ["Rebalancing:CycleNumberWeight"] = "1",
        ["Rebalancing:SiloNumberWeight"] = "0",
    };
}

/// <summary>
/// Issue 6: existing activations, not only new ones, spread onto a silo that joins. Cases are active on two silos; a
/// third joins; within the time limit it must hold a fair share of them, moved there by the rebalancer (nothing calls
/// them meanwhile), and each moved case must answer with the state it had.
/// </summary>
public sealed class RebalancingTests(RebalancingPostgresCaseCluster cluster, ITestOutputHelper output) : IClassFixture<RebalancingPostgresCaseCluster>
{
    private const int Cases = 60;

    /// <summary>A third of the cases would be an even spread; half of that is taken as a fair share, since the
    /// rebalancer evens out all activations (not only cases) and picks the ones it moves at random.</summary>
    private const int FairShare = Cases / 6;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Cases_active_on_two_silos_move_onto_a_third_that_joins_and_answer_with_their_state()
    {
        var views = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var batch in Enumerable.Range(0, Cases).Select(_ => NewCaseId()).Chunk(6))
        {
            var received = await Task.WhenAll(batch.Select(id => cluster.Grains.GetGrain<IReconsiderationCaseGrain>(id).Receive(TrafficFine(), By(Clerk))));
            foreach (var (id, result) in batch.Zip(received))
            {
                views[id] = result.Succeeded().Json();
            }
        }

        var original = cluster.Cluster.Silos.Select(s => s.SiloAddress).ToHashSet();
        Assert.All(views.Keys, id => Assert.Contains(cluster.SiloOf(Case(id))!.SiloAddress, original));

        var joined = await cluster.Cluster.StartAdditionalSiloAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var moved = MovedTo(joined, views.Keys);
        while (moved.Count < FairShare && clock.Elapsed < Limit)
        {
            await Task.Delay(500);
            moved = MovedTo(joined, views.Keys);
        }

        output.WriteLine($"after {clock.Elapsed.TotalSeconds:F1} s: " + string.Join(", ", cluster.Cluster.Silos.Select(s =>
            $"{s.Name} holds {views.Keys.Count(id => cluster.SiloOf(Case(id))?.SiloAddress.Equals(s.SiloAddress) == true)} cases")));
        Assert.True(moved.Count >= FairShare, $"{moved.Count} of {Cases} cases moved onto the new silo within {Limit.TotalSeconds} s; expected at least {FairShare}");
        var acquired = await AcquiredByRebalancingAsync(joined);
        Assert.True(acquired >= (ulong)moved.Count, $"the rebalancer moved {acquired} activations onto the new silo, fewer than the {moved.Count} cases found there");

        foreach (var id in moved)
        {
            Assert.Equal(views[id], (await Case(id).Get(Clerk)).Succeeded().Json());
        }

        var next = (await Case(moved[0]).Perform(AcceptOrdinary, By(Reviewer))).Succeeded();
        Assert.Equal(2, next.Version);
    }

    /// <summary>How many activations the rebalancer says it sent to <paramref name="silo"/>: that it was the rebalancer
    /// which moved the cases, not anything else.</summary>
    private static async Task<ulong> AcquiredByRebalancingAsync(InProcessSiloHandle silo)
    {
#pragma warning disable ORLEANSEXP002 // The rebalancer is experimental in Orleans 10 (see SiloSetup).
        var report = await silo.ServiceProvider.GetRequiredService<IActivationRebalancer>().GetRebalancingReport(force: true);
#pragma warning restore ORLEANSEXP002
        return report.Statistics.Where(s => s.SiloAddress.Equals(silo.SiloAddress)).Aggregate(0UL, (sum, s) => sum + s.AcquiredActivations);
    }

    private IReconsiderationCaseGrain Case(string id) => cluster.Grains.GetGrain<IReconsiderationCaseGrain>(id);

    private List<string> MovedTo(InProcessSiloHandle silo, IEnumerable<string> ids) =>
        [.. ids.Where(id => cluster.SiloOf(Case(id))?.SiloAddress.Equals(silo.SiloAddress) == true)];
}
