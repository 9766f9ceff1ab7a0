using CaseGrains.Persistence.Postgres;
using CaseGrains.TestSupport;
using Npgsql;

namespace CaseGrains.Persistence.Tests.Support;

/// <summary>
/// Fixes which commits share a batch of a <see cref="PostgresCaseStore"/> that runs one transaction at a time: the
/// blocker case's commit takes the transaction and waits on a row lock another connection holds, so every commit
/// started meanwhile waits for the next transaction, and they go together once the lock is released.
/// </summary>
public static class HeldBatch
{
    /// <summary>The case whose row is held; a test creates it (version 0 to 1) before holding it.</summary>
    public const string Blocker = "C-000-blocker";

    /// <summary>
    /// Holds the blocker's row while its commit starts, starts <paramref name="start"/>'s commits, checks none was
    /// answered, then lets them go and returns them.
    /// </summary>
    public static async Task<List<Task>> WhileHeldAsync(PostgresDatabase database, PostgresCaseStore store, Func<List<Task>> start)
    {
        await using var holder = await database.DataSource.OpenConnectionAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"SELECT 1 FROM cases WHERE case_id = '{Blocker}' FOR UPDATE", holder, hold))
        {
            await lockRow.ExecuteScalarAsync();
        }

        var version = (await store.LoadAsync(Blocker))!.Version;
        var blocked = store.AppendAsync(Given.Commit(Blocker, version, "Accepted"));
        var started = start();
        await Task.Delay(200);
        Assert.False(blocked.IsCompleted);
        Assert.DoesNotContain(started, append => append.IsCompleted);
        await hold.RollbackAsync();
        await blocked;
        return started;
    }
}
