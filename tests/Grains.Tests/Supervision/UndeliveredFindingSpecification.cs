using System.Text.Json;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Serialization;
using CaseGrains.Domain.Supervision;
using CaseGrains.Grains.Supervision;
using CaseGrains.Grains.Tests.Support;
using CaseGrains.Persistence.Migrations;
using CaseGrains.Persistence.Outbox;
using Microsoft.Extensions.DependencyInjection;
using static CaseGrains.Grains.Tests.Supervision.SupervisionScenario;

namespace CaseGrains.Grains.Tests.Supervision;

/// <summary>
/// A finding is owed from the moment its case commits: with the commits' own deliveries switched off (as if the silo died
/// after every commit), the decided cases' findings wait in the outbox, and the relay delivers them, and the pattern's
/// notice they draft, once each however often it runs.
/// </summary>
public abstract class UndeliveredFindingSpecification(CaseCluster cluster)
{
    private readonly SupervisionScenario scenario = new(cluster);

    protected CaseCluster Cluster => cluster;

    protected SupervisionScenario Scenario => scenario;

    protected async Task<IReadOnlyList<PendingOutboxMessage>> PendingAsync() =>
        await cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<ISupervisionOutbox>().PendingAsync(DateTimeOffset.MaxValue, 1000);

    protected async Task<int> RelayAsync() =>
        await cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<SupervisionOutboxRelay>().RelayAsync(DateTimeOffset.MaxValue);

    [Fact]
    public async Task Findings_whose_delivery_was_interrupted_reach_the_agency_through_the_relay_once()
    {
        var cases = new List<string>();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            cases.Add(await scenario.DecidedAsync(UrbanManagement, FlawKind.ExceedingAuthority));
        }

        Assert.Empty((await scenario.AgencyAsync(UrbanManagement)).Notices);
        Assert.Equal(0, (await scenario.AgencyAsync(UrbanManagement)).Findings);
        Assert.Equal(3, (await PendingAsync()).Count(p => p.Message.TargetId == UrbanManagement));

        await BetweenCommitAndRelayAsync();
        await RelayAsync(); // the findings; the agency's commit owes the notice's draft
        await RelayAsync(); // the draft
        await RelayAsync(); // nothing left

        var record = await scenario.AgencyAsync(UrbanManagement);
        Assert.Equal(3, record.Findings);
        Assert.Equal(3, record.FlawCounts[FlawKind.ExceedingAuthority]);
        var notice = Assert.Single(record.Notices);
        Assert.Equal(cases.Order(StringComparer.Ordinal), (await scenario.InstrumentAsync(notice.InstrumentId)).Instrument.Citations.Select(c => c.CaseId).Order(StringComparer.Ordinal));
        Assert.Empty(await PendingAsync());
    }

    /// <summary>What happens to the platform between the commits and the relay: nothing in memory; a new silo on PostgreSQL.</summary>
    protected virtual Task BetweenCommitAndRelayAsync() => Task.CompletedTask;
}

public sealed class InMemoryUndeliveredFindingTests(UndeliveredInMemoryCluster cluster)
    : UndeliveredFindingSpecification(cluster), IClassFixture<UndeliveredInMemoryCluster>;

public sealed class PostgresUndeliveredFindingTests(UndeliveredPostgresCluster cluster)
    : UndeliveredFindingSpecification(cluster), IClassFixture<UndeliveredPostgresCluster>
{
    /// <summary>The only silo stops and a new one takes over: nothing of the findings lived only in memory.</summary>
    protected override async Task BetweenCommitAndRelayAsync() => await RestartAsync();

    [Fact]
    public async Task The_agency_record_and_its_notice_survive_a_restart()
    {
        var agency = Domain.Organisations.Demo.LiaoningDemo.DadongTrafficBrigade;
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await Scenario.DecidedAsync(agency, FlawKind.Inaction);
        }

        while (await RelayAsync() > 0)
        {
        }

        var before = await Scenario.AgencyAsync(agency);
        var instrumentBefore = await Scenario.InstrumentAsync(Assert.Single(before.Notices).InstrumentId);

        await RestartAsync();

        var after = await Scenario.AgencyAsync(agency);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.FlawCounts, after.FlawCounts);
        Assert.Equal(before.CorrectionRate, after.CorrectionRate);
        Assert.Equal(before.Notices.Single().CitedCaseIds, after.Notices.Single().CitedCaseIds);
        var instrumentAfter = await Scenario.InstrumentAsync(instrumentBefore.Id);
        Assert.Equal(instrumentBefore.Version, instrumentAfter.Version);
        Assert.Equal(instrumentBefore.Instrument.Citations.Select(c => c.CaseId), instrumentAfter.Instrument.Citations.Select(c => c.CaseId));

        // A fourth decision after the restart still joins the notice.
        var fourth = await Scenario.DecidedAsync(agency, FlawKind.Inaction);
        while (await RelayAsync() > 0)
        {
        }

        Assert.Contains(fourth, Assert.Single((await Scenario.AgencyAsync(agency)).Notices).CitedCaseIds);

        // The cite after the restart added one row; the notice reads all four back, in citation order, after another.
        var cited = (await Scenario.InstrumentAsync(instrumentBefore.Id)).Instrument.Citations;
        Assert.Equal(4, cited.Count);
        var stored = (await Scenario.Store.LoadInstrumentAsync(instrumentBefore.Id))!;
        Assert.Equal(cited.Select(c => c.CaseId).Order(StringComparer.Ordinal), stored.Citations.Select(c => c.CaseId).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(fourth, stored.SnapshotJson, StringComparison.Ordinal);
        await RestartAsync();
        var reloaded = (await Scenario.InstrumentAsync(instrumentBefore.Id)).Instrument.Citations;
        Assert.Equal(JsonSerializer.Serialize(cited, DomainJson.Storage), JsonSerializer.Serialize(reloaded, DomainJson.Storage));
        Assert.Equal(SupervisionInstrument.InCitationOrder(reloaded).Select(c => c.CaseId), reloaded.Select(c => c.CaseId));
    }

    [Fact]
    public async Task A_notice_written_before_0240_loads_only_once_the_migration_moved_its_citations_to_rows()
    {
        foreach (var _ in Enumerable.Range(0, 4))
        {
            await Scenario.DecidedAsync(WanquanStreetOffice, FlawKind.Facts);
        }

        while (await RelayAsync() > 0)
        {
        }

        var id = Assert.Single((await Scenario.AgencyAsync(WanquanStreetOffice)).Notices).InstrumentId;
        var cited = (await Scenario.InstrumentAsync(id)).Instrument.Citations;
        Assert.Equal(4, cited.Count);

        // As stored before 0240: the citations inside the snapshot (here in reverse order), no rows.
        await cluster.Database.ExecuteAsync($$"""
            UPDATE supervision_instruments i
               SET snapshot = jsonb_set(snapshot, '{instrument,citations}',
                                        (SELECT jsonb_agg(c.citation ORDER BY c.case_id DESC) FROM instrument_citations c WHERE c.instrument_id = i.instrument_id))
             WHERE instrument_id = '{{id}}';
            DELETE FROM instrument_citations WHERE instrument_id = '{{id}}';
            """);
        await RestartAsync();
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => Scenario.InstrumentAsync(id));
        Assert.Contains("0240_instrument_citations", refused.ToString(), StringComparison.Ordinal);

        await cluster.Database.ExecuteAsync(SchemaMigrator.Scripts.Single(s => s.Name == "0240_instrument_citations").Sql);
        await RestartAsync();

        var reloaded = (await Scenario.InstrumentAsync(id)).Instrument.Citations;
        Assert.Equal(JsonSerializer.Serialize(cited, DomainJson.Storage), JsonSerializer.Serialize(reloaded, DomainJson.Storage));
    }

    private async Task RestartAsync()
    {
        var old = Assert.Single(Cluster.Cluster.Silos);
        await Cluster.Cluster.StopSiloAsync(old);
        await Cluster.Cluster.StartAdditionalSiloAsync();
        await Cluster.Cluster.WaitForLivenessToStabilizeAsync();
    }
}
