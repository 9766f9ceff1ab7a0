using CaseGrains.Domain.Cases;

namespace CaseGrains.Persistence.Statistics;

public sealed record DecisionTypeCount(DecisionType Type, long Count);
