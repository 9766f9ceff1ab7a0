using CaseGrains.Domain.Organisations;
using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Tests.Support;
using CaseGrains.TestSupport;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>The materialised paths as stored, and the enum names as stored.</summary>
public sealed class RegionPathStorageTests : IAsyncLifetime
{
    private PostgresDatabase database = null!;
    private PostgresOrganisationDirectory directory = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        directory = new PostgresOrganisationDirectory(database.DataSource);
        await directory.SeedIfEmptyAsync(Given.Regions, Given.Organisations);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Every_seeded_region_stores_the_path_the_domain_computes()
    {
        foreach (var region in Given.Regions)
        {
            Assert.Equal(Given.PathOf(region.Id), await PathAsync(region.Id));
        }
    }

    [Fact]
    public async Task Moving_a_region_rewrites_its_own_and_its_descendants_paths_and_no_others()
    {
        await directory.UpsertRegionAsync(new Region("R210104", "大东区", RegionLevel.County, "R210200"));

        Assert.Equal("/R210000/R210200/R210104/", await PathAsync("R210104"));
        Assert.Equal("/R210000/R210200/R210104/R210104001/", await PathAsync("R210104001"));
        Assert.Equal("/R210000/R210100/R210102/", await PathAsync("R210102"));
        Assert.Equal("/R210000/R2101/", await PathAsync("R2101"));
    }

    [Fact]
    public async Task Enums_are_stored_by_name()
    {
        Assert.Equal("Township", await database.ScalarAsync<string>("SELECT level FROM regions WHERE id = 'R210104001'"));
        Assert.Equal("IntakePoint", await database.ScalarAsync<string>("SELECT kind FROM organisations WHERE id = 'IP-DD-001'"));
        Assert.Equal("TownshipServicePoint", await database.ScalarAsync<string>("SELECT intake_kind FROM organisations WHERE id = 'IP-DD-001'"));
    }

    private Task<string?> PathAsync(string regionId) =>
        database.ScalarAsync<string>($"SELECT path FROM regions WHERE id = '{regionId}'");
}
