using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Domain.Time;
using CaseGrains.Grains.Cases;
using CaseGrains.Grains.Organisations;
using CaseGrains.Persistence.Memory;
using CaseGrains.Persistence.Organisations;
using static CaseGrains.Grains.Tests.Support.Samples;

namespace CaseGrains.Grains.Tests.Organisations;

/// <summary>Receipt routes from a copy of the directory: read once for a burst; a new organisation is taken at once, a
/// changed one within the minute.</summary>
public sealed class DirectoryCopyTests
{
    private readonly CountingDirectory directory = new(new InMemoryOrganisationDirectory(new InMemoryDatabase()));
    private readonly SteppedClock clock = new();
    private readonly DirectoryCopy receipts;

    public DirectoryCopyTests()
    {
        directory.SeedIfEmptyAsync(LiaoningDemo.Regions, LiaoningDemo.Organisations).GetAwaiter().GetResult();
        receipts = new DirectoryCopy(directory, new PlatformClock(clock));
    }

    [Fact]
    public async Task A_burst_of_receipts_reads_the_directory_once_and_routes_as_the_directory_itself_does()
    {
        var uncached = await ReceiptRouter.RouteAsync(TrafficFine(), directory);
        directory.Reads = 0;

        var routed = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => receipts.RouteAsync(TrafficFine()).AsTask()));

        Assert.All(routed, r => Assert.Equal(uncached, r));
        Assert.NotNull(uncached.Routing);
        Assert.Equal(2, directory.Reads);
        directory.Reads = 0;
        await receipts.RouteAsync(TrafficFine());
        Assert.Equal(0, directory.Reads);
    }

    [Fact]
    public async Task An_intake_point_added_after_the_copy_was_read_takes_applications_at_once()
    {
        await receipts.RouteAsync(TrafficFine());
        await directory.UpsertOrganisationAsync(new Organisation(
            "I-R210104-NEW", "大东区新设受理点", OrganisationKind.IntakePoint, LiaoningDemo.Dadong, IntakePointKind.TownshipServicePoint, LiaoningDemo.DadongBody));

        Assert.Equal("I-R210104-NEW", (await receipts.RouteAsync(TrafficFine("I-R210104-NEW"))).Routing?.IntakePoint.Id);
        Assert.Equal("unknown_organisation", (await receipts.RouteAsync(TrafficFine("I-R210104-NONE"))).Failure?.Code);
    }

    [Fact]
    public async Task An_intake_point_attached_to_another_body_routes_there_within_the_minute()
    {
        var hall = (await directory.FindOrganisationAsync("I-R210104-HALL"))!;
        Assert.Equal(LiaoningDemo.DadongBody, (await receipts.RouteAsync(TrafficFine(hall.Id))).Routing?.ReceivingBody.Id);

        await directory.UpsertOrganisationAsync(hall with { BodyId = "B-" + LiaoningDemo.Shenyang });
        clock.Advance(DirectoryCopy.Freshness - TimeSpan.FromSeconds(1));
        Assert.Equal(LiaoningDemo.DadongBody, (await receipts.RouteAsync(TrafficFine(hall.Id))).Routing?.ReceivingBody.Id);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("B-" + LiaoningDemo.Shenyang, (await receipts.RouteAsync(TrafficFine(hall.Id))).Routing?.ReceivingBody.Id);
    }

    private sealed class SteppedClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }

    /// <summary>The directory, counting the reads that list regions or organisations.</summary>
    private sealed class CountingDirectory(IOrganisationDirectory inner) : IOrganisationDirectory
    {
        private int reads;

        public int Reads
        {
            get => Volatile.Read(ref reads);
            set => Volatile.Write(ref reads, value);
        }

        public Task<IReadOnlyList<Region>> ListRegionsAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref reads);
            return inner.ListRegionsAsync(cancellationToken);
        }

        public Task<IReadOnlyList<Organisation>> ListOrganisationsAsync(OrganisationKind? kind = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref reads);
            return inner.ListOrganisationsAsync(kind, cancellationToken);
        }

        public Task<Organisation?> FindOrganisationAsync(string id, CancellationToken cancellationToken = default) => inner.FindOrganisationAsync(id, cancellationToken);

        public Task UpsertRegionAsync(Region region, CancellationToken cancellationToken = default) => inner.UpsertRegionAsync(region, cancellationToken);

        public Task UpsertOrganisationAsync(Organisation organisation, CancellationToken cancellationToken = default) =>
            inner.UpsertOrganisationAsync(organisation, cancellationToken);

        public Task SeedIfEmptyAsync(IReadOnlyList<Region> regions, IReadOnlyList<Organisation> organisations, CancellationToken cancellationToken = default) =>
            inner.SeedIfEmptyAsync(regions, organisations, cancellationToken);
    }
}
