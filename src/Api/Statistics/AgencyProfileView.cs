using CaseGrains.Persistence.Statistics;

namespace CaseGrains.Api.Statistics;

/// <summary>
/// An agency's profile (被申请人画像) over the cases of it the caller may list: its figures in the period, its open
/// cases now, the period's decisions by type and their flaws by month (<c>yyyy-MM</c> of the decision), and
/// <see cref="Cases"/>, the case list filtered to it.
/// </summary>
public sealed record AgencyProfileView(
    string AgencyId,
    string AgencyName,
    string RegionId,
    long OpenCases,
    FiguresView Figures,
    IReadOnlyList<DecisionTypeCount> DecisionsByType,
    IReadOnlyList<MonthlyFlawCountView> FlawsByMonth,
    string Cases);
