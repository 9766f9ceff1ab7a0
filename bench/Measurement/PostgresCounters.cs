using Npgsql;

namespace CaseGrains.Bench.Measurement;

/// <summary>
/// PostgreSQL's own counters around a run. The write-ahead log's (<c>pg_stat_wal</c>) and the checkpoints
/// (<c>pg_stat_bgwriter</c>) are the server's, so other databases' work counts in them too; the tables' (rows inserted,
/// updated, of those updated in place (HOT), deleted; sequential scans) are the run database's own, which starts from
/// zero as a new database.
/// </summary>
public sealed record PostgresCounters(long WalRecords, long WalFullPageImages, long WalBytes, long Checkpoints)
{
    public static async Task<PostgresCounters> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT w.wal_records, w.wal_fpi, w.wal_bytes::bigint, b.checkpoints_timed + b.checkpoints_req
              FROM pg_stat_wal w, pg_stat_bgwriter b
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new PostgresCounters(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    public PostgresCounters Since(PostgresCounters start) =>
        new(WalRecords - start.WalRecords, WalFullPageImages - start.WalFullPageImages, WalBytes - start.WalBytes, Checkpoints - start.Checkpoints);

    /// <summary>What happened to each of <paramref name="tables"/> in the database of <paramref name="connectionString"/>.</summary>
    public static async Task<IReadOnlyList<TableActivity>> TablesAsync(string connectionString, params string[] tables)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del, seq_scan
              FROM pg_stat_user_tables
             WHERE relname = ANY ($1)
             ORDER BY relname
            """, connection);
        command.Parameters.Add(new() { Value = tables });
        var activity = new List<TableActivity>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            activity.Add(new TableActivity(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        }

        return activity;
    }
}

/// <summary>Rows a table had inserted, updated (<see cref="HotUpdated"/> of them without touching its indexes), deleted,
/// and how often it was read whole.</summary>
public sealed record TableActivity(string Table, long Inserted, long Updated, long HotUpdated, long Deleted, long SequentialScans);
