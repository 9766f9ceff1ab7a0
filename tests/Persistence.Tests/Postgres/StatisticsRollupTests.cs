using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Statistics;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Statistics;
using CaseGrains.TestSupport;
using Npgsql;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>
/// The statistics rollup (<c>0210_case_statistics_rollup.sql</c>) stays what a fresh count of the case rows gives, and so
/// do the figures read from it. Cases are written by SQL as the case store writes their columns: inserted open, then
/// accepted, decided, ended otherwise, reopened, moved to another day of ending, flagged overdue, moved to another
/// agency, or touched without a statistics column; by eight connections at once, each transaction changing up to four
/// cases in random order, as the commit batcher's shared transactions do. Dates run over four months, so that periods
/// hold whole months and parts of months.
/// </summary>
public sealed class StatisticsRollupTests : IAsyncLifetime
{
    private const int Writers = 8;
    private const int TransactionsPerWriter = 30;
    private static readonly DateOnly Start = new(2025, 1, 1);
    private static readonly string[] Agencies = ["A1", "A2", "A3"];
    private static readonly string[] Regions = ["/R1/", "/R1/R11/", "/R1/R11/R111/", "/R2/"];
    private static readonly string[] Bodies = ["B1", "B2"];
    private static readonly string[] Endings = [.. Enum.GetValues<CaseEnding>().Select(StoredNames.Of)];
    private static readonly string[] DecisionTypes = [.. Enum.GetValues<DecisionType>().Select(StoredNames.Of)];

    private PostgresDatabase database = null!;
    private int caseCount;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        var random = new Random(210);
        for (var i = 0; i < 120; i++)
        {
            await InsertAsync(null, random);
        }

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => WriteAsync(new Random(w))));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task The_rollup_equals_a_fresh_count_of_the_cases_after_concurrent_inserts_and_updates()
    {
        Assert.True(await database.ScalarAsync<long>("SELECT count(*) FROM cases WHERE ended_on IS NOT NULL") > 20);
        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM ((SELECT * FROM ({Fresh}) f EXCEPT SELECT * FROM ({Kept}) k) UNION ALL (SELECT * FROM ({Kept}) k EXCEPT SELECT * FROM ({Fresh}) f)) d"));
    }

    [Fact]
    public async Task A_rebuild_counts_the_cases_again_and_replaces_whatever_the_rollup_held()
    {
        var kept = await RowsAsync(Kept);
        await database.ExecuteAsync("UPDATE case_statistics_rollup SET received = received + 7 WHERE day = (SELECT min(day) FROM case_statistics_rollup)");
        await database.ExecuteAsync("INSERT INTO case_statistics_rollup VALUES (false, '2024-12-31', '/R9/', 'B9', 'B9', 'A9', NULL, NULL, 3, 0, 0, 0)");
        Assert.NotEqual(kept, await RowsAsync(Kept));

        await database.ExecuteAsync("SELECT case_statistics_rollup_rebuild()");

        Assert.Equal(kept, await RowsAsync(Kept));
        Assert.Equal(await RowsAsync(Fresh), await RowsAsync(Kept));
    }

    public static TheoryData<string?, string?> Periods => new()
    {
        { null, null },
        { "2025-02-01", "2025-02-28" },
        { "2025-01-15", "2025-03-14" },
        { "2025-01-01", "2025-04-30" },
        { "2025-02-05", "2025-02-05" },
        { "2025-02-28", "2025-03-01" },
        { null, "2025-02-10" },
        { "2025-03-03", null },
        { null, "2025-03-31" },
        { "2025-02-10", "2025-02-01" },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task Every_figure_read_from_the_rollup_equals_its_count_of_the_case_rows(string? from, string? to)
    {
        var period = new StatisticsPeriod(from is null ? null : DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to));
        StatisticsQuery[] queries =
        [
            new() { Period = period },
            new() { Period = period, Scope = CaseListScope.Region("/R1/") },
            new() { Period = period, Scope = CaseListScope.Region("/R1/R11/"), CompetentBodyId = "B2" },
            new() { Period = period, Scope = CaseListScope.Body("B1") },
            new() { Period = period, Scope = CaseListScope.RespondentAgency("A2") },
            new() { Period = period, RespondentAgencyId = "A1", CompetentBodyId = "B1" },
        ];

        foreach (var query in queries)
        {
            Assert.True(PostgresCaseStatistics.ReadsRollup(query));
            Assert.Equal(await ReadAsync(PostgresCaseStatistics.BuildCountCommands(query, rollup: false)), await ReadAsync(PostgresCaseStatistics.BuildCountCommands(query, rollup: true)));
            Assert.Equal(await ReadAsync([PostgresCaseStatistics.BuildByAgencyCommand(query, rollup: false)]), await ReadAsync([PostgresCaseStatistics.BuildByAgencyCommand(query, rollup: true)]));
            Assert.Equal(await ReadAsync(PostgresCaseStatistics.BuildActivityCommands(query, rollup: false)), await ReadAsync(PostgresCaseStatistics.BuildActivityCommands(query, rollup: true)));
        }
    }

    [Fact]
    public void Applicant_and_intake_point_scopes_count_the_case_rows()
    {
        Assert.False(PostgresCaseStatistics.ReadsRollup(new() { Scope = CaseListScope.Applicant("u1") }));
        Assert.False(PostgresCaseStatistics.ReadsRollup(new() { Scope = CaseListScope.IntakePoint("i1") }));
    }

    /// <summary>The rollup's rows as the migration's backfill counts them from the case rows, zero rows left out.</summary>
    private const string Fresh = """
        WITH days AS (
            SELECT day, region_path, competent_body_id, receiving_body_id, respondent_agency_id, ending, decision_type,
                   sum(received) AS received, sum(ended) AS ended, sum(accepted) AS accepted, sum(in_time) AS in_time
              FROM (SELECT received_on AS day, region_path, competent_body_id, receiving_body_id, respondent_agency_id, ending,
                           decision_type, 1 AS received, 0 AS ended, 0 AS accepted, 0 AS in_time
                      FROM cases
                    UNION ALL
                    SELECT ended_on, region_path, competent_body_id, receiving_body_id, respondent_agency_id, ending, decision_type,
                           0, 1, (accepted_on IS NOT NULL)::int, (accepted_on IS NOT NULL AND NOT decision_overdue)::int
                      FROM cases
                     WHERE ended_on IS NOT NULL) c
             GROUP BY 1, 2, 3, 4, 5, 6, 7)
        SELECT false AS whole_month, * FROM days
         UNION ALL
        SELECT true, date_trunc('month', day::timestamp)::date, region_path, competent_body_id, receiving_body_id,
               respondent_agency_id, ending, decision_type, sum(received), sum(ended), sum(accepted), sum(in_time)
          FROM days
         GROUP BY 2, 3, 4, 5, 6, 7, 8
        """;

    private const string Kept = """
        SELECT whole_month, day, region_path, competent_body_id, receiving_body_id, respondent_agency_id, ending, decision_type,
               received::numeric, ended::numeric, ended_after_acceptance::numeric, ended_within_decision_period::numeric
          FROM case_statistics_rollup
         WHERE (received, ended, ended_after_acceptance, ended_within_decision_period) <> (0, 0, 0, 0)
        """;

    /// <summary>The rows <paramref name="sql"/> gives, as text in one order.</summary>
    private Task<string?> RowsAsync(string sql) => database.ScalarAsync<string>($"SELECT string_agg(r::text, E'\\n' ORDER BY r::text) FROM ({sql}) r");

    private async Task WriteAsync(Random random)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        for (var t = 0; t < TransactionsPerWriter; t++)
        {
            var seed = random.Next();
            // A deadlock between two transactions locking rollup rows in opposite orders rolls one back; the batcher runs
            // its commits again one by one, and so does this, with the same changes.
            while (!await TryTransactionAsync(connection, new Random(seed)))
            {
            }
        }
    }

    private async Task<bool> TryTransactionAsync(NpgsqlConnection connection, Random random)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            if (random.Next(5) == 0)
            {
                await InsertAsync(transaction, random);
            }

            for (var n = random.Next(1, 5); n > 0; n--)
            {
                await UpdateAsync(transaction, random);
            }

            await transaction.CommitAsync();
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected)
        {
            await transaction.RollbackAsync();
            return false;
        }
    }

    private async Task InsertAsync(NpgsqlTransaction? transaction, Random random)
    {
        var id = $"C{Interlocked.Increment(ref caseCount)}-{random.Next()}";
        var region = random.Next(Regions.Length);
        await ExecuteAsync(
            transaction,
            """
            INSERT INTO cases (case_id, version, snapshot, status, receiving_body_id, competent_body_id, respondent_agency_id,
                               intake_point_id, region_path, channel, enterprise_related, applicant_name, agency_name,
                               received_on, updated_at)
            VALUES ($1, 1, '{}', 'received', $2, $3, $4, 'I1', $5, 'online', false, 'x', 'y', $6, now())
            """,
            id, Pick(random, Bodies), Pick(random, Bodies), Agencies[region % Agencies.Length], Regions[region],
            Start.AddDays(random.Next(100)));
    }

    private async Task UpdateAsync(NpgsqlTransaction transaction, Random random)
    {
        object which = random.Next(await CountAsync(transaction));
        object days = random.Next(1, 60);
        var otherEnding = Pick(random, [.. Endings.Where(e => e != StoredNames.Of(CaseEnding.Decided))]);
        var (set, values) = random.Next(9) switch
        {
            0 => ("accepted_on = received_on + $2", new[] { which, days }),
            1 => ("ending = 'decided', ended_on = received_on + $2, decision_type = $3, findings = '{procedure}'", [which, days, Pick(random, DecisionTypes)]),
            2 => ("ending = $3, ended_on = received_on + $2, decision_type = NULL, findings = '{}'", [which, days, otherEnding]),
            3 => ("ending = NULL, ended_on = NULL, decision_type = NULL, findings = '{}'", [which]),
            4 => ("ended_on = ended_on + $2", [which, days]),
            5 => ("decision_overdue = NOT decision_overdue", [which]),
            6 => ("respondent_agency_id = $2, region_path = '/R2/'", [which, Pick(random, Agencies)]),
            7 => ("status = 'accepted', nearest_due_on = received_on + $2, version = version + 1", [which, days]),
            _ => ("accepted_on = NULL", [which]),
        };
        await ExecuteAsync(transaction, $"UPDATE cases SET {set} WHERE case_id = (SELECT case_id FROM cases ORDER BY case_id OFFSET $1 LIMIT 1)", values);
    }

    private static async Task<int> CountAsync(NpgsqlTransaction transaction)
    {
        await using var command = new NpgsqlCommand("SELECT count(*)::int FROM cases", transaction.Connection, transaction);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(NpgsqlTransaction? transaction, string sql, params object[] values)
    {
        await using var connection = transaction is null ? await database.DataSource.OpenConnectionAsync() : null;
        await using var command = new NpgsqlCommand(sql, transaction?.Connection ?? connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every result set's rows as text, each set sorted (a ranking comes in no particular order).</summary>
    private async Task<List<string>> ReadAsync(IEnumerable<NpgsqlBatchCommand> commands)
    {
        await using var batch = database.DataSource.CreateBatch();
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync();
        var sets = new List<string>();
        do
        {
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }

            sets.Add(string.Join('\n', rows.Order(StringComparer.Ordinal)));
        }
        while (await reader.NextResultAsync());

        return sets;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
