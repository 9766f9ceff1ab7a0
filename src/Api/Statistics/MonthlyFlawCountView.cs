using CaseGrains.Domain.Cases;

namespace CaseGrains.Api.Statistics;

/// <summary>How many of the month's decisions (<see cref="Month"/> as <c>yyyy-MM</c>) found <see cref="Flaw"/>.</summary>
public sealed record MonthlyFlawCountView(string Month, FlawKind Flaw, long Count);
