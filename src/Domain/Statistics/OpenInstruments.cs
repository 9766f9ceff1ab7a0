using CaseGrains.Domain.Supervision;

namespace CaseGrains.Domain.Statistics;

/// <summary>
/// Which supervision instruments count as open (未办结) in the statistics: issued to the agency and not yet accepted
/// (整改验收通过) or closed (办结), whichever kind. A draft, or a draft discarded, was never put to the agency; an accepted
/// or closed one no longer asks anything of it. An open instrument whose rectification period ran out
/// (<see cref="SupervisionInstrument.RectificationOverdue"/>) is an overdue rectification (逾期未整改), also after a late
/// report, until the report is accepted.
/// </summary>
public static class OpenInstruments
{
    public static readonly IReadOnlyList<InstrumentStatus> Statuses =
    [
        InstrumentStatus.Issued,
        InstrumentStatus.Received,
        InstrumentStatus.RectificationReported,
        InstrumentStatus.SentBack,
        InstrumentStatus.Overdue,
    ];

    public static bool IsOpen(InstrumentStatus status) => Statuses.Contains(status);
}
