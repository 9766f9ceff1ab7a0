using CaseGrains.Domain.Statistics;

namespace CaseGrains.Api.Statistics;

/// <summary>
/// The figures of the seed's table over the filters, with the counts they are made of. Each rate is
/// <c>{numerator, denominator, rate}</c>, <c>rate</c> null when the denominator is 0.
/// <see cref="OpinionLettersIssued"/> (行政复议意见书) is counted from the supervision instruments the caller may list,
/// issued in the period, against agencies of the region, issued by the body and against the agency filtered on.
/// </summary>
public sealed record FiguresView(
    StatisticsFilters Filters,
    CaseCounts Counts,
    long SubstantivelyResolved,
    Figure ClosureRate,
    Figure MediationAndSettlementRate,
    Figure DirectCorrectionRate,
    Figure CorrectionRate,
    Figure ResolvedBeforeFiling,
    Figure DeadlinesMetOnTime,
    long OpinionLettersIssued)
{
    public static FiguresView Of(StatisticsFilters filters, CaseCounts counts, long opinionLettersIssued)
    {
        var figures = new CaseFigures(counts);
        return new(
            filters,
            counts,
            figures.SubstantivelyResolved,
            figures.ClosureRate,
            figures.MediationAndSettlementRate,
            figures.DirectCorrectionRate,
            figures.CorrectionRate,
            figures.ResolvedBeforeFiling,
            figures.DeadlinesMetOnTime,
            opinionLettersIssued);
    }
}
