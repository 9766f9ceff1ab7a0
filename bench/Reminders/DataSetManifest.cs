using System.Security.Cryptography;
using System.Text;
using CaseGrains.Persistence.Migrations;
using Npgsql;

namespace CaseGrains.Bench.Reminders;

/// <summary>
/// What a loaded data set holds, in its own table <c>bench_manifest</c>. The loader writes it last, so a set whose load
/// was interrupted has none and is never reused. <see cref="Schema"/> identifies the schema scripts the set was migrated
/// with and <see cref="KeyFingerprint"/> the personal-data key it was sealed with (<see cref="DataSetKey"/>).
/// </summary>
public sealed record DataSetManifest(int Format, int Cases, int Due, DateTimeOffset DueAt, string Schema, string KeyFingerprint, double LoadSeconds)
{
    /// <summary>Raise it whenever the loaded content changes (case lives, rows), so that older sets are reloaded, not reused.</summary>
    public const int CurrentFormat = 1;

    /// <summary>16 hex digits of the SHA-256 of every schema script's name and text.</summary>
    public static string CurrentSchema { get; } = Convert.ToHexStringLower(SHA256.HashData(
        Encoding.UTF8.GetBytes(string.Concat(SchemaMigrator.Scripts.Select(s => s.Name + "\n" + s.Sql + "\n")))).AsSpan(0, 8));

    public static async Task CreateTableAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            CREATE TABLE bench_manifest (
                format          int         NOT NULL,
                cases           int         NOT NULL,
                due             int         NOT NULL,
                due_at          timestamptz NOT NULL,
                schema          text        NOT NULL,
                key_fingerprint text        NOT NULL,
                load_seconds    float8      NOT NULL
            )
            """);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The manifest of the data set in <paramref name="dataSource"/>'s database; null when it has none.</summary>
    public static async Task<DataSetManifest?> ReadAsync(NpgsqlDataSource dataSource)
    {
        await using (var exists = dataSource.CreateCommand("SELECT to_regclass('bench_manifest') IS NOT NULL"))
        {
            if (!(bool)(await exists.ExecuteScalarAsync())!)
            {
                return null;
            }
        }

        await using var command = dataSource.CreateCommand("SELECT format, cases, due, due_at, schema, key_fingerprint, load_seconds FROM bench_manifest");
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new DataSetManifest(
                reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetString(4), reader.GetString(5), reader.GetDouble(6))
            : null;
    }

    public async Task WriteAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("INSERT INTO bench_manifest VALUES ($1, $2, $3, $4, $5, $6, $7)");
        command.Parameters.Add(new() { Value = Format });
        command.Parameters.Add(new() { Value = Cases });
        command.Parameters.Add(new() { Value = Due });
        command.Parameters.Add(new() { Value = DueAt });
        command.Parameters.Add(new() { Value = Schema });
        command.Parameters.Add(new() { Value = KeyFingerprint });
        command.Parameters.Add(new() { Value = LoadSeconds });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Why this data set is not the one a run with <paramref name="plan"/> needs; null when it is.</summary>
    public string? Mismatch(DataSetPlan plan, string keyFingerprint) =>
        Format != CurrentFormat ? $"it was loaded in format {Format}, the bench now loads format {CurrentFormat}"
        : Cases != plan.Cases || Due != plan.Due ? $"it holds {Cases:N0} cases with {Due:N0} due, not {plan.Cases:N0} with {plan.Due:N0}"
        : DueAt != BenchTimeline.DueAt ? $"its steps come due at {DueAt:O}, not {BenchTimeline.DueAt:O}"
        : Schema != CurrentSchema ? "it was migrated with other schema scripts than the current ones"
        : KeyFingerprint != keyFingerprint ? "its personal-data key file holds another key than the one it was sealed with"
        : null;
}
