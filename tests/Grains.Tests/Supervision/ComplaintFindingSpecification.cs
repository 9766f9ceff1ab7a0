using CaseGrains.Abstractions.Complaints;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Domain.Supervision;
using CaseGrains.Grains.Tests.Complaints;
using CaseGrains.Grains.Tests.Support;
using static CaseGrains.Grains.Tests.Supervision.SupervisionScenario;

namespace CaseGrains.Grains.Tests.Supervision;

/// <summary>
/// A substantiated complaint (投诉举报) is a finding for the agency like a corrected case: its commit puts the finding into
/// the supervision outbox, and it counts toward the agency's patterns. On a cluster of its own, because its notice would
/// be one more for the agencies the other supervision specifications count notices of.
/// </summary>
public abstract class ComplaintFindingSpecification(CaseCluster cluster)
{
    private readonly SupervisionScenario scenario = new(cluster);

    [Fact]
    public async Task A_substantiated_complaint_counts_toward_the_pattern_like_a_corrected_case()
    {
        var agency = LiaoningDemo.DadongTrafficBrigade;
        var first = await scenario.DecidedAsync(agency, FlawKind.ImproperDiscretion);
        var second = await scenario.DecidedAsync(agency, FlawKind.ImproperDiscretion);
        var complaintId = ComplaintSamples.NewId();
        var complaint = cluster.Grains.GetGrain<IEnforcementComplaintGrain>(complaintId);
        Assert.Null((await complaint.Receive(ComplaintSamples.AboutTheBrigade(), Samples.By(DadongSupervisor))).Failure);
        Assert.Null((await complaint.Perform(new VerifyComplaint { Summary = "属于行政执法行为，予以核查" }, Samples.By(DadongSupervisor))).Failure);
        Assert.DoesNotContain((await scenario.AgencyAsync(agency)).Notices, n => n.Flaws.Contains(FlawKind.ImproperDiscretion));

        var handled = await complaint.Perform(
            ComplaintSamples.Substantiated with { Flaws = [FlawKind.ImproperDiscretion] }, Samples.By(DadongSupervisor));

        Assert.Null(handled.Failure);
        await scenario.DeliveredAsync();
        var notice = Assert.Single((await scenario.AgencyAsync(agency)).Notices, n => n.Flaws.Contains(FlawKind.ImproperDiscretion));
        Assert.Equal(new[] { first, second, complaintId }.Order(StringComparer.Ordinal), notice.CitedCaseIds.Order(StringComparer.Ordinal));
        var cited = (await scenario.InstrumentAsync(notice.InstrumentId)).Instrument.Citations;
        Assert.Equal(FindingSource.Complaint, Assert.Single(cited, c => c.CaseId == complaintId).Source);
    }
}

public sealed class InMemoryComplaintFindingTests(SupervisionInMemoryCluster cluster)
    : ComplaintFindingSpecification(cluster), IClassFixture<SupervisionInMemoryCluster>;

public sealed class PostgresComplaintFindingTests(SupervisionPostgresCluster cluster)
    : ComplaintFindingSpecification(cluster), IClassFixture<SupervisionPostgresCluster>;
