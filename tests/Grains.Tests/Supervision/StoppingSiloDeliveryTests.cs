using CaseGrains.Abstractions.Cases;
using CaseGrains.Abstractions.Supervision;
using CaseGrains.Domain.Cases;
using Npgsql;
using Orleans.TestingHost;

namespace CaseGrains.Grains.Tests.Supervision;

/// <summary>
/// A silo that stops (an administrator drains it) waits for the deliveries it started after answering, so that none is
/// left to the relay. The case lives on the silo that stops and its agency on the other, whose table is held locked
/// while the head decides, so the delivery is under way, and only the wait keeps it from being cut off.
/// </summary>
public sealed class StoppingSiloDeliveryTests(TwoSiloSupervisionPostgresCluster cluster) : IClassFixture<TwoSiloSupervisionPostgresCluster>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly SupervisionScenario scenario = new(cluster);

    [Fact]
    public async Task A_stopping_silo_waits_for_its_delivery_to_an_agency_on_another_silo()
    {
        var agency = SupervisionScenario.UrbanManagement;
        await scenario.AgencyAsync(agency);
        var agencySilo = cluster.SiloOf(cluster.Grains.GetGrain<IAgencyGrain>(agency))!;
        var (caseId, caseSilo) = await CaseOnAnotherSiloThanAsync(agencySilo, agency);
        await using (var agencyTable = await AgencyTableLock.TakeAsync(cluster.Database))
        {
            Assert.Null((await scenario.AnnulUndeliveredAsync(caseId, FlawKind.Procedure).WaitAsync(Patience)).Failure);

            // Half a second into its stop, a silo that did not wait would have cut the delivery off (its messaging is
            // gone by then), leaving the message in the outbox.
            var stopping = cluster.Cluster.StopSiloAsync(caseSilo);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            await agencyTable.ReleaseAsync();
            await stopping.WaitAsync(Patience);
        }

        await using (var pending = cluster.Database.DataSource.CreateCommand("SELECT count(*) FROM supervision_outbox WHERE message_key LIKE $1"))
        {
            pending.Parameters.Add(new NpgsqlParameter { Value = $"finding:{caseId}:%" });
            Assert.Equal(0L, await pending.ExecuteScalarAsync());
        }

        Assert.Equal(1, (await scenario.AgencyAsync(agency)).Findings);
    }

    /// <summary>A case ready for decision whose activation is not on <paramref name="silo"/> (placement picks a silo for
    /// each new case, so a few tries suffice).</summary>
    private async Task<(string CaseId, InProcessSiloHandle Silo)> CaseOnAnotherSiloThanAsync(InProcessSiloHandle silo, string agency)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var caseId = await scenario.ReadyForDecisionAsync(agency);
            if (cluster.SiloOf(cluster.Grains.GetGrain<IReconsiderationCaseGrain>(caseId)) is { } caseSilo && caseSilo != silo)
            {
                return (caseId, caseSilo);
            }
        }

        throw new InvalidOperationException("20 cases were all placed on the agency's silo");
    }
}
