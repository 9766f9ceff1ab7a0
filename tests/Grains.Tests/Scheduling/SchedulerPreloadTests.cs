using System.Text.Json;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Time;
using CaseGrains.Grains.Tests.Support;
using CaseGrains.Persistence.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace CaseGrains.Grains.Tests.Scheduling;

/// <summary>A partition loads the cases of the steps coming due before they do, in fire order and no more than its
/// limit, records nothing early, and each step still fires once when it comes due.</summary>
public sealed class SchedulerPreloadTests(PreloadingSchedulerCluster cluster) : IClassFixture<PreloadingSchedulerCluster>
{
    private const int Cases = 6;

    [Fact]
    public async Task Cases_with_a_step_due_soon_are_loaded_ahead_up_to_the_limit_and_each_step_then_fires_once()
    {
        var clock = (ShiftedClock)cluster.Clock;
        var partition = ReminderPartitions.Of(Samples.NewCaseId());
        var ids = Enumerable.Range(0, Cases).Select(_ => NewCaseIdIn(partition)).Order(StringComparer.Ordinal).ToList();
        foreach (var id in ids)
        {
            await ReceiveAsync(id, clock);
        }

        var index = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderIndex>();
        var fireAt = (await index.NextFireAtAsync(partition))!.Value;
        Assert.Equal(ids, (await index.DueAsync(partition, fireAt, 100)).Select(e => e.CaseId));
        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Waiting.UntilAsync(() => Task.FromResult(Loaded(ids).Count == 0), "the received cases to be let go");

        clock.TravelTo(fireAt - TimeSpan.FromMinutes(1));
        await Waiting.UntilAsync(() => Task.FromResult(Loaded(ids).Count == PreloadingSchedulerCluster.PreloadLimit), "the first cases to be loaded");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(ids.Take(PreloadingSchedulerCluster.PreloadLimit), Loaded(ids));
        Assert.All(await Task.WhenAll(ids.Select(StepsRecordedAsync)), n => Assert.Equal(0, n));

        clock.TravelTo(fireAt);
        await Waiting.UntilAsync(async () => (await Task.WhenAll(ids.Select(StepsRecordedAsync))).All(n => n >= 1), "every case to record its step");
        Assert.All(await Task.WhenAll(ids.Select(StepsRecordedAsync)), n => Assert.Equal(1, n));
    }

    private List<string> Loaded(IEnumerable<string> ids) =>
        [.. ids.Where(id => cluster.SiloOf(cluster.Grains.GetGrain<IReconsiderationCaseGrain>(id)) is not null)];

    private static string NewCaseIdIn(int partition)
    {
        while (true)
        {
            var id = Samples.NewCaseId();
            if (ReminderPartitions.Of(id) == partition)
            {
                return id;
            }
        }
    }

    private async Task ReceiveAsync(string id, ShiftedClock clock)
    {
        var application = Samples.TrafficFineOnTheClock(clock);
        (await cluster.Grains.GetGrain<IReconsiderationCaseGrain>(id).Receive(application, Samples.By(Samples.Clerk))).Succeeded();
    }

    private async Task<int> StepsRecordedAsync(string id) =>
        (await cluster.Store.ReadHistoryAsync(id)).Count(e => e.Action == "fireReminder");
}
