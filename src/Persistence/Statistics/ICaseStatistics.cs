using CaseGrains.Domain.Statistics;

namespace CaseGrains.Persistence.Statistics;

/// <summary>The figures' counts, answered from the case rows and the supervision instruments' list columns (never by
/// activating grains), on either store.</summary>
public interface ICaseStatistics
{
    /// <summary>The counts every figure is made of (<see cref="CaseFigures"/>) over the query's cases.</summary>
    Task<CaseCounts> CountAsync(StatisticsQuery query, CancellationToken cancellationToken = default);

    /// <summary>The ended cohort's counts per respondent agency, for each agency with a case ended in the period
    /// (the received cohort's counts are zero); in no particular order.</summary>
    Task<IReadOnlyList<AgencyCorrections>> CountByAgencyAsync(StatisticsQuery query, CancellationToken cancellationToken = default);

    /// <summary>What the query's cases show beyond the figures: open cases, decisions by type, flaws by month.</summary>
    Task<CaseActivity> ActivityAsync(StatisticsQuery query, CancellationToken cancellationToken = default);

    /// <summary>The opinion letters (行政复议意见书) among the query's instruments issued within its period.</summary>
    Task<long> CountOpinionLettersIssuedAsync(InstrumentStatisticsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Each agency's open instruments now among the query's (its period is not read), for every agency with at
    /// least one; in no particular order.</summary>
    Task<IReadOnlyList<AgencyInstrumentCounts>> CountOpenInstrumentsByAgencyAsync(InstrumentStatisticsQuery query, CancellationToken cancellationToken = default);

    /// <summary>The query's open instruments now (its period is not read), earliest due date first (none last), then by id.</summary>
    Task<IReadOnlyList<OpenInstrument>> ListOpenInstrumentsAsync(InstrumentStatisticsQuery query, CancellationToken cancellationToken = default);
}
