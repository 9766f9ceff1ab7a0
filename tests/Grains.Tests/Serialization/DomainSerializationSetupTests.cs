using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Abstractions.Serialization;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace CaseGrains.Grains.Tests.Serialization;

/// <summary>How the silo's and the client's serializer carry the domain's records: as JSON between processes, as the
/// same instance between grains of one silo.</summary>
public sealed class DomainSerializationSetupTests
{
    private static readonly AgencyFinding Finding = new()
    {
        Source = FindingSource.Decision,
        CaseId = "RC-1",
        AgencyId = "A-R210104-TRAFFIC",
        FoundOn = new DateOnly(2025, 6, 2),
        DecisionType = DecisionType.Annul,
        Flaws = [FlawKind.Procedure, FlawKind.Facts],
        SourceVersion = 7,
    };

    private static ServiceProvider Services() =>
        new ServiceCollection().AddSerializer(s => s.AddCaseGrainsSerialization()).BuildServiceProvider();

    [Fact]
    public void A_domain_record_is_handed_over_as_it_is_within_a_silo()
    {
        using var services = Services();
        var copier = services.GetRequiredService<DeepCopier>();

        Assert.Same(Finding, copier.Copy(Finding));
        Assert.Same(Finding, copier.Copy<object>(Finding));
    }

    [Fact]
    public void A_domain_record_still_travels_between_processes_as_json_and_arrives_equal()
    {
        using var services = Services();
        var serializer = services.GetRequiredService<Serializer>();

        var arrived = serializer.Deserialize<AgencyFinding>(serializer.SerializeToArray(Finding));

        Assert.NotNull(arrived);
        Assert.NotSame(Finding, arrived);
        Assert.Equal((Finding.CaseId, Finding.FoundOn, Finding.DecisionType, Finding.SourceVersion), (arrived.CaseId, arrived.FoundOn, arrived.DecisionType, arrived.SourceVersion));
        Assert.Equal(Finding.Flaws, arrived.Flaws);
    }

    [Fact]
    public void A_mutable_type_outside_the_domain_is_still_copied()
    {
        using var services = Services();
        var copier = services.GetRequiredService<DeepCopier>();
        var outcomes = new List<SystemCommandOutcome> { new(SystemCommandOutcomeKind.Recorded, ChangedDeadlines: 3) };

        var copy = copier.Copy(outcomes);

        Assert.NotSame(outcomes, copy);
        Assert.Equal(outcomes, copy);
    }
}
