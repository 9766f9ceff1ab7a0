using CaseGrains.Persistence.Postgres;
using CaseGrains.TestSupport;
using Npgsql;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>
/// The scheduler's reads must be range reads of <c>reminder_schedule_partition_fire_at</c>, in index order and without a
/// sort, whatever the size of the index; the recomputation's walk by case a range read of the primary key in its order
/// (checked with sequential scans priced out, since the test table is tiny).
/// </summary>
public sealed class ReminderIndexPlanTests : IAsyncLifetime
{
    private PostgresDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Due_entries_are_an_index_range_on_partition_and_fire_time_read_in_order()
    {
        await using var due = PostgresReminderIndex.CreateDueCommand(database.DataSource, 7, DateTimeOffset.UtcNow, 100);
        var plan = await ExplainAsync(due.CommandText, due.Parameters);

        Assert.Matches(@"Index (Only )?Scan using reminder_schedule_partition_fire_at on reminder_schedule[^\n]*\n\s+Index Cond: \(\(partition = [^\n]*fire_at <= ", plan);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_entries_after_a_given_one_start_the_index_range_after_it()
    {
        var after = new CaseGrains.Persistence.Reminders.ScheduleEntry("RC-1", 0, "review", "dueToday", new DateOnly(2026, 3, 17), DateTimeOffset.UtcNow);
        await using var due = PostgresReminderIndex.CreateDueCommand(database.DataSource, 7, DateTimeOffset.UtcNow, 100, after);
        var plan = await ExplainAsync(due.CommandText, due.Parameters);

        Assert.Matches(@"Index (Only )?Scan using reminder_schedule_partition_fire_at on reminder_schedule[^\n]*\n\s+Index Cond: [^\n]*ROW\(fire_at, case_id, deadline_id, step\) > ROW\(", plan);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_fire_time_is_read_from_the_same_index()
    {
        var parameters = new NpgsqlCommand().Parameters;
        parameters.Add(new NpgsqlParameter { Value = (short)7, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Smallint });
        var plan = await ExplainAsync("SELECT min(fire_at) FROM reminder_schedule WHERE partition = $1", parameters);

        Assert.Contains("reminder_schedule_partition_fire_at", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    /// <summary>On an empty table any plan is cheap (PostgreSQL picks a bitmap scan and a sort), so this one runs on
    /// 5,000 analysed cases with two deadlines each, due over eight months around the year boundary.</summary>
    [Fact]
    public async Task Cases_due_from_a_date_are_a_primary_key_range_read_in_order_without_a_sort()
    {
        await using (var fill = database.DataSource.CreateCommand("""
            INSERT INTO cases (case_id, version, snapshot, status, receiving_body_id, competent_body_id, respondent_agency_id,
                               intake_point_id, region_path, channel, enterprise_related, applicant_name, agency_name, received_on, updated_at)
            SELECT 'RC-' || lpad(to_hex(i), 16, '0'), 1, '{}', 'underReview', 'B', 'B', 'A', 'I', '/R/', 'hall', false, '张三', '机关',
                   date '2026-06-01', now()
              FROM generate_series(1, 5000) i;
            INSERT INTO reminder_schedule (case_id, deadline_id, kind, step, due_on, fire_at, partition)
            SELECT 'RC-' || lpad(to_hex(i), 16, '0'), d, 'decision', s, date '2026-09-01' + (i * 7 + d * 13) % 240, now(), i % 64
              FROM generate_series(1, 5000) i, generate_series(0, 1) d, unnest(array['advanceWarning', 'dueToday', 'overdue']) s;
            ANALYZE reminder_schedule;
            """))
        {
            await fill.ExecuteNonQueryAsync();
        }

        foreach (var after in new[] { string.Empty, "RC-0000000000000400" })
        {
            await using var cases = PostgresReminderIndex.CreateCasesDueFromCommand(database.DataSource, new DateOnly(2027, 1, 1), after, 200);
            var plan = await ExplainAsync(cases.CommandText, cases.Parameters);

            Assert.Matches(@"Limit[^\n]*\n(\s+->\s+Result[^\n]*\n)?\s+->\s+Unique[^\n]*\n\s+->\s+Index (Only )?Scan using reminder_schedule_pkey on reminder_schedule[^\n]*\n\s+Index Cond: \(case_id > ", plan);
            Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        }
    }

    private async Task<string> ExplainAsync(string sql, NpgsqlParameterCollection parameters)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var settings = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await settings.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection);
        foreach (NpgsqlParameter parameter in parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
