using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Reminders;
using CaseGrains.Persistence.Tests.Support;
using CaseGrains.TestSupport;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>
/// What a commit that replaces a case's schedule does to the rows it keeps, on PostgreSQL: a reminder step keeps most of
/// the ladder, and locking or rewriting each kept row cost a WAL record per row (often with a full-page image). A row that
/// did not change keeps its version and carries no lock (<c>xmax</c> 0); a changed one gets a new version.
/// </summary>
public sealed class ScheduleReplacementTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 10, 1, 0, 0, TimeSpan.Zero);

    private PostgresDatabase database = null!;
    private PostgresCaseStore store = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        store = new PostgresCaseStore(database.DataSource);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static ScheduleEntry R(string step, int hours, int dueDay = 20) =>
        new("C-1", 0, "Review", step, new DateOnly(2025, 3, dueDay), T0.AddHours(hours));

    [Fact]
    public async Task A_kept_row_that_did_not_change_is_neither_locked_nor_rewritten_and_a_changed_one_is_updated()
    {
        await store.AppendAsync(Given.Commit("C-1", 0) with { Reminders = [R("AdvanceWarning", 1), R("DueToday", 2), R("Overdue", 3)] });
        var before = await RowsAsync();

        // The advance warning fired (its row goes), the due-today step is kept as it was, the overdue one moves.
        await store.AppendAsync(Given.Commit("C-1", 1) with { Reminders = [R("DueToday", 2), R("Overdue", 30, dueDay: 21)] });
        var after = await RowsAsync();

        Assert.Equal(["DueToday", "Overdue"], after.Keys.Order());
        Assert.Equal(before["DueToday"], after["DueToday"]);
        Assert.Equal("0", after["DueToday"].Xmax);
        Assert.NotEqual(before["Overdue"].Ctid, after["Overdue"].Ctid);
        Assert.Equal(T0.AddHours(30), (await new PostgresReminderIndex(database.DataSource)
            .DueAsync(ReminderPartitions.Of("C-1"), DateTimeOffset.MaxValue, 10)).Single(r => r.Step == "Overdue").FireAt);
    }

    private async Task<Dictionary<string, (string Ctid, string Xmax)>> RowsAsync()
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT step, ctid::text, xmax::text FROM reminder_schedule WHERE case_id = 'C-1'");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, (string, string)>();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return rows;
    }
}
