using System.Security.Cryptography;
using System.Text.Json;
using CaseGrains.Domain.Serialization;
using CaseGrains.Grains.Cases;
using CaseGrains.Persistence.Cases;

namespace CaseGrains.Bench.Reminders;

/// <summary>
/// Checks that a data set holds what its plan says: the numbers of cases, due cases and due schedule rows; nothing else
/// due before the window ends; and, on a sample, that each case loads as the case grain loads it (snapshot sealed with
/// the data set's key) and that its history chain verifies both with the store (<see cref="ICaseStore.VerifyHistoryAsync"/>)
/// and with PostgreSQL's own hash function, which the next commit of the case will chain onto.
/// </summary>
public static class DataSetVerification
{
    private const int SampleSize = 500;

    /// <summary>What is wrong with the data set; null when nothing is.</summary>
    public static async Task<string?> ProblemAsync(DataSetStorage storage, DataSetPlan plan)
    {
        await using (var counts = storage.DataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM cases),
                   (SELECT count(*) FROM bench_due_cases),
                   (SELECT count(*) FROM reminder_schedule r JOIN bench_due_cases d USING (case_id)
                     WHERE r.fire_at = $1 AND r.kind = $3 AND r.step = $4),
                   (SELECT count(*) FROM reminder_schedule WHERE fire_at <= $2) - (SELECT count(*) FROM reminder_schedule WHERE fire_at = $1)
            """))
        {
            counts.Parameters.Add(new() { Value = BenchTimeline.DueAt });
            counts.Parameters.Add(new() { Value = BenchTimeline.DueAt + BenchTimeline.Window });
            counts.Parameters.Add(new() { Value = CaseRows.ReviewKind });
            counts.Parameters.Add(new() { Value = CaseRows.DueTodayStep });
            await using var reader = await counts.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (cases, due, dueSteps, others) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            if (cases != plan.Cases || due != plan.Due || dueSteps != plan.Due || others != 0)
            {
                return $"it holds {cases:N0} cases, {due:N0} due, {dueSteps:N0} due-today steps at T and {others:N0} other steps due in the window; "
                    + $"expected {plan.Cases:N0}, {plan.Due:N0}, {plan.Due:N0} and 0";
            }
        }

        var sample = plan.Sample(SampleSize).Select(DataSetPlan.CaseIdOf).ToArray();
        foreach (var caseId in sample)
        {
            if (await SampleProblemAsync(storage, caseId) is { } problem)
            {
                return $"case {caseId}: {problem}";
            }
        }

        var unchained = await UnchainedInPostgresAsync(storage, sample);
        return unchained == 0 ? null : $"{unchained} history entries of {sample.Length} sampled cases do not verify with case_history_hash";
    }

    private static async Task<string?> SampleProblemAsync(DataSetStorage storage, string caseId)
    {
        var stored = await storage.Store.LoadAsync(caseId);
        if (stored is null)
        {
            return "missing";
        }

        try
        {
            var snapshot = JsonSerializer.Deserialize<CaseSnapshot>(stored.SnapshotJson, DomainJson.Storage);
            storage.Protector.Unprotect(snapshot!.Case);
        }
        catch (CryptographicException)
        {
            return "its snapshot does not open with the data set's key";
        }

        var verification = await storage.Store.VerifyHistoryAsync(caseId);
        return verification.Intact ? null : $"history entry {verification.FirstBrokenSequence}: {verification.Problem}";
    }

    /// <summary>History entries of <paramref name="caseIds"/> whose hash or link PostgreSQL computes otherwise.</summary>
    private static async Task<long> UnchainedInPostgresAsync(DataSetStorage storage, string[] caseIds)
    {
        await using var command = storage.DataSource.CreateCommand("""
            SELECT count(*)
              FROM case_history h
              LEFT JOIN case_history p ON p.case_id = h.case_id AND p.seq = h.seq - 1
             WHERE h.case_id = ANY ($1)
               AND (h.previous_hash <> coalesce(p.hash, repeat('0', 64))
                    OR h.hash <> case_history_hash(h.case_id, h.seq, h.at, h.actor_user_id, h.actor_organisation_id, h.action,
                                                   h.reason, h.payload, h.idempotency_key, h.previous_hash))
            """);
        command.Parameters.Add(new() { Value = caseIds });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
