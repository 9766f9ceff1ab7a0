using Npgsql;

namespace CaseGrains.Bench.Storage;

/// <summary>
/// The indexes of some tables that back no constraint, dropped before a bulk load and built again after it, exactly as
/// the schema defined them (<c>pg_get_indexdef</c>): building an index once over a million rows is far cheaper than
/// growing it row by row, above all a trigram GIN. Primary keys stay, because foreign keys rest on them.
/// </summary>
public sealed class DeferredIndexes
{
    private readonly NpgsqlDataSource dataSource;
    private readonly IReadOnlyList<string> definitions;

    private DeferredIndexes(NpgsqlDataSource dataSource, IReadOnlyList<string> definitions)
    {
        this.dataSource = dataSource;
        this.definitions = definitions;
    }

    public static async Task<DeferredIndexes> DropAsync(NpgsqlDataSource dataSource, params string[] tables)
    {
        var indexes = new List<(string Name, string Definition)>();
        await using (var command = dataSource.CreateCommand("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
              FROM pg_index i
             WHERE i.indrelid = ANY (SELECT to_regclass(t) FROM unnest($1::text[]) AS t)
               AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """))
        {
            command.Parameters.Add(new() { Value = tables });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await using var drop = dataSource.CreateCommand($"DROP INDEX {name}");
            await drop.ExecuteNonQueryAsync();
        }

        return new DeferredIndexes(dataSource, [.. indexes.Select(i => i.Definition)]);
    }

    /// <summary>Builds the indexes again, two at a time (one per core).</summary>
    public async Task CreateAsync() =>
        await Parallel.ForEachAsync(definitions, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (definition, cancellationToken) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using (var memory = new NpgsqlCommand("SET maintenance_work_mem = '256MB'", connection))
            {
                await memory.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var create = new NpgsqlCommand(definition, connection) { CommandTimeout = 0 };
            await create.ExecuteNonQueryAsync(cancellationToken);
        });
}
