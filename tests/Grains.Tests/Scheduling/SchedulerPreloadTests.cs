using CaseGrains.Abstractions.Cases;
using CaseGrains.Abstractions.Complaints;
using CaseGrains.Domain.Time;
using CaseGrains.Grains.Scheduling;
using CaseGrains.Grains.Tests.Complaints;
using CaseGrains.Grains.Tests.Support;
using CaseGrains.Persistence.Complaints;
using CaseGrains.Persistence.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace CaseGrains.Grains.Tests.Scheduling;

/// <summary>A partition loads the cases and complaints of the steps coming due before they do, in fire order and no more
/// than its limit, records nothing early, and each step still fires once when it comes due.</summary>
public sealed class SchedulerPreloadTests(PreloadingSchedulerCluster cluster) : IClassFixture<PreloadingSchedulerCluster>
{
    private const int Subjects = 6;

    // Each kind in a partition of its own, so that the tests do not share a partition's preloading.
    [Theory]
    [InlineData(DeadlineSubjects.CasePrefix, 7)]
    [InlineData(DeadlineSubjects.ComplaintPrefix, 21)]
    public async Task Subjects_with_a_step_due_soon_are_loaded_ahead_up_to_the_limit_and_each_step_then_fires_once(string kind, int partition)
    {
        var clock = (ShiftedClock)cluster.Clock;
        var ids = Enumerable.Range(0, Subjects).Select(_ => NewIdIn(kind, partition)).Order(StringComparer.Ordinal).ToList();
        foreach (var id in ids)
        {
            await ReceiveAsync(id, clock);
        }

        var index = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderIndex>();
        var fireAt = (await index.NextFireAtAsync(partition))!.Value;
        Assert.Equal(ids, (await index.DueAsync(partition, fireAt, 100)).Select(e => e.CaseId));
        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Waiting.UntilAsync(() => Task.FromResult(Loaded(ids).Count == 0), "the received subjects to be let go");

        clock.TravelTo(fireAt - TimeSpan.FromMinutes(1));
        await Waiting.UntilAsync(() => Task.FromResult(Loaded(ids).Count == PreloadingSchedulerCluster.PreloadLimit), "the first subjects to be loaded");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(ids.Take(PreloadingSchedulerCluster.PreloadLimit), Loaded(ids));
        Assert.All(await Task.WhenAll(ids.Select(StepsRecordedAsync)), n => Assert.Equal(0, n));

        clock.TravelTo(fireAt);
        await Waiting.UntilAsync(async () => (await Task.WhenAll(ids.Select(StepsRecordedAsync))).All(n => n >= 1), "every subject to record its step");
        Assert.All(await Task.WhenAll(ids.Select(StepsRecordedAsync)), n => Assert.Equal(1, n));
    }

    private List<string> Loaded(IEnumerable<string> ids) => [.. ids.Where(id => cluster.SiloOf(GrainOf(id)) is not null)];

    private IAddressable GrainOf(string id) => IsCase(id)
        ? cluster.Grains.GetGrain<IReconsiderationCaseGrain>(id)
        : cluster.Grains.GetGrain<IEnforcementComplaintGrain>(id);

    private static bool IsCase(string id) => id.StartsWith(DeadlineSubjects.CasePrefix, StringComparison.Ordinal);

    private static string NewIdIn(string kind, int partition)
    {
        while (true)
        {
            var id = kind == DeadlineSubjects.CasePrefix ? Samples.NewCaseId() : ComplaintSamples.NewId();
            if (ReminderPartitions.Of(id) == partition)
            {
                return id;
            }
        }
    }

    private async Task ReceiveAsync(string id, ShiftedClock clock)
    {
        if (IsCase(id))
        {
            (await cluster.Grains.GetGrain<IReconsiderationCaseGrain>(id).Receive(Samples.TrafficFineOnTheClock(clock), Samples.By(Samples.Clerk))).Succeeded();
        }
        else
        {
            (await cluster.Grains.GetGrain<IEnforcementComplaintGrain>(id).Receive(ComplaintSamples.AboutTheBrigade(ChinaTime.Today(clock)), ComplaintSamples.By(ComplaintSamples.DadongSupervisor))).Succeeded();
        }
    }

    private async Task<int> StepsRecordedAsync(string id) => IsCase(id)
        ? (await cluster.Store.ReadHistoryAsync(id)).Count(e => e.Action == "fireReminder")
        : (await cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IComplaintStore>().ReadHistoryAsync(id)).Count(e => e.Action == "fireComplaintReminder");
}
