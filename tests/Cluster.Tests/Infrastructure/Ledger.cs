using Npgsql;

namespace CaseGrains.Cluster.Tests.Infrastructure;

/// <summary>What PostgreSQL holds after a run, checked against what the gateway acknowledged.</summary>
public sealed class Ledger(NpgsqlDataSource database)
{
    /// <summary>Acknowledged changes with no history entry under their case and key (each must have exactly one).</summary>
    public async Task<IReadOnlyList<AcknowledgedChange>> LostAsync(IEnumerable<AcknowledgedChange> acknowledged)
    {
        var recorded = new HashSet<(string, string)>();
        await using (var command = database.CreateCommand(
            "SELECT h.case_id, h.idempotency_key FROM case_history h JOIN cases c USING (case_id) WHERE h.idempotency_key IS NOT NULL"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                recorded.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        return [.. acknowledged.Where(a => !recorded.Contains((a.CaseId, a.Key)))];
    }

    /// <summary>Receipt keys that opened more than one case, and cases with more than one receipt.</summary>
    public async Task<long> DuplicatesAsync() =>
        await ScalarAsync("""
            SELECT (SELECT count(*) FROM (SELECT idempotency_key FROM case_history WHERE action = 'receiveApplication'
                                          GROUP BY idempotency_key HAVING count(*) > 1) k)
                 + (SELECT count(*) FROM (SELECT case_id FROM case_history WHERE action = 'receiveApplication'
                                          GROUP BY case_id HAVING count(*) > 1) c)
                 + (SELECT count(*) FROM cases c WHERE NOT EXISTS
                       (SELECT 1 FROM case_history h WHERE h.case_id = c.case_id AND h.action = 'receiveApplication'))
            """);

    public Task<long> CasesAsync() => ScalarAsync("SELECT count(*) FROM cases");

    /// <summary>Reminder steps whose time came more than <paramref name="grace"/> ago and are still waiting to fire.</summary>
    public Task<long> OverdueStepsAsync(TimeSpan grace) =>
        ScalarAsync($"SELECT count(*) FROM reminder_schedule WHERE fire_at < now() - interval '{(int)grace.TotalSeconds} seconds'");

    /// <summary>Of <paramref name="caseIds"/>, those whose history has no reminder step recorded.</summary>
    public async Task<IReadOnlyList<string>> WithoutFiredReminderAsync(IEnumerable<string> caseIds)
    {
        var ids = caseIds.ToArray();
        await using var command = database.CreateCommand("""
            SELECT id FROM unnest($1::text[]) id
            WHERE NOT EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = id AND h.action = 'fireReminder')
            """);
        command.Parameters.AddWithValue(ids);
        var missing = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            missing.Add(reader.GetString(0));
        }

        return missing;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
