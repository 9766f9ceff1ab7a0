using System.Text.RegularExpressions;
using CaseGrains.Persistence.Migrations;
using CaseGrains.TestSupport;
using Npgsql;

namespace CaseGrains.Persistence.Tests.OrleansAdoNet;

/// <summary>
/// The Orleans part of the schema (<c>Schema/0001..0004_orleans_*.sql</c>): how it is applied, and that the query
/// catalogue it leaves holds what the Orleans 10.4 ADO.NET providers ask for.
/// </summary>
public sealed partial class OrleansSchemaTests
{
    private static readonly string[] OrleansScripts =
        ["0001_orleans_main", "0002_orleans_clustering", "0003_orleans_persistence", "0004_orleans_reminders"];

    /// <summary>
    /// Every query key the 10.4.2 providers look up, with the parameters each binds (read from the providers:
    /// <c>DbStoredQueries</c>/<c>RelationalOrleansQueries</c> in clustering and reminders, <c>AdoNetGrainStorage</c>).
    /// A query may use fewer parameters than bound, never others: Npgsql would send an unbound <c>@Name</c> as SQL.
    /// </summary>
    private static readonly Dictionary<string, string[]> ProviderQueries = new()
    {
        // Clustering: all but CleanupDefunctSiloEntryKey are required at silo start.
        ["InsertMembershipVersionKey"] = ["DeploymentId"],
        ["UpdateIAmAlivetimeKey"] = ["DeploymentId", "Address", "Port", "Generation", "IAmAliveTime"],
        ["InsertMembershipKey"] = ["DeploymentId", "IAmAliveTime", "SiloName", "HostName", "Address", "Port", "Generation", "StartTime", "Status", "ProxyPort", "Version"],
        ["UpdateMembershipKey"] = ["DeploymentId", "Address", "Port", "Generation", "IAmAliveTime", "Status", "SuspectTimes", "Version"],
        ["MembershipReadRowKey"] = ["DeploymentId", "Address", "Port", "Generation"],
        ["MembershipReadAllKey"] = ["DeploymentId"],
        ["GatewaysQueryKey"] = ["DeploymentId", "Status"],
        ["DeleteMembershipTableEntriesKey"] = ["DeploymentId"],
        ["CleanupDefunctSiloEntriesKey"] = ["DeploymentId", "IAmAliveTime"],
        ["CleanupDefunctSiloEntryKey"] = ["DeploymentId", "Address", "Port", "Generation", "SuspectTimes", "StartTime", "IAmAliveTime"],
        // Grain storage: DeleteStorageKey is needed only with DeleteStateOnClear = true.
        ["ReadFromStorageKey"] = [.. GrainKeyParameters],
        ["WriteToStorageKey"] = [.. GrainKeyParameters, "GrainStateVersion", "PayloadBinary"],
        ["ClearStorageKey"] = [.. GrainKeyParameters, "GrainStateVersion"],
        ["DeleteStorageKey"] = [.. GrainKeyParameters, "GrainStateVersion"],
        // Reminders: all required.
        ["ReadReminderRowsKey"] = ["ServiceId", "GrainId"],
        ["ReadReminderRowKey"] = ["ServiceId", "GrainId", "ReminderName"],
        ["ReadRangeRows1Key"] = ["ServiceId", "BeginHash", "EndHash"],
        ["ReadRangeRows2Key"] = ["ServiceId", "BeginHash", "EndHash"],
        ["UpsertReminderRowKey"] = ["ServiceId", "GrainHash", "GrainId", "ReminderName", "StartTime", "Period"],
        ["DeleteReminderRowKey"] = ["ServiceId", "GrainId", "ReminderName", "Version"],
        ["DeleteReminderRowsKey"] = ["ServiceId"],
    };

    private static string[] GrainKeyParameters =>
        ["GrainIdHash", "GrainIdN0", "GrainIdN1", "GrainTypeHash", "GrainTypeString", "GrainIdExtensionString", "ServiceId"];

    [Fact]
    public async Task Migrating_twice_applies_every_script_once_and_then_nothing()
    {
        await using var database = await PostgresDatabase.CreateAsync(migrate: false);

        var first = await SchemaMigrator.MigrateAsync(database.DataSource);
        var second = await SchemaMigrator.MigrateAsync(database.DataSource);

        Assert.Equal(SchemaMigrator.Scripts.Select(s => s.Name), first);
        Assert.Equal(OrleansScripts, first.Where(n => n.Contains("_orleans_", StringComparison.Ordinal)));
        Assert.Empty(second);
    }

    [Fact]
    public async Task The_catalogue_holds_every_query_the_providers_ask_for_using_only_parameters_they_bind()
    {
        await using var database = await PostgresDatabase.CreateAsync();

        var catalogue = await QueryCatalogueAsync(database);

        Assert.Equal(ProviderQueries.Keys.Order(StringComparer.Ordinal), catalogue.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in catalogue)
        {
            var used = ParameterPattern().Matches(StripComments(text)).Select(m => m.Groups[1].Value).Distinct();
            Assert.All(used, parameter => Assert.True(
                ProviderQueries[key].Contains(parameter, StringComparer.Ordinal),
                $"{key} uses @{parameter}, which the 10.4 provider does not bind"));
        }
    }

    [Fact]
    public async Task Running_the_Orleans_scripts_again_changes_nothing()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var before = await QueryCatalogueAsync(database);

        // As if someone applied them by hand to a database that already has them: each as one transaction, as the
        // migrator does.
        foreach (var (name, sql) in SchemaMigrator.Scripts.Where(s => OrleansScripts.Contains(s.Name)))
        {
            await using var connection = await database.DataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var command = new NpgsqlCommand(sql, connection, transaction))
            {
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        Assert.Equal(before, await QueryCatalogueAsync(database));
    }

    [Fact]
    public async Task Two_migrators_racing_on_an_empty_database_apply_each_script_exactly_once()
    {
        await using var database = await PostgresDatabase.CreateAsync(migrate: false);
        // Two data sources, so two independent pools and sessions, like two silos starting together.
        await using var one = NpgsqlDataSource.Create(database.ConnectionString);
        await using var two = NpgsqlDataSource.Create(database.ConnectionString);

        var applied = await Task.WhenAll(SchemaMigrator.MigrateAsync(one), SchemaMigrator.MigrateAsync(two));

        var all = SchemaMigrator.Scripts.Select(s => s.Name).ToList();
        Assert.Equal(all, applied.SelectMany(a => a).Order(StringComparer.Ordinal));
        Assert.Empty(applied[0].Intersect(applied[1]));

        await using var command = database.DataSource.CreateCommand(
            "SELECT name, count(*)::int FROM schema_migrations GROUP BY name ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync();
        var recorded = new List<(string Name, int Count)>();
        while (await reader.ReadAsync())
        {
            recorded.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        Assert.Equal(all.Order(StringComparer.Ordinal).Select(n => (n, 1)), recorded);
        Assert.Equal(ProviderQueries.Count, await database.ScalarAsync<long>("SELECT count(*) FROM OrleansQuery"));
    }

    private static async Task<Dictionary<string, string>> QueryCatalogueAsync(PostgresDatabase database)
    {
        await using var command = database.DataSource.CreateCommand("SELECT QueryKey, QueryText FROM OrleansQuery");
        await using var reader = await command.ExecuteReaderAsync();
        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            queries.Add(reader.GetString(0), reader.GetString(1));
        }

        return queries;
    }

    private static string StripComments(string sql) => LineComment().Replace(sql, string.Empty);

    [GeneratedRegex(@"@(\w+)")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();
}
