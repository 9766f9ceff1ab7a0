using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Statistics;
using CaseGrains.Domain.Supervision;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Statistics;
using CaseGrains.Persistence.Supervision;

namespace CaseGrains.Persistence.Memory;

/// <summary><see cref="ICaseStatistics"/> over an <see cref="InMemoryDatabase"/>: every case row counted with
/// <see cref="CaseCounts.Of"/>, every instrument row tested with <see cref="OpenInstruments"/>.</summary>
public sealed class InMemoryCaseStatistics(InMemoryDatabase database) : ICaseStatistics
{
    private static readonly string OpinionLetter = StoredNames.Of(InstrumentKind.OpinionLetter);

    public Task<CaseCounts> CountAsync(StatisticsQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows(query).Select(r => Count(r, query)).Aggregate(CaseCounts.Zero, CaseCounts.Add));

    public Task<IReadOnlyList<AgencyCorrections>> CountByAgencyAsync(StatisticsQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AgencyCorrections>>(
        [
            .. Rows(query)
                .Where(r => r.Outcome.Ending is not null && query.Period.Contains(r.Outcome.EndedOn))
                .GroupBy(r => r.Index.RespondentAgencyId, StringComparer.Ordinal)
                .Select(g => new AgencyCorrections(g.Key, g.Select(r => Count(r, query) with { ApplicationsReceived = 0, ResolvedBeforeFiling = 0 })
                    .Aggregate(CaseCounts.Zero, CaseCounts.Add))),
        ]);

    public Task<CaseActivity> ActivityAsync(StatisticsQuery query, CancellationToken cancellationToken = default)
    {
        var rows = Rows(query);
        var decisions = rows
            .Where(r => r.Outcome.Ending == CaseEnding.Decided && query.Period.Contains(r.Outcome.EndedOn))
            .Select(r => r.Outcome)
            .ToList();
        return Task.FromResult(new CaseActivity(
            rows.Count(r => r.Outcome.Ending is null),
            [
                .. decisions.GroupBy(d => d.DecisionType!.Value).OrderBy(g => g.Key).Select(g => new DecisionTypeCount(g.Key, g.Count())),
            ],
            [
                .. decisions
                    .SelectMany(d => d.Findings.Select(f => (Month: new DateOnly(d.EndedOn!.Value.Year, d.EndedOn.Value.Month, 1), Flaw: f)))
                    .GroupBy(x => x)
                    .OrderBy(g => g.Key.Month).ThenBy(g => g.Key.Flaw)
                    .Select(g => new MonthlyFlawCount(g.Key.Month, g.Key.Flaw, g.Count())),
            ]));
    }

    public Task<long> CountOpinionLettersIssuedAsync(InstrumentStatisticsQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult<long>(Instruments(query).Count(r =>
            r.Index.Kind == OpinionLetter && query.Period.Contains(r.Index.IssuedOn)));

    public Task<IReadOnlyList<AgencyInstrumentCounts>> CountOpenInstrumentsByAgencyAsync(
        InstrumentStatisticsQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AgencyInstrumentCounts>>(
        [
            .. Instruments(query)
                .Where(r => IsOpen(r.Index))
                .GroupBy(r => r.Index.AgencyId, StringComparer.Ordinal)
                .Select(g => new AgencyInstrumentCounts(g.Key, g.Count(), g.Count(r => r.Index.Overdue))),
        ]);

    public Task<IReadOnlyList<OpenInstrument>> ListOpenInstrumentsAsync(InstrumentStatisticsQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OpenInstrument>>(
        [
            .. Instruments(query)
                .Where(r => IsOpen(r.Index))
                .OrderBy(r => r.Index.DueOn is null).ThenBy(r => r.Index.DueOn).ThenBy(r => r.Id, StringComparer.Ordinal)
                .Select(r => new OpenInstrument(
                    r.Id, StoredNames.Parse<InstrumentKind>(r.Index.Kind), StoredNames.Parse<InstrumentStatus>(r.Index.Status), r.Index.NumberText, r.Index.DueOn, r.Index.Overdue)),
        ]);

    private static bool IsOpen(InstrumentIndexEntry index) => OpenInstruments.IsOpen(StoredNames.Parse<InstrumentStatus>(index.Status));

    private static CaseCounts Count((CaseIndexEntry Index, CaseOutcome Outcome) row, StatisticsQuery query) =>
        CaseCounts.Of(row.Index.ReceivedOn, row.Outcome, query.Period);

    /// <summary>The rows the query's scope and filters admit, as they stand under the lock (one consistent read).</summary>
    private List<(CaseIndexEntry Index, CaseOutcome Outcome)> Rows(StatisticsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (database.Gate)
        {
            string? regionPath = null;
            if (query.RegionId is { } regionId)
            {
                if (!database.Regions.TryGetValue(regionId, out var region))
                {
                    return [];
                }

                regionPath = region.Path;
            }

            return
            [
                .. database.Cases.Values.Where(r =>
                    (query.Scope is null || query.Scope.Admits(r.Index))
                    && (regionPath is null || r.Index.RegionPath.StartsWith(regionPath, StringComparison.Ordinal))
                    && (query.CompetentBodyId is null || string.Equals(r.Index.CompetentBodyId, query.CompetentBodyId, StringComparison.Ordinal))
                    && (query.RespondentAgencyId is null || string.Equals(r.Index.RespondentAgencyId, query.RespondentAgencyId, StringComparison.Ordinal)))
                    .Select(r => (r.Index, r.Outcome)),
            ];
        }
    }

    /// <summary>The instrument rows the query's scope and filters admit, under the lock.</summary>
    private List<(string Id, InstrumentIndexEntry Index)> Instruments(InstrumentStatisticsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (database.Gate)
        {
            string? regionPath = null;
            if (query.RegionId is { } regionId)
            {
                if (!database.Regions.TryGetValue(regionId, out var region))
                {
                    return [];
                }

                regionPath = region.Path;
            }

            return
            [
                .. database.Instruments
                    .Select(e => (Id: e.Key, e.Value.Index))
                    .Where(r =>
                        (query.ScopeAgencyId is null || r.Index.AgencyId == query.ScopeAgencyId)
                        && (query.ScopeIssuingBodyId is null || r.Index.IssuingBodyId == query.ScopeIssuingBodyId)
                        && (query.ScopeRegionPath is null
                            || r.Index.AgencyRegionPath.StartsWith(query.ScopeRegionPath, StringComparison.Ordinal)
                            || r.Index.SupervisorRegionPath.StartsWith(query.ScopeRegionPath, StringComparison.Ordinal))
                        && (regionPath is null || r.Index.AgencyRegionPath.StartsWith(regionPath, StringComparison.Ordinal))
                        && (query.IssuingBodyId is null || r.Index.IssuingBodyId == query.IssuingBodyId)
                        && (query.AgencyId is null || r.Index.AgencyId == query.AgencyId)),
            ];
        }
    }
}
