using System.Text.Json;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Time;
using CaseGrains.Grains.Tests.Support;
using CaseGrains.Persistence.Reminders;
using Orleans.TestingHost;

namespace CaseGrains.Grains.Tests.Scheduling;

/// <summary>A silo that dies takes none of its deadlines with it: the other silo takes over its scheduler partitions
/// and fires everything that came due meanwhile, each step once.</summary>
public sealed class SchedulerFailoverTests(TwoSiloSchedulingCluster cluster) : IClassFixture<TwoSiloSchedulingCluster>
{
    private const int Cases = 40;

    [Fact]
    public async Task When_the_silo_holding_scheduler_partitions_is_killed_every_reminder_that_comes_due_still_fires_once()
    {
        var clock = (ShiftedClock)cluster.Clock;
        var ids = Enumerable.Range(0, Cases).Select(_ => Samples.NewCaseId()).ToList();
        var views = await Task.WhenAll(ids.Select(id => ReceiveAsync(id, clock)));
        var dueOn = views.Select(v => v.Deadlines.Single(d => d.Kind == DeadlineKind.Review).DueOn).Distinct().Single();

        await Waiting.UntilAsync(() => Task.FromResult(Enumerable.Range(0, ReminderPartitions.Count).All(p => cluster.SiloOf(Partition(p)) is not null)), "every partition active");
        var victim = cluster.SiloOf(Partition(ReminderPartitions.Of(ids[0])))!;
        var orphaned = ids.Where(id => cluster.SiloOf(Partition(ReminderPartitions.Of(id)))?.SiloAddress.Equals(victim.SiloAddress) == true).ToList();
        Assert.NotEmpty(orphaned);

        await cluster.Cluster.KillSiloAsync(victim);
        clock.TravelTo(ReminderPolicy.FireAt(ReminderStep.DueToday, dueOn));

        await Waiting.UntilAsync(async () => (await Task.WhenAll(ids.Select(DueTodayStepsAsync))).All(n => n >= 1), "every case to record its due-today step");
        Assert.All(await Task.WhenAll(ids.Select(DueTodayStepsAsync)), n => Assert.Equal(1, n));
        Assert.All(orphaned, id =>
        {
            var now = Assert.IsType<InProcessSiloHandle>(cluster.SiloOf(Partition(ReminderPartitions.Of(id))));
            Assert.NotEqual(victim.SiloAddress, now.SiloAddress);
        });
    }

    private IDeadlineSchedulerGrain Partition(int partition) => cluster.Grains.GetGrain<IDeadlineSchedulerGrain>(partition);

    private async Task<CaseView> ReceiveAsync(string id, ShiftedClock clock)
    {
        var application = Samples.TrafficFineOnTheClock(clock);
        return (await cluster.Grains.GetGrain<IReconsiderationCaseGrain>(id).Receive(application, Samples.By(Samples.Clerk))).Succeeded();
    }

    private async Task<int> DueTodayStepsAsync(string id) =>
        (await cluster.Store.ReadHistoryAsync(id)).Count(e =>
            e.Action == "fireReminder" && JsonDocument.Parse(e.PayloadJson).RootElement.GetProperty("step").GetString() == "dueToday");
}
