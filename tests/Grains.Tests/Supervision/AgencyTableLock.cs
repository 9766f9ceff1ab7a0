using CaseGrains.TestSupport;
using Npgsql;

namespace CaseGrains.Grains.Tests.Supervision;

/// <summary>Holds <c>agency_records</c> locked against writes (reads go on), so that every agency's commit waits until
/// the lock is released: a delivery to an agency stays under way for as long as a test needs.</summary>
public sealed class AgencyTableLock : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private AgencyTableLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
    }

    public static async Task<AgencyTableLock> TakeAsync(PostgresDatabase database)
    {
        var connection = await database.DataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE agency_records IN EXCLUSIVE MODE", connection, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        return new AgencyTableLock(connection, transaction);
    }

    public Task ReleaseAsync() => transaction.RollbackAsync();

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
