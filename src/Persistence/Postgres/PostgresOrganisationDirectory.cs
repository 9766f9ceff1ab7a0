using CaseGrains.Domain.Organisations;
using CaseGrains.Persistence.Organisations;
using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// <see cref="IOrganisationDirectory"/> on PostgreSQL (schema <c>0101_organisations.sql</c>). Every write runs in a
/// transaction holding one transaction-level advisory lock, so writers from any process are serialised: a seed
/// sees either an empty directory or a complete one, and concurrent moves of regions cannot build a cycle.
/// Moving a region rewrites its descendants' paths and the <c>cases.region_path</c> of every case in its subtree
/// in the same transaction, so region filters keep matching; moving an enforcement agency to another region rewrites
/// the path of every case against it, as the case grain reads its path from the agency's region.
/// </summary>
public sealed class PostgresOrganisationDirectory(NpgsqlDataSource dataSource) : IOrganisationDirectory
{
    // Any constant shared by every process of the product, distinct from SchemaMigrator's; "CGOrgDir" in ASCII.
    private const long WriteLockKey = 0x43474f7267446972;

    private static readonly string LockSql = $"SELECT pg_advisory_xact_lock({WriteLockKey})";

    private const string OrganisationColumns = "id, name, kind, region_id, intake_kind, body_id";

    public async Task<IReadOnlyList<Region>> ListRegionsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT id, name, level, parent_id FROM regions ORDER BY path");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var regions = new List<Region>();
        while (await reader.ReadAsync(cancellationToken))
        {
            regions.Add(new Region(
                reader.GetString(0),
                reader.GetString(1),
                Enum.Parse<RegionLevel>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return regions;
    }

    public async Task<IReadOnlyList<Organisation>> ListOrganisationsAsync(OrganisationKind? kind = null, CancellationToken cancellationToken = default)
    {
        await using var command = kind is null
            ? dataSource.CreateCommand($"SELECT {OrganisationColumns} FROM organisations ORDER BY id")
            : dataSource.CreateCommand($"SELECT {OrganisationColumns} FROM organisations WHERE kind = $1 ORDER BY id");
        if (kind is not null)
        {
            command.Parameters.Add(Parameters.Text(kind.Value.ToString()));
        }

        return await ReadOrganisationsAsync(command, cancellationToken);
    }

    public async Task<Organisation?> FindOrganisationAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var command = dataSource.CreateCommand($"SELECT {OrganisationColumns} FROM organisations WHERE id = $1");
        command.Parameters.Add(Parameters.Text(id));
        var found = await ReadOrganisationsAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task UpsertRegionAsync(Region region, CancellationToken cancellationToken = default)
    {
        DirectoryRules.ValidateRegion(region);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        string? oldPath;
        string? parentPath;
        await using (var read = new NpgsqlBatch(connection, transaction))
        {
            read.BatchCommands.Add(new NpgsqlBatchCommand(LockSql));
            var paths = new NpgsqlBatchCommand(
                "SELECT (SELECT path FROM regions WHERE id = $1), (SELECT path FROM regions WHERE id = $2)");
            paths.Parameters.Add(Parameters.Text(region.Id));
            paths.Parameters.Add(Parameters.Text(region.ParentId));
            read.BatchCommands.Add(paths);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            oldPath = reader.IsDBNull(0) ? null : reader.GetString(0);
            parentPath = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        if (region.ParentId is not null && parentPath is null)
        {
            throw new ArgumentException($"Region {region.Id}'s parent {region.ParentId} does not exist.", nameof(region));
        }

        if (oldPath is not null && parentPath is not null && parentPath.StartsWith(oldPath, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Region {region.Id} cannot move under its own subregion {region.ParentId}.", nameof(region));
        }

        var newPath = DirectoryRules.PathUnder(parentPath, region.Id);
        await using (var write = new NpgsqlBatch(connection, transaction))
        {
            var upsert = new NpgsqlBatchCommand("""
                INSERT INTO regions (id, name, level, parent_id, path) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (id) DO UPDATE
                   SET name = excluded.name, level = excluded.level, parent_id = excluded.parent_id, path = excluded.path
                """);
            upsert.Parameters.Add(Parameters.Text(region.Id));
            upsert.Parameters.Add(Parameters.Text(region.Name));
            upsert.Parameters.Add(Parameters.Text(region.Level.ToString()));
            upsert.Parameters.Add(Parameters.Text(region.ParentId));
            upsert.Parameters.Add(Parameters.Text(newPath));
            write.BatchCommands.Add(upsert);
            if (oldPath is not null && oldPath != newPath)
            {
                // Paths end in '/', so [old, old-without-slash + '0') is exactly the strings starting with old.
                var descendants = new NpgsqlBatchCommand("""
                    UPDATE regions SET path = $2 || substr(path, length($1) + 1)
                     WHERE path >= $1 AND path < $3 AND id <> $4
                    """);
                var cases = new NpgsqlBatchCommand("""
                    UPDATE cases SET region_path = $2 || substr(region_path, length($1) + 1)
                     WHERE region_path >= $1 AND region_path < $3
                    """);
                foreach (var command in new[] { descendants, cases })
                {
                    command.Parameters.Add(Parameters.Text(oldPath));
                    command.Parameters.Add(Parameters.Text(newPath));
                    command.Parameters.Add(Parameters.Text(oldPath[..^1] + "0"));
                    write.BatchCommands.Add(command);
                }

                descendants.Parameters.Add(Parameters.Text(region.Id));
            }

            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task UpsertOrganisationAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        DirectoryRules.ValidateOrganisation(organisation);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(LockSql));
        var upsert = new NpgsqlBatchCommand($"""
            INSERT INTO organisations ({OrganisationColumns}) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (id) DO UPDATE
               SET name = excluded.name, kind = excluded.kind, region_id = excluded.region_id,
                   intake_kind = excluded.intake_kind, body_id = excluded.body_id
            """);
        upsert.Parameters.Add(Parameters.Text(organisation.Id));
        upsert.Parameters.Add(Parameters.Text(organisation.Name));
        upsert.Parameters.Add(Parameters.Text(organisation.Kind.ToString()));
        upsert.Parameters.Add(Parameters.Text(organisation.RegionId));
        upsert.Parameters.Add(Parameters.Text(organisation.IntakeKind?.ToString()));
        upsert.Parameters.Add(Parameters.Text(organisation.BodyId));
        batch.BatchCommands.Add(upsert);
        var cases = new NpgsqlBatchCommand("""
            UPDATE cases c SET region_path = r.path
              FROM regions r
             WHERE $2 = 'EnforcementAgency' AND r.id = $3 AND c.respondent_agency_id = $1 AND c.region_path <> r.path
            """);
        cases.Parameters.Add(Parameters.Text(organisation.Id));
        cases.Parameters.Add(Parameters.Text(organisation.Kind.ToString()));
        cases.Parameters.Add(Parameters.Text(organisation.RegionId));
        batch.BatchCommands.Add(cases);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new ArgumentException($"Organisation {organisation.Id}'s region {organisation.RegionId} does not exist.", nameof(organisation), e);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task SeedIfEmptyAsync(IReadOnlyList<Region> regions, IReadOnlyList<Organisation> organisations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(organisations);
        var paths = DirectoryRules.PathsOf(regions);
        DirectoryRules.ValidateOrganisations(organisations, paths.Keys.ToHashSet(StringComparer.Ordinal));

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        bool empty;
        await using (var check = new NpgsqlBatch(connection, transaction))
        {
            check.BatchCommands.Add(new NpgsqlBatchCommand(LockSql));
            check.BatchCommands.Add(new NpgsqlBatchCommand(
                "SELECT NOT EXISTS (SELECT FROM regions) AND NOT EXISTS (SELECT FROM organisations)"));
            await using var reader = await check.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            empty = reader.GetBoolean(0);
        }

        if (!empty)
        {
            return;
        }

        await using (var load = new NpgsqlBatch(connection, transaction))
        {
            // One statement per table: foreign keys are checked at the end of the statement, so order within it is free.
            var insertRegions = new NpgsqlBatchCommand(
                "INSERT INTO regions (id, name, level, parent_id, path) SELECT * FROM unnest($1, $2, $3, $4, $5)");
            insertRegions.Parameters.Add(Parameters.TextArray([.. regions.Select(r => r.Id)]));
            insertRegions.Parameters.Add(Parameters.TextArray([.. regions.Select(r => r.Name)]));
            insertRegions.Parameters.Add(Parameters.TextArray([.. regions.Select(r => r.Level.ToString())]));
            insertRegions.Parameters.Add(Parameters.TextArray([.. regions.Select(r => r.ParentId)]));
            insertRegions.Parameters.Add(Parameters.TextArray([.. regions.Select(r => paths[r.Id])]));
            load.BatchCommands.Add(insertRegions);

            var insertOrganisations = new NpgsqlBatchCommand(
                $"INSERT INTO organisations ({OrganisationColumns}) SELECT * FROM unnest($1, $2, $3, $4, $5, $6)");
            insertOrganisations.Parameters.Add(Parameters.TextArray([.. organisations.Select(o => o.Id)]));
            insertOrganisations.Parameters.Add(Parameters.TextArray([.. organisations.Select(o => o.Name)]));
            insertOrganisations.Parameters.Add(Parameters.TextArray([.. organisations.Select(o => o.Kind.ToString())]));
            insertOrganisations.Parameters.Add(Parameters.TextArray([.. organisations.Select(o => o.RegionId)]));
            insertOrganisations.Parameters.Add(Parameters.TextArray([.. organisations.Select(o => o.IntakeKind?.ToString())]));
            insertOrganisations.Parameters.Add(Parameters.TextArray([.. organisations.Select(o => o.BodyId)]));
            load.BatchCommands.Add(insertOrganisations);
            await load.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<List<Organisation>> ReadOrganisationsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var organisations = new List<Organisation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            organisations.Add(new Organisation(
                reader.GetString(0),
                reader.GetString(1),
                Enum.Parse<OrganisationKind>(reader.GetString(2)),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : Enum.Parse<IntakePointKind>(reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return organisations;
    }
}
