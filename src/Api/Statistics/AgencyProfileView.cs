using CaseGrains.Persistence.Statistics;

namespace CaseGrains.Api.Statistics;

/// <summary>
/// An agency's profile (被申请人画像) over the cases of it the caller may list: its figures in the period, its open
/// cases now, the period's decisions by type and their flaws by month (<c>yyyy-MM</c> of the decision), and
/// <see cref="Cases"/>, the case list filtered to it. Beside the cases, its supervision instruments now (whatever the
/// period), among those the caller may list: <see cref="OpenNotices"/> (issued, not yet accepted or closed), of them
/// <see cref="OverdueRectifications"/>, and <see cref="OpenInstruments"/> itself, earliest due date first.
/// </summary>
public sealed record AgencyProfileView(
    string AgencyId,
    string AgencyName,
    string RegionId,
    long OpenCases,
    FiguresView Figures,
    IReadOnlyList<DecisionTypeCount> DecisionsByType,
    IReadOnlyList<MonthlyFlawCountView> FlawsByMonth,
    string Cases,
    long OpenNotices,
    long OverdueRectifications,
    IReadOnlyList<OpenInstrument> OpenInstruments);
