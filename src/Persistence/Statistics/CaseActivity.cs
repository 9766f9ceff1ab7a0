namespace CaseGrains.Persistence.Statistics;

/// <summary>
/// An agency profile's detail over a set of cases: <see cref="OpenCases"/> (not ended, now, whatever the period), the
/// decisions made in the period by type, and the flaws those decisions found by the month of the decision (a decision
/// finding two flaws counts once under each). Lists hold only non-zero counts, ordered by type, and by month then flaw.
/// </summary>
public sealed record CaseActivity(long OpenCases, IReadOnlyList<DecisionTypeCount> DecisionsByType, IReadOnlyList<MonthlyFlawCount> FlawsByMonth);
