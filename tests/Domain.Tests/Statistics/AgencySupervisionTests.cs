using CaseGrains.Domain.Statistics;
using CaseGrains.Domain.Supervision;

namespace CaseGrains.Domain.Tests.Statistics;

public sealed class AgencySupervisionTests
{
    [Fact]
    public void Open_means_issued_and_not_yet_accepted_or_closed()
    {
        Assert.Equal(
            [InstrumentStatus.Issued, InstrumentStatus.Received, InstrumentStatus.RectificationReported, InstrumentStatus.SentBack, InstrumentStatus.Overdue],
            Enum.GetValues<InstrumentStatus>().Where(OpenInstruments.IsOpen));
    }

    [Fact]
    public void By_overdue_rectifications_then_open_notices_then_the_correction_rate_order()
    {
        static AgencySupervision Agency(string id, long ended, long corrections, long open, long overdue) =>
            new(new AgencyCorrections(id, new CaseCounts { CasesEnded = ended, CorrectingDecisions = corrections, Decisions = corrections }), open, overdue);

        AgencySupervision[] agencies =
        [
            Agency("A-CLEAN", 4, 2, 0, 0),
            Agency("A-NO-CASES", 0, 0, 3, 2),
            Agency("A-ONE-OPEN-LOW", 10, 1, 1, 0),
            Agency("A-ONE-OPEN-HIGH", 2, 2, 1, 0),
            Agency("A-TWO-OVERDUE", 5, 0, 2, 2),
        ];

        // Overdue 2: A-TWO-OVERDUE (open 2, rate 0) and A-NO-CASES (open 3, no rate): more open notices first.
        Assert.Equal(
            ["A-NO-CASES", "A-TWO-OVERDUE", "A-ONE-OPEN-HIGH", "A-ONE-OPEN-LOW", "A-CLEAN"],
            AgencySupervision.Rank(agencies, AgencyRankingOrder.OverdueRectifications).Select(a => a.Corrections.AgencyId));
        Assert.Equal(
            ["A-ONE-OPEN-HIGH", "A-CLEAN", "A-ONE-OPEN-LOW", "A-TWO-OVERDUE", "A-NO-CASES"],
            AgencySupervision.Rank(agencies, AgencyRankingOrder.CorrectionRate).Select(a => a.Corrections.AgencyId));
    }
}
