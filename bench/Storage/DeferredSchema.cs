using Npgsql;

namespace CaseGrains.Bench.Storage;

/// <summary>
/// The foreign keys of some tables and their indexes that back no constraint, dropped before a bulk load and restored
/// after it exactly as the schema defined them (<c>pg_get_constraintdef</c>, <c>pg_get_indexdef</c>, same names).
/// Building an index once over a million rows is far cheaper than growing it row by row (above all a trigram GIN),
/// and validating a foreign key once is one join instead of a locking lookup per row. Primary keys stay: the foreign
/// keys rest on them, and they keep the load from writing a row twice.
/// </summary>
public sealed class DeferredSchema
{
    private const string ForeignKeys = """
        SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
               format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
          FROM pg_constraint c
         WHERE c.contype = 'f' AND c.conrelid = ANY (SELECT to_regclass(t) FROM unnest($1::text[]) AS t)
         ORDER BY 2
        """;

    private const string Indexes = """
        SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
          FROM pg_index i
         WHERE i.indrelid = ANY (SELECT to_regclass(t) FROM unnest($1::text[]) AS t)
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
         ORDER BY 2
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly string[] tables;
    private readonly IReadOnlyList<string> indexes;
    private readonly IReadOnlyList<string> foreignKeys;

    private DeferredSchema(NpgsqlDataSource dataSource, string[] tables, IReadOnlyList<string> indexes, IReadOnlyList<string> foreignKeys)
    {
        this.dataSource = dataSource;
        this.tables = tables;
        this.indexes = indexes;
        this.foreignKeys = foreignKeys;
    }

    public static async Task<DeferredSchema> DropAsync(NpgsqlDataSource dataSource, params string[] tables)
    {
        var foreignKeys = await ReadAsync(dataSource, tables, ForeignKeys);
        var indexes = await ReadAsync(dataSource, tables, Indexes);
        foreach (var (drop, _) in foreignKeys.Concat(indexes))
        {
            await using var command = dataSource.CreateCommand(drop);
            await command.ExecuteNonQueryAsync();
        }

        return new DeferredSchema(dataSource, tables, [.. indexes.Select(i => i.Restore)], [.. foreignKeys.Select(f => f.Restore)]);
    }

    /// <summary>Builds the indexes again, two at a time (one per core), then adds and validates the foreign keys, and
    /// checks that the tables are defined as they were.</summary>
    public async Task RestoreAsync()
    {
        await Parallel.ForEachAsync(indexes, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (definition, cancellationToken) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using (var memory = new NpgsqlCommand("SET maintenance_work_mem = '256MB'", connection))
            {
                await memory.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var create = new NpgsqlCommand(definition, connection) { CommandTimeout = 0 };
            await create.ExecuteNonQueryAsync(cancellationToken);
        });
        foreach (var definition in foreignKeys)
        {
            await using var add = dataSource.CreateCommand(definition);
            add.CommandTimeout = 0;
            await add.ExecuteNonQueryAsync();
        }

        var restored = (await ReadAsync(dataSource, tables, Indexes)).Concat(await ReadAsync(dataSource, tables, ForeignKeys)).Select(s => s.Restore);
        if (!restored.SequenceEqual(indexes.Concat(foreignKeys)))
        {
            throw new InvalidOperationException("The indexes and foreign keys restored after the load differ from the schema's.");
        }
    }

    private static async Task<List<(string Drop, string Restore)>> ReadAsync(NpgsqlDataSource dataSource, string[] tables, string sql)
    {
        var statements = new List<(string, string)>();
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new() { Value = tables });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            statements.Add((reader.GetString(0), reader.GetString(1)));
        }

        return statements;
    }
}
