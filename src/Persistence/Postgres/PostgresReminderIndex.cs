using CaseGrains.Persistence.Reminders;
using Npgsql;
using NpgsqlTypes;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// <see cref="IReminderIndex"/> on the <c>reminder_schedule</c> table (<c>0104_deadline_schedule.sql</c>). Due reads and
/// the next fire time are range reads of <c>reminder_schedule_partition_fire_at</c>; removal is a compare-and-delete on
/// the primary key plus the row's due date and fire time; the cases due from a date are read in primary key order.
/// </summary>
public sealed class PostgresReminderIndex(NpgsqlDataSource dataSource) : IReminderIndex
{
    internal const string DueSql = """
        SELECT case_id, deadline_id, kind, step, due_on, fire_at
          FROM reminder_schedule
         WHERE partition = $1 AND fire_at <= $2
         ORDER BY fire_at, case_id, deadline_id, step
         LIMIT $3
        """;

    // The row comparison is an index condition on reminder_schedule_partition_fire_at, whose columns it follows: the
    // scan starts after the last entry read, not at the partition's first due entry.
    internal const string DueAfterSql = """
        SELECT case_id, deadline_id, kind, step, due_on, fire_at
          FROM reminder_schedule
         WHERE partition = $1 AND fire_at <= $2 AND (fire_at, case_id, deadline_id, step) > ($4, $5, $6, $7)
         ORDER BY fire_at, case_id, deadline_id, step
         LIMIT $3
        """;

    /// <summary>
    /// A range read of the primary key (case_id, deadline_id, step) from the cursor on, in its order, so DISTINCT needs
    /// no sort and the LIMIT stops the read early; the due date is a filter on the rows read. No index on due_on: a
    /// walk reads each row once over all its pages, which an index on the date would not improve for a walk ordered by
    /// case. The store refuses an empty case id (<c>CaseCommitRules</c>), so the empty string stands for "from the first".
    /// </summary>
    internal const string CasesDueFromSql = """
        SELECT DISTINCT case_id
          FROM reminder_schedule
         WHERE case_id > $1 AND due_on >= $2
         ORDER BY case_id
         LIMIT $3
        """;

    public async Task<IReadOnlyList<ScheduleEntry>> DueAsync(int partition, DateTimeOffset now, int limit, ScheduleEntry? after = null, CancellationToken cancellationToken = default)
    {
        ReminderPartitions.Require(partition);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var command = CreateDueCommand(dataSource, partition, now, limit, after);
        var entries = new List<ScheduleEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ScheduleEntry(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetFieldValue<DateOnly>(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return entries;
    }

    internal static NpgsqlCommand CreateDueCommand(NpgsqlDataSource dataSource, int partition, DateTimeOffset now, int limit, ScheduleEntry? after = null)
    {
        var command = dataSource.CreateCommand(after is null ? DueSql : DueAfterSql);
        command.Parameters.Add(Parameters.Typed((short)partition, NpgsqlDbType.Smallint));
        command.Parameters.Add(Parameters.TimestampTz(now.ToUniversalTime()));
        command.Parameters.Add(Parameters.Bigint(limit));
        if (after is not null)
        {
            command.Parameters.Add(Parameters.TimestampTz(Cases.CaseCommitRules.NormaliseInstant(after.FireAt)));
            command.Parameters.Add(Parameters.Text(after.CaseId));
            command.Parameters.Add(Parameters.Typed(after.DeadlineId, NpgsqlDbType.Integer));
            command.Parameters.Add(Parameters.Text(after.Step));
        }

        return command;
    }

    public async Task<DateTimeOffset?> NextFireAtAsync(int partition, CancellationToken cancellationToken = default)
    {
        ReminderPartitions.Require(partition);
        await using var command = dataSource.CreateCommand("SELECT min(fire_at) FROM reminder_schedule WHERE partition = $1");
        command.Parameters.Add(Parameters.Typed((short)partition, NpgsqlDbType.Smallint));
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is DateTime utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : null;
    }

    public async Task<bool> RemoveAsync(ScheduleEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = dataSource.CreateCommand("""
            DELETE FROM reminder_schedule
             WHERE case_id = $1 AND deadline_id = $2 AND step = $3 AND due_on = $4 AND fire_at = $5
            """);
        command.Parameters.Add(Parameters.Text(entry.CaseId));
        command.Parameters.Add(Parameters.Typed(entry.DeadlineId, NpgsqlDbType.Integer));
        command.Parameters.Add(Parameters.Text(entry.Step));
        command.Parameters.Add(Parameters.Date(entry.DueOn));
        command.Parameters.Add(Parameters.TimestampTz(Cases.CaseCommitRules.NormaliseInstant(entry.FireAt)));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<string>> CasesDueFromAsync(DateOnly dueFrom, string? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var command = CreateCasesDueFromCommand(dataSource, dueFrom, after, limit);
        var cases = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cases.Add(reader.GetString(0));
        }

        return cases;
    }

    internal static NpgsqlCommand CreateCasesDueFromCommand(NpgsqlDataSource dataSource, DateOnly dueFrom, string? after, int limit)
    {
        var command = dataSource.CreateCommand(CasesDueFromSql);
        command.Parameters.Add(Parameters.Text(after ?? string.Empty));
        command.Parameters.Add(Parameters.Date(dueFrom));
        command.Parameters.Add(Parameters.Bigint(limit));
        return command;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM reminder_schedule");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
