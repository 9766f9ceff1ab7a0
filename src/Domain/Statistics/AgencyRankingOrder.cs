namespace CaseGrains.Domain.Statistics;

/// <summary>What the supervisor's view (监督视图) ranks agencies by.</summary>
public enum AgencyRankingOrder
{
    /// <summary>Highest correction rate first (<see cref="AgencyCorrections.Rank"/>).</summary>
    CorrectionRate,

    /// <summary>Most overdue rectifications (逾期未整改) first, then most open notices, then by correction rate.</summary>
    OverdueRectifications,
}
