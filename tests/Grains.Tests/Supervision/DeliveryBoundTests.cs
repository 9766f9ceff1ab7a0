using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Grains.Supervision;
using CaseGrains.Persistence.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace CaseGrains.Grains.Tests.Supervision;

/// <summary>
/// A silo runs at most <c>Supervision:DeliveriesInFlight</c> deliveries after answering; a decision that finds them all
/// under way still answers, and its finding is left in the outbox for the relay. Here one at a time, the first held up
/// by the agency's table being locked.
/// </summary>
public sealed class DeliveryBoundTests(OneDeliveryPostgresCluster cluster) : IClassFixture<OneDeliveryPostgresCluster>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly SupervisionScenario scenario = new(cluster);

    private IServiceProvider Services => cluster.Cluster.Silos[0].ServiceProvider;

    [Fact]
    public async Task A_finding_beyond_the_deliveries_in_flight_is_left_to_the_relay_which_delivers_it()
    {
        var agency = LiaoningDemo.DadongTrafficBrigade;
        var first = await scenario.ReadyForDecisionAsync(agency);
        var second = await scenario.ReadyForDecisionAsync(agency);
        await using (var agencyTable = await AgencyTableLock.TakeAsync(cluster.Database))
        {
            Assert.Null((await scenario.AnnulUndeliveredAsync(first, FlawKind.Procedure).WaitAsync(Patience)).Failure);
            Assert.Null((await scenario.AnnulUndeliveredAsync(second, FlawKind.Procedure).WaitAsync(Patience)).Failure);
            var delivered = scenario.DeliveredAsync();
            await agencyTable.ReleaseAsync();
            await delivered.WaitAsync(Patience);
        }

        Assert.Equal(1, (await scenario.AgencyAsync(agency)).Findings);
        var outbox = Services.GetRequiredService<ISupervisionOutbox>();
        var left = Assert.Single(await outbox.PendingAsync(DateTimeOffset.MaxValue, 10));
        Assert.StartsWith($"finding:{second}:", left.Message.MessageKey, StringComparison.Ordinal);

        Assert.Equal(1, await Services.GetRequiredService<SupervisionOutboxRelay>().RelayAsync(DateTimeOffset.MaxValue));
        Assert.Equal(2, (await scenario.AgencyAsync(agency)).Findings);
        Assert.Empty(await outbox.PendingAsync(DateTimeOffset.MaxValue, 10));
    }
}
