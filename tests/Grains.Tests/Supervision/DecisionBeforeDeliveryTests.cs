using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations.Demo;

namespace CaseGrains.Grains.Tests.Supervision;

/// <summary>
/// A decision answers once its own commit, the finding it owes its agency included, is durable; the agency's commit of
/// that finding comes after the answer. Shown by holding the agency's table locked while the head decides. On a cluster
/// of its own, so that no other specification's agency waits on the lock.
/// </summary>
public sealed class DecisionBeforeDeliveryTests(SupervisionPostgresCluster cluster) : IClassFixture<SupervisionPostgresCluster>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly SupervisionScenario scenario = new(cluster);

    [Fact]
    public async Task A_decision_answers_while_its_agency_cannot_commit_and_the_finding_reaches_the_agency_after()
    {
        var agency = LiaoningDemo.DadongTrafficBrigade;
        var caseId = await scenario.ReadyForDecisionAsync(agency);
        await using var agencyTable = await AgencyTableLock.TakeAsync(cluster.Database);

        var decided = await scenario.AnnulUndeliveredAsync(caseId, FlawKind.Procedure).WaitAsync(Patience);

        Assert.Null(decided.Failure);
        var delivered = scenario.DeliveredAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(delivered.IsCompleted, "the agency committed the finding although its table was locked");
        Assert.Null(await scenario.Store.LoadAgencyAsync(agency));

        await agencyTable.ReleaseAsync();
        await delivered.WaitAsync(Patience);
        var record = await scenario.AgencyAsync(agency);
        Assert.Equal(1, record.FlawCounts[FlawKind.Procedure]);
    }
}
