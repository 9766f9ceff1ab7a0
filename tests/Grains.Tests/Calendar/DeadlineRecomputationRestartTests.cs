using CaseGrains.Abstractions.Calendar;
using Orleans.Runtime;

namespace CaseGrains.Grains.Tests.Calendar;

/// <summary>
/// A recomputation whose only silo is stopped between two batches, on PostgreSQL: the new silo's activation goes on
/// from the stored cursor with the stored report, so no case is asked twice and none is left out. The batches (two
/// cases each) are run one at a time by the test, which makes the moment of the restart exact.
/// </summary>
public sealed class DeadlineRecomputationRestartTests(SteppedRecomputationPostgresCaseCluster cluster) : IClassFixture<SteppedRecomputationPostgresCaseCluster>
{
    private readonly RecomputationScenario scenario = new(cluster);

    [Fact]
    public async Task A_run_stopped_with_its_silo_between_two_batches_goes_on_from_where_it_was()
    {
        scenario.TravelToDecemberBeforeANewYear();
        var accepted = new List<string>();
        var decisionDueOn = default(DateOnly);
        for (var i = 0; i < 5; i++)
        {
            var (id, decision) = await scenario.AcceptedAsync();
            accepted.Add(id);
            decisionDueOn = decision.DueOn;
        }

        var untouched = await scenario.ReceivedAsync();
        await scenario.LoadAsync(scenario.Arrangement(decisionDueOn));

        // Nothing is asked until every silo's copy of the calendar has the year.
        Assert.Equal(0, (await scenario.Recomputation.RunBatch())!.CasesChecked);
        scenario.TravelPastCalendarCopies();
        var before = (await scenario.Recomputation.RunBatch())!;
        Assert.Equal((DeadlineRecomputationStatus.Running, 2, 2), (before.Status, before.CasesChecked, before.CasesChanged));
        Assert.True(await scenario.HasReminderAsync());

        var oldSilo = Assert.Single(cluster.Cluster.Silos);
        await cluster.Cluster.StopSiloAsync(oldSilo);
        await cluster.Cluster.StartAdditionalSiloAsync();
        await cluster.Cluster.WaitForLivenessToStabilizeAsync();

        Assert.Equal(RecomputationScenario.Json(before), RecomputationScenario.Json(await ReportOnceTheClientFindsTheNewSiloAsync()));
        Assert.Equal(2, (await scenario.Recomputation.RunBatch())!.CasesChecked);
        scenario.TravelPastCalendarCopies();
        var after = await RunToTheEndAsync();

        Assert.Equal(5, after.CasesChecked);
        Assert.Equal(5, after.CasesChanged);
        Assert.Equal(accepted.Order(StringComparer.Ordinal), after.ChangedCases.Select(c => c.CaseId));
        Assert.All(after.ChangedCases, c => Assert.Equal(1, c.ChangedDeadlines));
        foreach (var id in accepted)
        {
            Assert.Single(await scenario.RecomputationsOfAsync(id));
        }

        Assert.Empty(await scenario.RecomputationsOfAsync(untouched));
        Assert.True(await scenario.ReminderRemovedAsync());
    }

    /// <summary>The report, read as soon as the client has the new silo as its gateway: on a busy machine the client's
    /// gateway list can lag behind the cluster's membership for a moment.</summary>
    private async Task<DeadlineRecomputationReport?> ReportOnceTheClientFindsTheNewSiloAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                return await scenario.Recomputation.GetReport();
            }
            catch (OrleansMessageRejectionException) when (!timeout.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    private async Task<DeadlineRecomputationReport> RunToTheEndAsync()
    {
        for (var batch = 0; batch < 10; batch++)
        {
            var report = (await scenario.Recomputation.RunBatch())!;
            if (report.Status == DeadlineRecomputationStatus.Completed)
            {
                return report;
            }
        }

        throw new InvalidOperationException("The recomputation did not complete in ten batches.");
    }
}
