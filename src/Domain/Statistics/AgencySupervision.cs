namespace CaseGrains.Domain.Statistics;

/// <summary>
/// One agency's row of the supervisor's view: its cases' counts in the period (<see cref="Corrections"/>) beside its open
/// supervision instruments now (<see cref="OpenNotices"/>, of which <see cref="OverdueRectifications"/> are overdue).
/// </summary>
public sealed record AgencySupervision(AgencyCorrections Corrections, long OpenNotices, long OverdueRectifications)
{
    /// <summary>
    /// The rows in <paramref name="order"/>. By correction rate as <see cref="AgencyCorrections.Rank"/> (an agency with
    /// open notices but no case ended in the period has no rate and comes after those that have one); by overdue
    /// rectifications most first, then most open notices, then in the correction-rate order, so the order is total.
    /// </summary>
    public static IReadOnlyList<AgencySupervision> Rank(IEnumerable<AgencySupervision> agencies, AgencyRankingOrder order)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        var rows = agencies.ToDictionary(a => a.Corrections.AgencyId, StringComparer.Ordinal);
        var byRate = AgencyCorrections.Rank(rows.Values.Select(a => a.Corrections)).Select(c => rows[c.AgencyId]);
        return order == AgencyRankingOrder.OverdueRectifications
            ? [.. byRate.OrderByDescending(a => a.OverdueRectifications).ThenByDescending(a => a.OpenNotices)]
            : [.. byRate];
    }
}
