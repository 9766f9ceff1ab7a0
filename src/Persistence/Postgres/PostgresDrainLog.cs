using CaseGrains.Persistence.Cluster;
using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary><see cref="IDrainLog"/> on <c>cluster_drains</c> (<c>0180_cluster_drains.sql</c>): one statement per call.</summary>
public sealed class PostgresDrainLog(NpgsqlDataSource dataSource) : IDrainLog
{
    private const string Columns = "id, silo_id, silo_name, requested_by, requested_at, reason, status, refusal, left_at";

    public async Task<long> RecordAsync(DrainRequestEntry request, DrainStatus status, string? refusal, CancellationToken cancellationToken = default)
    {
        DrainLogRules.Validate(request, status, refusal);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO cluster_drains (silo_id, silo_name, requested_by, requested_at, reason, status, refusal)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            RETURNING id
            """);
        command.Parameters.Add(Parameters.Text(request.SiloId));
        command.Parameters.Add(Parameters.Text(request.SiloName));
        command.Parameters.Add(Parameters.Text(request.RequestedBy));
        command.Parameters.Add(Parameters.TimestampTz(DrainLogRules.Instant(request.RequestedAt)));
        command.Parameters.Add(Parameters.Text(request.Reason));
        command.Parameters.Add(Parameters.Text(status.ToString()));
        command.Parameters.Add(Parameters.Text(refusal));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task AnsweredAsync(long id, DrainStatus status, CancellationToken cancellationToken = default)
    {
        DrainLogRules.ValidateAnswer(status);
        await using var command = dataSource.CreateCommand("UPDATE cluster_drains SET status = $2 WHERE id = $1 AND status = 'Requested'");
        command.Parameters.Add(Parameters.Bigint(id));
        command.Parameters.Add(Parameters.Text(status.ToString()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<int> SiloLeftAsync(string siloId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        CloseAsync(siloId, DrainStatus.Left, at, cancellationToken);

    public Task<int> SiloDiedAsync(string siloId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        CloseAsync(siloId, DrainStatus.Died, at, cancellationToken);

    private async Task<int> CloseAsync(string siloId, DrainStatus outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE cluster_drains SET status = $3, left_at = $2
             WHERE silo_id = $1 AND status IN ('Requested', 'Draining')
            """);
        command.Parameters.Add(Parameters.Text(siloId));
        command.Parameters.Add(Parameters.TimestampTz(DrainLogRules.Instant(at)));
        command.Parameters.Add(Parameters.Text(outcome.ToString()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DrainRecord?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM cluster_drains WHERE id = $1");
        command.Parameters.Add(Parameters.Bigint(id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<DrainRecord>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM cluster_drains ORDER BY requested_at DESC, id DESC LIMIT $1");
        command.Parameters.Add(Parameters.Bigint(limit));
        var records = new List<DrainRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(Read(reader));
        }

        return records;
    }

    private static DrainRecord Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetFieldValue<DateTimeOffset>(4),
        reader.GetString(5),
        Enum.Parse<DrainStatus>(reader.GetString(6)),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8));
}
