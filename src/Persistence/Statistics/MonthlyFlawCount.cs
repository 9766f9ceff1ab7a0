using CaseGrains.Domain.Cases;

namespace CaseGrains.Persistence.Statistics;

/// <summary>How many decisions of <see cref="Month"/> (its first day) found <see cref="Flaw"/>.</summary>
public sealed record MonthlyFlawCount(DateOnly Month, FlawKind Flaw, long Count);
