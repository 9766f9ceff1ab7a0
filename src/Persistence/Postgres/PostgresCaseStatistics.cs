using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Statistics;
using CaseGrains.Domain.Supervision;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Statistics;
using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// <see cref="ICaseStatistics"/> on the rollup of <c>0210_case_statistics_rollup.sql</c>: each cohort is one sum of the
/// rows of the query's region, bodies and agency over the period's whole months (month rows) and other days (day rows),
/// a few rows a month or day and agency instead of one index entry a case. A trigger on <c>cases</c> keeps it in the case commit's own transaction, so a figure counts a
/// commit as soon as the commit is answered. A query scoped to an applicant's or an intake point's own cases, which the
/// rollup does not key, counts the <c>cases</c> columns of <c>0130_case_statistics.sql</c> as before, one aggregate per
/// cohort (<c>cases_received</c>, <c>cases_statistics_ended</c>, <c>0160_case_read_indexes.sql</c>). Which endings
/// and decision types count toward which figure is not written here: the sets come from the domain's definitions
/// (<see cref="CaseEndingFigures"/>, <see cref="DecisionTypeExtensions"/>) as array parameters, matched against the
/// ending and decision type the rollup keeps. The scope is the case list's own condition
/// (<see cref="PostgresCaseQueries"/>), except a region subtree, which is written <c>starts_with(region_path, path)</c>
/// instead of the list's range: the same cases, but a condition no btree serves, so that on <c>cases</c> the planner
/// keeps to the covering index (with the range it read 222,222 heap rows for Dadong: 10 s at a million cases).
/// An agency profile's flaws need the decisions' findings, which the rollup does not keep: they are read from
/// <c>cases_statistics_decisions</c> (<see cref="BuildActivityCommands"/>). The instruments' figures
/// read the partial indexes of <c>0131_instrument_statistics.sql</c>: opinion letters issued in a period
/// <c>supervision_instruments_statistics_issued</c>, open instruments <c>supervision_instruments_statistics_open</c>,
/// whose predicate <see cref="OpenCondition"/> repeats word for word so that the planner may prove it.
/// </summary>
public sealed class PostgresCaseStatistics(NpgsqlDataSource dataSource) : ICaseStatistics
{
    private static readonly string[] Substantive = Names(CaseEndingFigures.Where(e => e.IsSubstantiveResolution));
    private static readonly string[] MediationOrSettlement = Names(CaseEndingFigures.Where(e => e.IsMediationOrSettlement));
    private static readonly string[] SelfCorrection = Names(CaseEndingFigures.Where(e => e.IsAgencySelfCorrection));
    private static readonly string[] Correcting = [.. Enum.GetValues<DecisionType>().Where(t => t.IsCorrection).Select(StoredNames.Of)];
    private static readonly string Decided = StoredNames.Of(CaseEnding.Decided);
    private static readonly string BeforeFiling = StoredNames.Of(CaseEnding.ResolvedBeforeFiling);
    private static readonly string OpinionLetter = StoredNames.Of(InstrumentKind.OpinionLetter);

    /// <summary>The open statuses as SQL literals (enum names: letters only), the open index's own predicate.</summary>
    internal static readonly string OpenCondition =
        $"status IN ({string.Join(", ", OpenInstruments.Statuses.Select(s => $"'{StoredNames.Of(s)}'"))})";

    public async Task<CaseCounts> CountAsync(StatisticsQuery query, CancellationToken cancellationToken = default)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var command in BuildCountCommands(query))
        {
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var received = new CaseCounts { ApplicationsReceived = reader.GetInt64(0), ResolvedBeforeFiling = reader.GetInt64(1) };
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return received + ReadEnded(reader, 0);
    }

    public async Task<IReadOnlyList<AgencyCorrections>> CountByAgencyAsync(StatisticsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(BuildByAgencyCommand(query, ReadsRollup(query)));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var agencies = new List<AgencyCorrections>();
        while (await reader.ReadAsync(cancellationToken))
        {
            agencies.Add(new AgencyCorrections(reader.GetString(0), ReadEnded(reader, 1)));
        }

        return agencies;
    }

    public async Task<CaseActivity> ActivityAsync(StatisticsQuery query, CancellationToken cancellationToken = default)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var command in BuildActivityCommands(query))
        {
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var openCases = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var byType = new List<DecisionTypeCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            byType.Add(new DecisionTypeCount(StoredNames.Parse<DecisionType>(reader.GetString(0)), reader.GetInt64(1)));
        }

        await reader.NextResultAsync(cancellationToken);
        var flaws = new List<MonthlyFlawCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            flaws.Add(new MonthlyFlawCount(reader.GetFieldValue<DateOnly>(0), StoredNames.Parse<FlawKind>(reader.GetString(1)), reader.GetInt64(2)));
        }

        return new CaseActivity(
            openCases,
            [.. byType.OrderBy(t => t.Type)],
            [.. flaws.OrderBy(f => f.Month).ThenBy(f => f.Flaw)]);
    }

    public async Task<long> CountOpinionLettersIssuedAsync(InstrumentStatisticsQuery query, CancellationToken cancellationToken = default)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(BuildOpinionLettersCommand(query));
        return (long)(await batch.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<AgencyInstrumentCounts>> CountOpenInstrumentsByAgencyAsync(
        InstrumentStatisticsQuery query, CancellationToken cancellationToken = default)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(BuildOpenByAgencyCommand(query));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var agencies = new List<AgencyInstrumentCounts>();
        while (await reader.ReadAsync(cancellationToken))
        {
            agencies.Add(new AgencyInstrumentCounts(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return agencies;
    }

    public async Task<IReadOnlyList<OpenInstrument>> ListOpenInstrumentsAsync(InstrumentStatisticsQuery query, CancellationToken cancellationToken = default)
    {
        var where = Instruments(query);
        where.Add(OpenCondition);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(where.Command(
            $"SELECT instrument_id, kind, status, number_text, due_on, overdue FROM supervision_instruments{where.Sql}"
            + " ORDER BY due_on NULLS LAST, instrument_id"));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var open = new List<OpenInstrument>();
        while (await reader.ReadAsync(cancellationToken))
        {
            open.Add(new OpenInstrument(
                reader.GetString(0),
                StoredNames.Parse<InstrumentKind>(reader.GetString(1)),
                StoredNames.Parse<InstrumentStatus>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
                reader.GetBoolean(5)));
        }

        return open;
    }

    /// <summary>The count of opinion letters issued in the period (visible to tests, which EXPLAIN it).</summary>
    internal static NpgsqlBatchCommand BuildOpinionLettersCommand(InstrumentStatisticsQuery query)
    {
        var where = Instruments(query);
        where.Add("kind = {0}", Parameters.Text(OpinionLetter));
        where.Add("issued_on IS NOT NULL");
        AddRange(where, "issued_on", query.Period);
        return where.Command($"SELECT count(*) FROM supervision_instruments{where.Sql}");
    }

    /// <summary>The open instruments' counts by agency (visible to tests, which EXPLAIN it).</summary>
    internal static NpgsqlBatchCommand BuildOpenByAgencyCommand(InstrumentStatisticsQuery query)
    {
        var where = Instruments(query);
        where.Add(OpenCondition);
        return where.Command(
            $"SELECT agency_id, count(*), count(*) FILTER (WHERE overdue) FROM supervision_instruments{where.Sql} GROUP BY agency_id");
    }

    /// <summary>An agency profile's open cases, decisions by type and flaws by month (visible to tests, which EXPLAIN
    /// them). From the rollup (<see cref="ReadsRollup"/>) the open cases are the received counts without an ending, of
    /// every month, and the decisions the ended counts of the period; otherwise they are counted from the agency's range of
    /// <c>cases_agency_status_channel_due</c> and <c>cases_statistics_decisions</c>. The findings are not in the rollup:
    /// the flaws are always counted from the agency's and period's range of <c>cases_statistics_decisions</c>, index-only.</summary>
    internal static IReadOnlyList<NpgsqlBatchCommand> BuildActivityCommands(StatisticsQuery query) =>
        BuildActivityCommands(query, ReadsRollup(query));

    /// <summary>The profile's commands on the rollup or on the case rows (tests compare the two).</summary>
    internal static IReadOnlyList<NpgsqlBatchCommand> BuildActivityCommands(StatisticsQuery query, bool rollup)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tally = rollup ? CaseTally.Rollup : CaseTally.Cases;
        var open = Filtered(query);
        open.Add(tally.OpenCondition);
        var decisions = Ended(query, tally);
        decisions.Add("ending = {0}", Parameters.Text(Decided));
        var findings = Ended(query, CaseTally.Cases);
        findings.Add("ending = {0}", Parameters.Text(Decided));
        return
        [
            open.Command($"SELECT {Total(tally.Received)} FROM {tally.Table}{open.Sql}"),
            decisions.Command($"SELECT decision_type, {Total(tally.Ended)} FROM {tally.Table}{decisions.Sql} GROUP BY decision_type"),
            findings.Command(
                $"SELECT date_trunc('month', ended_on)::date, f.flaw, count(*) FROM cases CROSS JOIN LATERAL unnest(findings) AS f (flaw)"
                + $"{findings.Sql} GROUP BY 1, 2"),
        ];
    }

    /// <summary>The two cohorts' aggregates (visible to tests and to the README's measurements, which EXPLAIN them).</summary>
    internal static IReadOnlyList<NpgsqlBatchCommand> BuildCountCommands(StatisticsQuery query) =>
        BuildCountCommands(query, ReadsRollup(query));

    /// <summary>The cohorts' aggregates on the rollup or on the case rows (tests compare the two).</summary>
    internal static IReadOnlyList<NpgsqlBatchCommand> BuildCountCommands(StatisticsQuery query, bool rollup)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tally = rollup ? CaseTally.Rollup : CaseTally.Cases;
        var received = Filtered(query);
        if (tally.ReceivedCondition is { } receivedCondition)
        {
            received.Add(receivedCondition);
        }

        tally.AddPeriod(received, "received_on", query.Period);
        var beforeFiling = received.Next();
        var receivedCommand = received.Command(
            $"SELECT {Total(tally.Received)}, {Total($"{tally.Received} FILTER (WHERE ending = ${beforeFiling})")} FROM {tally.Table}{received.Sql}");
        receivedCommand.Parameters.Add(Parameters.Text(BeforeFiling));

        var ended = Ended(query, tally);
        var endedCommand = ended.Command($"SELECT {EndedCounts(ended, tally)} FROM {tally.Table}{ended.Sql}");
        AddEndedParameters(endedCommand);
        return [receivedCommand, endedCommand];
    }

    /// <summary>Whether the query's cases are all counted in the rollup (<c>case_statistics_rollup</c>,
    /// <c>0210_case_statistics_rollup.sql</c>), which keeps a case's region, bodies and agency: every query but those
    /// scoped to an applicant's or an intake point's own cases, which count their few case rows.</summary>
    internal static bool ReadsRollup(StatisticsQuery query) =>
        query.Scope is not { ApplicantUserId: not null } and not { IntakePointId: not null };

    /// <summary>The ranking's ended counts per agency, on the rollup or on the case rows (tests compare the two).</summary>
    internal static NpgsqlBatchCommand BuildByAgencyCommand(StatisticsQuery query, bool rollup)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tally = rollup ? CaseTally.Rollup : CaseTally.Cases;
        var where = Ended(query, tally);
        var command = where.Command($"SELECT respondent_agency_id, {EndedCounts(where, tally)} FROM {tally.Table}{where.Sql} GROUP BY respondent_agency_id");
        AddEndedParameters(command);
        return command;
    }

    /// <summary>A sum that is 0, not NULL, over no row, as a count is.</summary>
    private static string Total(string aggregate) => $"coalesce({aggregate}, 0)::bigint";

    /// <summary>How a table counts the cohorts: the case rows, one case each, or the rollup's rows, a day's or a month's
    /// count each (a row of the rollup may count the received cohort, the ended one or both; one counting neither is
    /// skipped).</summary>
    private sealed record CaseTally(
        string Table, bool IsRollup, string? ReceivedCondition, string Received, string OpenCondition,
        string EndedCondition, string Ended, string Accepted, string WithinPeriod)
    {
        public static CaseTally Cases { get; } = new(
            "cases", false, null, "count(*)", "ended_on IS NULL",
            "ended_on IS NOT NULL", "count(*)",
            "count(*) FILTER (WHERE accepted_on IS NOT NULL)", "count(*) FILTER (WHERE accepted_on IS NOT NULL AND NOT decision_overdue)");

        /// <summary>The open cases are counted in the month rows of every month, as every case has one.</summary>
        public static CaseTally Rollup { get; } = new(
            "case_statistics_rollup", true, "received > 0", "sum(received)", "whole_month AND ending IS NULL AND received > 0",
            "ended > 0", "sum(ended)", "sum(ended_after_acceptance)", "sum(ended_within_decision_period)");

        /// <summary>The rows of the period's days, by the case's <paramref name="caseColumn"/> or the rollup's day.</summary>
        public void AddPeriod(SqlConditions where, string caseColumn, StatisticsPeriod period)
        {
            if (IsRollup)
            {
                AddRollupPeriod(where, period);
            }
            else
            {
                AddRange(where, caseColumn, period);
            }
        }
    }

    /// <summary>
    /// The rollup's rows of the period: the month rows of the months it holds whole, and the day rows of its other days,
    /// each once. The first whole month starts on the first day of a month on or after <c>From</c>, the whole months
    /// end before the first day of the month of <c>To + 1</c>; an open end has every month on its side. Three arms, each a
    /// range of the key (<c>whole_month, day</c>) so that each is one index range: the month rows, the days before the
    /// first whole month, the days after the last.
    /// </summary>
    private static void AddRollupPeriod(SqlConditions where, StatisticsPeriod period)
    {
        string? wholeFrom = null, wholeEnd = null;
        var arms = new List<string>();
        if (period.From is { } from)
        {
            var n = where.Next();
            where.Add("day >= {0}", Parameters.Date(from));
            wholeFrom = $"(date_trunc('month', (${n} - 1)::timestamp) + interval '1 month')::date";
            arms.Add($"(NOT whole_month AND day >= ${n} AND day < {wholeFrom})");
        }

        if (period.To is { } to)
        {
            var n = where.Next();
            where.Add("day <= {0}", Parameters.Date(to));
            wholeEnd = $"date_trunc('month', (${n} + 1)::timestamp)::date";
            arms.Add($"(NOT whole_month AND day >= {wholeEnd} AND day <= ${n})");
        }

        var months = string.Join(" AND ", new[] { "whole_month", wholeFrom is null ? null : $"day >= {wholeFrom}", wholeEnd is null ? null : $"day < {wholeEnd}" }.OfType<string>());
        where.Add(arms.Count == 0 ? months : $"(({months}) OR {string.Join(" OR ", arms)})");
    }

    /// <summary>The ended cohort's eight counts, in <see cref="ReadEnded"/>'s order; their five set parameters are
    /// numbered after the conditions' and added by <see cref="AddEndedParameters"/>.</summary>
    private static string EndedCounts(SqlConditions where, CaseTally tally)
    {
        var n = where.Next();
        return $"""
            {Total(tally.Ended)},
            {Total($"{tally.Ended} FILTER (WHERE ending = ANY(${n}))")},
            {Total($"{tally.Ended} FILTER (WHERE ending = ANY(${n + 1}))")},
            {Total($"{tally.Ended} FILTER (WHERE ending = ${n + 2})")},
            {Total($"{tally.Ended} FILTER (WHERE ending = ${n + 2} AND decision_type = ANY(${n + 3}))")},
            {Total($"{tally.Ended} FILTER (WHERE ending = ANY(${n + 4}))")},
            {Total(tally.Accepted)},
            {Total(tally.WithinPeriod)}
            """;
    }

    private static void AddEndedParameters(NpgsqlBatchCommand command)
    {
        command.Parameters.Add(Parameters.TextArray(Substantive));
        command.Parameters.Add(Parameters.TextArray(MediationOrSettlement));
        command.Parameters.Add(Parameters.Text(Decided));
        command.Parameters.Add(Parameters.TextArray(Correcting));
        command.Parameters.Add(Parameters.TextArray(SelfCorrection));
    }

    private static CaseCounts ReadEnded(NpgsqlDataReader reader, int first) => new()
    {
        CasesEnded = reader.GetInt64(first),
        SubstantivelyResolved = reader.GetInt64(first + 1),
        MediatedOrSettled = reader.GetInt64(first + 2),
        Decisions = reader.GetInt64(first + 3),
        CorrectingDecisions = reader.GetInt64(first + 4),
        WithdrawnAfterAgencyCorrected = reader.GetInt64(first + 5),
        EndedAfterAcceptance = reader.GetInt64(first + 6),
        EndedWithinDecisionPeriod = reader.GetInt64(first + 7),
    };

    /// <summary>The ended cohort within the period: for the case rows <c>ended_on IS NOT NULL</c>, the partial index's
    /// predicate.</summary>
    private static SqlConditions Ended(StatisticsQuery query, CaseTally tally)
    {
        var where = Filtered(query);
        where.Add(tally.EndedCondition);
        tally.AddPeriod(where, "ended_on", query.Period);
        return where;
    }

    private static SqlConditions Filtered(StatisticsQuery query)
    {
        var where = new SqlConditions();
        if (query.Scope?.RegionPathPrefix is { } path)
        {
            where.Add("starts_with(region_path, {0})", Parameters.Text(path));
        }
        else
        {
            PostgresCaseQueries.AddScope(where, query.Scope);
        }

        if (query.RegionId is not null)
        {
            where.Add("starts_with(region_path, (SELECT r.path FROM regions r WHERE r.id = {0}))", Parameters.Text(query.RegionId));
        }

        where.AddIf(query.CompetentBodyId, "competent_body_id = {0}");
        where.AddIf(query.RespondentAgencyId, "respondent_agency_id = {0}");
        return where;
    }

    /// <summary>The instruments' scope (as the instrument list's) and filters; a region subtree is written
    /// <c>starts_with</c>, as the cases' is, so the planner keeps to the covering index.</summary>
    private static SqlConditions Instruments(InstrumentStatisticsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new SqlConditions();
        where.AddIf(query.ScopeAgencyId, "agency_id = {0}");
        where.AddIf(query.ScopeIssuingBodyId, "issuing_body_id = {0}");
        if (query.ScopeRegionPath is { } path)
        {
            var n = where.Next();
            where.Add("(starts_with(agency_region_path, {0}) OR starts_with(supervisor_region_path, $" + n + "))", Parameters.Text(path));
        }

        if (query.RegionId is not null)
        {
            where.Add("starts_with(agency_region_path, (SELECT r.path FROM regions r WHERE r.id = {0}))", Parameters.Text(query.RegionId));
        }

        where.AddIf(query.IssuingBodyId, "issuing_body_id = {0}");
        where.AddIf(query.AgencyId, "agency_id = {0}");
        return where;
    }

    private static void AddRange(SqlConditions where, string column, StatisticsPeriod period)
    {
        if (period.From is { } from)
        {
            where.Add(column + " >= {0}", Parameters.Date(from));
        }

        if (period.To is { } to)
        {
            where.Add(column + " <= {0}", Parameters.Date(to));
        }
    }

    private static string[] Names(IEnumerable<CaseEnding> endings) => [.. endings.Select(StoredNames.Of)];
}
