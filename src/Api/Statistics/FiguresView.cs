using System.Text.Json.Serialization;
using CaseGrains.Domain.Statistics;

namespace CaseGrains.Api.Statistics;

/// <summary>
/// The figures of the seed's table over the filters, with the counts they are made of. Each rate is
/// <c>{numerator, denominator, rate}</c>, <c>rate</c> null when the denominator is 0.
/// <see cref="OpinionLettersIssued"/> is always null for now: a case does not record opinion letters (行政复议意见书);
/// they are supervision instruments, stored apart from cases, and the figure is joined in from them when they are.
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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? OpinionLettersIssued)
{
    public static FiguresView Of(StatisticsFilters filters, CaseCounts counts)
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
            OpinionLettersIssued: null);
    }
}
