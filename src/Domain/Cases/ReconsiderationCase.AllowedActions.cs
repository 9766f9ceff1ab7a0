namespace CaseGrains.Domain.Cases;

public sealed partial record ReconsiderationCase
{
    /// <summary>
    /// The actions the case's state allows now, by status and by what has already happened (a reply can only be
    /// recorded after the copy was sent, once). Whether the law permits an allowed action today (a period not yet
    /// over, an extension of a simplified case) is checked when it is handled.
    /// </summary>
    public IReadOnlyList<CaseActionName> AllowedActions() => Status switch
    {
        CaseStatus.Received =>
        [
            CaseActionName.ResolveBeforeFiling, CaseActionName.RequestCorrection, CaseActionName.Accept,
            CaseActionName.DeemAccepted, CaseActionName.NotAccept, CaseActionName.Withdraw,
        ],
        CaseStatus.AwaitingCorrection =>
        [
            CaseActionName.ResolveBeforeFiling, CaseActionName.SubmitCorrection, CaseActionName.DeclareAbandoned,
            CaseActionName.Withdraw,
        ],
        CaseStatus.UnderReview =>
        [
            .. ReviewSteps(), CaseActionName.StartMediation, .. OpenCaseActions(), CaseActionName.Decide,
        ],
        CaseStatus.InMediation =>
        [
            .. ReviewSteps(), CaseActionName.RecordMediationAgreement, CaseActionName.RecordMediationFailure,
            .. OpenCaseActions(),
        ],
        CaseStatus.Suspended => [CaseActionName.Resume, CaseActionName.Withdraw, CaseActionName.Terminate],
        CaseStatus.Decided => [CaseActionName.Close, CaseActionName.RecordPostDecisionQa],
        CaseStatus.Mediated or CaseStatus.Terminated => [CaseActionName.Close],
        CaseStatus.Closed when Decision is not null => [CaseActionName.RecordPostDecisionQa],
        _ => [],
    };

    /// <summary>What any accepted case allows until it ends, whether under review or in mediation.</summary>
    private static IEnumerable<CaseActionName> OpenCaseActions() =>
    [
        CaseActionName.Settle, CaseActionName.Suspend, CaseActionName.Extend, CaseActionName.Withdraw,
        CaseActionName.Terminate,
    ];

    /// <summary>The steps of the review that stay open during mediation, so that no statutory period lapses
    /// while the parties talk.</summary>
    private IEnumerable<CaseActionName> ReviewSteps()
    {
        if (Procedure == CaseProcedure.Simplified)
        {
            yield return CaseActionName.SwitchToOrdinary;
        }

        if (CopySentOn is null)
        {
            yield return CaseActionName.SendCopyToRespondent;
        }
        else if (ReplyReceivedOn is null && !NoReplyRecorded)
        {
            yield return CaseActionName.RecordReply;
            yield return CaseActionName.RecordNoReply;
        }

        if (Hearing?.HeldOn is null)
        {
            yield return CaseActionName.ScheduleHearing;
        }

        if (Hearing is { NoticeSentOn: null })
        {
            yield return CaseActionName.SendHearingNotice;
        }
        else if (Hearing is { HeldOn: null })
        {
            yield return CaseActionName.HoldHearing;
        }

        if (Committee is null)
        {
            yield return CaseActionName.RequestCommitteeConsultation;
        }
        else if (Committee.Opinion is null)
        {
            yield return CaseActionName.RecordCommitteeOpinion;
        }
    }
}
