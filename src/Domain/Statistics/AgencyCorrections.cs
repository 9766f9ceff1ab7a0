namespace CaseGrains.Domain.Statistics;

/// <summary>One respondent agency's counts over a set of cases and a period: a row of the supervisor's ranking.</summary>
public sealed record AgencyCorrections(string AgencyId, CaseCounts Counts)
{
    public Figure CorrectionRate => new CaseFigures(Counts).CorrectionRate;

    public Figure DirectCorrectionRate => new CaseFigures(Counts).DirectCorrectionRate;

    /// <summary>
    /// Highest correction rate first; among equal rates, more cases ended first (a rate over more cases says more);
    /// agencies with no case ended (no rate) last; then by id, so the order is the same every time.
    /// </summary>
    public static IReadOnlyList<AgencyCorrections> Rank(IEnumerable<AgencyCorrections> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        return
        [
            .. agencies
                .OrderBy(a => a.CorrectionRate.Rate is null)
                .ThenByDescending(a => a.CorrectionRate.Rate)
                .ThenByDescending(a => a.Counts.CasesEnded)
                .ThenBy(a => a.AgencyId, StringComparer.Ordinal),
        ];
    }
}
