using System.Text.RegularExpressions;
using CaseGrains.Domain.Access;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Postgres;
using CaseGrains.TestSupport;
using Npgsql;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>
/// An inbox page must read each part of the inbox newest first from its index and stop after a page, whatever the
/// filters, and the feed must be a range of its index in order (checked with sequential scans priced out, since the
/// test tables are tiny; for the feed bitmap scans too, which an empty table's estimates favour over reading
/// <c>LIMIT</c> rows in order).
/// </summary>
public sealed class NotificationPlanTests : IAsyncLifetime
{
    private static readonly NotificationRecipient Officer = new("u-officer-1", "B-SY", Role.CaseOfficer);

    private PostgresDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    public static TheoryData<string> Pages => ["first page", "next page", "unread only", "one case", "everything"];

    private static InboxQuery QueryFor(string page) => page switch
    {
        "first page" => new InboxQuery(),
        "next page" => new InboxQuery { Before = 1000 },
        "unread only" => new InboxQuery { UnreadOnly = true },
        "one case" => new InboxQuery { CaseId = "C-1" },
        "everything" => new InboxQuery { Before = 1000, UnreadOnly = true, CaseId = "C-1", Limit = InboxQuery.MaxLimit },
        _ => throw new ArgumentOutOfRangeException(nameof(page)),
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task An_inbox_page_merges_three_backward_index_scans_without_sorting(string page)
    {
        await using var command = PostgresNotificationInbox.BuildListCommand(database.DataSource, Officer, QueryFor(page));
        var plan = await ExplainAsync(command.CommandText, command.Parameters);

        Assert.True(plan.Contains("Merge Append", StringComparison.Ordinal), plan);
        Assert.True(Regex.IsMatch(plan, @"Index Scan Backward using notifications_user on notifications [^\n]*\n\s+Index Cond: \(+recipient_user_id = "), plan);
        Assert.True(Regex.IsMatch(plan, @"Index Scan Backward using notifications_organisation on notifications [^\n]*\n\s+Index Cond: \(+recipient_organisation_id = "), plan);
        Assert.True(Regex.IsMatch(plan, @"Index Scan Backward using notifications_organisation_role on notifications [^\n]*\n\s+Index Cond: \(+recipient_organisation_id = [^\n]*recipient_role = "), plan);
        Assert.False(Regex.IsMatch(plan, @"->\s+Sort "), plan);
        Assert.DoesNotContain("Seq Scan on notifications", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_is_a_range_of_its_index_read_in_order()
    {
        var parameters = new NpgsqlCommand().Parameters;
        parameters.Add(new NpgsqlParameter { Value = 5UL, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Xid8 });
        parameters.Add(new NpgsqlParameter { Value = 7L, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        parameters.Add(new NpgsqlParameter { Value = 500L, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        var plan = await ExplainAsync(PostgresNotificationFeed.ReadAfterSql, parameters, "enable_bitmapscan");

        Assert.True(Regex.IsMatch(plan, @"Index Scan using notifications_feed on notifications[^\n]*\n\s+Index Cond: \(\(ROW\(xact_id, id\) > ROW\("), plan);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }

    /// <summary>The plan with sequential scans priced out, and the other plan types <paramref name="alsoOff"/> names.</summary>
    private async Task<string> ExplainAsync(string sql, NpgsqlParameterCollection parameters, params string[] alsoOff)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        foreach (var setting in alsoOff.Prepend("enable_seqscan"))
        {
            await using var off = new NpgsqlCommand($"SET {setting} = off", connection);
            await off.ExecuteNonQueryAsync();
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
