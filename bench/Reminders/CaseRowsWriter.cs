using CaseGrains.Bench.Storage;
using CaseGrains.Persistence.Reminders;
using Npgsql;
using NpgsqlTypes;

namespace CaseGrains.Bench.Reminders;

/// <summary>
/// Writes a batch of cases with binary COPY, in one transaction: their <c>cases</c> rows, their history (chained here,
/// over the payloads as PostgreSQL prints them) and their <c>reminder_schedule</c> rows, with the partition the store
/// computes (<see cref="ReminderPartitions"/>), plus the bench's own list of the due ones (<c>bench_due_cases</c>).
/// </summary>
public static class CaseRowsWriter
{
    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<CaseRows> batch)
    {
        var payloads = await JsonbText.OfAsync(connection, [.. batch.SelectMany(c => c.History.Select(h => h.PayloadJson))]);
        var chained = new List<CaseRows>(batch.Count);
        var next = 0;
        foreach (var rows in batch)
        {
            chained.Add(rows.Chained(payloads[next..(next + rows.History.Count)]));
            next += rows.History.Count;
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await CopyCasesAsync(connection, chained);
        await CopyHistoryAsync(connection, chained);
        await CopyScheduleAsync(connection, chained);
        await CopyDueAsync(connection, chained);
        await transaction.CommitAsync();
    }

    private static async Task CopyCasesAsync(NpgsqlConnection connection, List<CaseRows> batch)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY cases (case_id, version, snapshot, status, receiving_body_id, competent_body_id, respondent_agency_id, intake_point_id,
                        region_path, channel, enterprise_related, applicant_name, agency_name, received_on, nearest_due_on, updated_at,
                        applicant_user_id) FROM STDIN (FORMAT BINARY)
            """);
        foreach (var rows in batch)
        {
            var index = rows.Index;
            await copy.StartRowAsync();
            await copy.WriteAsync(rows.CaseId, NpgsqlDbType.Text);
            await copy.WriteAsync(index.Version, NpgsqlDbType.Bigint);
            await copy.WriteAsync(rows.SnapshotJson, NpgsqlDbType.Jsonb);
            await copy.WriteAsync(index.Status, NpgsqlDbType.Text);
            await copy.WriteAsync(index.ReceivingBodyId, NpgsqlDbType.Text);
            await copy.WriteAsync(index.CompetentBodyId, NpgsqlDbType.Text);
            await copy.WriteAsync(index.RespondentAgencyId, NpgsqlDbType.Text);
            await copy.WriteAsync(index.IntakePointId, NpgsqlDbType.Text);
            await copy.WriteAsync(index.RegionPath, NpgsqlDbType.Text);
            await copy.WriteAsync(index.Channel, NpgsqlDbType.Text);
            await copy.WriteAsync(index.EnterpriseRelated, NpgsqlDbType.Boolean);
            await copy.WriteAsync(index.ApplicantName, NpgsqlDbType.Text);
            await copy.WriteAsync(index.AgencyName, NpgsqlDbType.Text);
            await copy.WriteAsync(index.ReceivedOn, NpgsqlDbType.Date);
            await WriteNullableAsync(copy, index.NearestDueOn, NpgsqlDbType.Date);
            await copy.WriteAsync(index.UpdatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            await WriteNullableAsync(copy, index.ApplicantUserId, NpgsqlDbType.Text);
        }

        await copy.CompleteAsync();
    }

    private static async Task CopyHistoryAsync(NpgsqlConnection connection, List<CaseRows> batch)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY case_history (case_id, seq, at, actor_user_id, actor_organisation_id, action, reason, payload, idempotency_key,
                               previous_hash, hash) FROM STDIN (FORMAT BINARY)
            """);
        foreach (var rows in batch)
        {
            foreach (var entry in rows.History)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(rows.CaseId, NpgsqlDbType.Text);
                await copy.WriteAsync(entry.Sequence, NpgsqlDbType.Bigint);
                await copy.WriteAsync(entry.At.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(entry.ActorUserId, NpgsqlDbType.Text);
                await copy.WriteAsync(entry.ActorOrganisationId, NpgsqlDbType.Text);
                await copy.WriteAsync(entry.Action, NpgsqlDbType.Text);
                await WriteNullableAsync(copy, entry.Reason, NpgsqlDbType.Text);
                await copy.WriteAsync(entry.PayloadJson, NpgsqlDbType.Jsonb);
                await WriteNullableAsync(copy, entry.IdempotencyKey, NpgsqlDbType.Text);
                await copy.WriteAsync(entry.PreviousHash!, NpgsqlDbType.Text);
                await copy.WriteAsync(entry.Hash!, NpgsqlDbType.Text);
            }
        }

        await copy.CompleteAsync();
    }

    private static async Task CopyScheduleAsync(NpgsqlConnection connection, List<CaseRows> batch)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY reminder_schedule (case_id, deadline_id, kind, step, due_on, fire_at, partition) FROM STDIN (FORMAT BINARY)");
        foreach (var rows in batch)
        {
            var partition = (short)ReminderPartitions.Of(rows.CaseId);
            foreach (var entry in rows.Schedule)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(entry.CaseId, NpgsqlDbType.Text);
                await copy.WriteAsync(entry.DeadlineId, NpgsqlDbType.Integer);
                await copy.WriteAsync(entry.Kind, NpgsqlDbType.Text);
                await copy.WriteAsync(entry.Step, NpgsqlDbType.Text);
                await copy.WriteAsync(entry.DueOn, NpgsqlDbType.Date);
                await copy.WriteAsync(entry.FireAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(partition, NpgsqlDbType.Smallint);
            }
        }

        await copy.CompleteAsync();
    }

    private static async Task CopyDueAsync(NpgsqlConnection connection, List<CaseRows> batch)
    {
        await using var copy = await connection.BeginBinaryImportAsync("COPY bench_due_cases (case_id) FROM STDIN (FORMAT BINARY)");
        foreach (var rows in batch.Where(r => r.Due))
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(rows.CaseId, NpgsqlDbType.Text);
        }

        await copy.CompleteAsync();
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type) =>
        value is null ? copy.WriteNullAsync() : copy.WriteAsync(value, type);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, DateOnly? value, NpgsqlDbType type) =>
        value is { } date ? copy.WriteAsync(date, type) : copy.WriteNullAsync();
}
