using CaseGrains.Persistence.Migrations;
using CaseGrains.TestSupport;

namespace CaseGrains.Persistence.Tests.Postgres;

public sealed class SchemaTests : IAsyncLifetime
{
    private PostgresDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public void The_case_and_organisation_scripts_are_embedded_and_run_after_the_0000_series()
    {
        var names = SchemaMigrator.Scripts.Select(s => s.Name).ToList();

        Assert.Contains("0100_cases", names);
        Assert.Contains("0101_organisations", names);
        Assert.True(names.IndexOf("0100_cases") < names.IndexOf("0101_organisations"));
        Assert.All(names.Where(n => n.StartsWith("000", StringComparison.Ordinal)), n => Assert.True(names.IndexOf(n) < names.IndexOf("0100_cases")));
    }

    [Fact]
    public async Task Migrating_again_applies_nothing()
    {
        Assert.Empty(await SchemaMigrator.MigrateAsync(database.DataSource));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations WHERE name = '0100_cases'"));
    }

    [Fact]
    public async Task Trigram_search_is_installed()
    {
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'"));
    }
}
