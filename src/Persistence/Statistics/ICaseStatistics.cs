using CaseGrains.Domain.Statistics;

namespace CaseGrains.Persistence.Statistics;

/// <summary>The figures' counts, answered from the case rows (never by activating grains), on either store.</summary>
public interface ICaseStatistics
{
    /// <summary>The counts every figure is made of (<see cref="CaseFigures"/>) over the query's cases.</summary>
    Task<CaseCounts> CountAsync(StatisticsQuery query, CancellationToken cancellationToken = default);

    /// <summary>The ended cohort's counts per respondent agency, for each agency with a case ended in the period
    /// (the received cohort's counts are zero); in no particular order.</summary>
    Task<IReadOnlyList<AgencyCorrections>> CountByAgencyAsync(StatisticsQuery query, CancellationToken cancellationToken = default);

    /// <summary>What the query's cases show beyond the figures: open cases, decisions by type, flaws by month.</summary>
    Task<CaseActivity> ActivityAsync(StatisticsQuery query, CancellationToken cancellationToken = default);
}
