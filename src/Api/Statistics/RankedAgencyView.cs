using CaseGrains.Domain.Statistics;

namespace CaseGrains.Api.Statistics;

/// <summary>
/// One agency of the ranking with the counts behind its rates. An object per agency so that supervision's own figures
/// (open and overdue supervision notices, overdue rectifications) are added as further properties when supervision
/// notices are stored; until then they are absent, not zero.
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
    string Cases);
