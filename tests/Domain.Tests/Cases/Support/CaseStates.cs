using CaseGrains.Domain.Cases;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Cases.Support;

/// <summary>Named cases in each status and sub-state, for specifications that run over all of them.</summary>
internal static class CaseStates
{
    public static CaseBuilder Named(string name) => name switch
    {
        "received" => Received(),
        "awaitingCorrection" => Received().CorrectionRequested(),
        "underReview" => Received().Accepted(),
        "underReviewSimplified" => Received().AcceptedSimplified(),
        "copySent" => Received().Accepted().CopySent(),
        "heard" => Received().Accepted().RespondentHeard(),
        "hearingScheduled" => Received().Accepted().RespondentHeard().HearingScheduledFor(D(2025, 3, 31)),
        "hearingNoticeSent" => Received().Accepted().RespondentHeard().HearingScheduledFor(D(2025, 3, 31)).Then(new SendHearingNotice()),
        "hearingHeld" => Received().Accepted().RespondentHeard().HearingScheduledFor(D(2025, 3, 31)).Then(new SendHearingNotice())
            .On(D(2025, 3, 31)).Then(new HoldHearing { Summary = "听证" }),
        "committeeRequested" => Received().Accepted().Then(new RequestCommitteeConsultation()),
        "committeeOpinionRecorded" => Received().Accepted().Then(new RequestCommitteeConsultation()).Then(new RecordCommitteeOpinion { Opinion = "意见" }),
        "inMediation" => Received().Accepted().MediationStarted(),
        "suspended" => Received().Accepted().Suspended(),
        "decided" => Received().Accepted().RespondentHeard().Decided(),
        "mediated" => Received().Accepted().MediationStarted().Then(new RecordMediationAgreement { Terms = "调解" }),
        "terminated" => Received().Accepted().Then(new Terminate { Ground = TerminationGround.CriminalCompulsoryMeasures }),
        "notAccepted" => Received().Then(new NotAccept { Ground = NotAcceptanceGround.NotReviewable, Reasons = "不属于复议范围" }),
        "abandoned" => Received().CorrectionRequested().On(D(2025, 4, 1)).Then(new DeclareAbandoned()),
        "resolvedBeforeFiling" => Received().Then(new ResolveBeforeFiling { Summary = "化解" }),
        "closedAfterDecision" => Received().Accepted().RespondentHeard().Decided().Then(new Close()),
        "closedAfterWithdrawal" => Received().Accepted().Then(new Withdraw()).Then(new Close()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such named case."),
    };

    private static CaseBuilder Received() => Given.CaseReceivedOn(D(2025, 3, 3));
}
