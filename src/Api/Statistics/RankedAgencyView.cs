using CaseGrains.Domain.Statistics;

namespace CaseGrains.Api.Statistics;

/// <summary>
/// One agency of the ranking with the counts behind its rates, and its supervision instruments now (whatever the
/// period): <see cref="OpenNotices"/> (opinion letters and supervision notices issued, not yet accepted or closed) and
/// <see cref="OverdueRectifications"/> (those of them whose rectification period ran out).
/// </summary>
public sealed record RankedAgencyView(
    int Rank,
    string AgencyId,
    string? AgencyName,
    string? RegionId,
    long CasesEnded,
    long Decisions,
    long CorrectingDecisions,
    long WithdrawnAfterAgencyCorrected,
    Figure CorrectionRate,
    Figure DirectCorrectionRate,
    string Cases,
    long OpenNotices,
    long OverdueRectifications);
