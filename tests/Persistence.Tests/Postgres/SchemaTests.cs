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
    public void The_history_chain_and_list_scopes_come_after_the_case_and_organisation_scripts()
    {
        var names = SchemaMigrator.Scripts.Select(s => s.Name).ToList();

        Assert.Equal(["0100_cases", "0101_organisations", "0102_history_chain", "0103_case_list_scopes", "0104_deadline_schedule", "0105_notifications", "0106_webhooks", "0107_hot_case_updates", "0108_deadline_subjects", "0110_supervision", "0120_complaints", "0130_case_statistics", "0131_instrument_statistics", "0150_case_list_filters", "0160_case_read_indexes", "0180_cluster_drains"], names.Where(n => n.StartsWith("01", StringComparison.Ordinal)));
        Assert.Contains("0200_agency_findings", names);
        Assert.True(names.IndexOf("0110_supervision") < names.IndexOf("0200_agency_findings"));
        Assert.Contains("0250_agency_notice_citations", names);
        Assert.True(names.IndexOf("0200_agency_findings") < names.IndexOf("0250_agency_notice_citations"));
    }

    [Fact]
    public void The_statistics_rollup_comes_after_the_case_statistics_columns_and_their_indexes()
    {
        var names = SchemaMigrator.Scripts.Select(s => s.Name).ToList();

        Assert.Contains("0210_case_statistics_rollup", names);
        Assert.True(names.IndexOf("0160_case_read_indexes") < names.IndexOf("0210_case_statistics_rollup"));
        Assert.True(names.IndexOf("0210_case_statistics_rollup") < names.IndexOf("0235_case_statistics_rollup_rebuild"));
    }

    [Fact]
    public void The_instruments_citation_rows_come_after_the_supervision_tables()
    {
        var names = SchemaMigrator.Scripts.Select(s => s.Name).ToList();

        Assert.Contains("0240_instrument_citations", names);
        Assert.True(names.IndexOf("0131_instrument_statistics") < names.IndexOf("0240_instrument_citations"));
    }

    [Fact]
    public void A_died_drain_comes_after_the_drain_table()
    {
        var names = SchemaMigrator.Scripts.Select(s => s.Name).ToList();

        Assert.True(names.IndexOf("0180_cluster_drains") < names.IndexOf("0260_cluster_drains_died"));
    }

    [Fact]
    public async Task Every_snapshot_a_commit_rewrites_is_compressed_with_lz4()
    {
        Assert.Equal(
            "agency_records:l,cases:l,complaints:l,supervision_instruments:l",
            await database.ScalarAsync<string>("""
                SELECT string_agg(attrelid::regclass::text || ':' || attcompression::text, ',' ORDER BY attrelid::regclass::text)
                  FROM pg_attribute
                 WHERE attname = 'snapshot'
                   AND attrelid IN ('cases'::regclass, 'complaints'::regclass, 'agency_records'::regclass, 'supervision_instruments'::regclass)
                """));
    }

    [Fact]
    public async Task A_migrated_test_database_is_a_copy_of_a_template_holding_every_script()
    {
        Assert.Equal(
            SchemaMigrator.Scripts.Select(s => s.Name).Order(StringComparer.Ordinal),
            await database.ScalarAsync<string[]>("SELECT array_agg(name ORDER BY name COLLATE \"C\") FROM schema_migrations"));
        Assert.Equal(
            "true/false",
            await database.ScalarAsync<string>(
                $"SELECT datistemplate::text || '/' || datallowconn::text FROM pg_database WHERE datname = '{PostgresDatabase.TemplateName}'"));
        Assert.Matches("^tpl_[0-9a-f]{16}$", PostgresDatabase.TemplateName);
    }

    [Fact]
    public async Task An_unmigrated_test_database_is_empty()
    {
        await using var empty = await PostgresDatabase.CreateAsync(migrate: false);

        Assert.Equal(0L, await empty.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
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
