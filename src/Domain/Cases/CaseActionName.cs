namespace CaseGrains.Domain.Cases;

/// <summary>
/// Every action a case's history records: one per command, named as the command's JSON discriminator, plus
/// <see cref="ReceiveApplication"/> for the entry that creates the case.
/// </summary>
public enum CaseActionName
{
    ReceiveApplication,
    ResolveBeforeFiling,
    RequestCorrection,
    SubmitCorrection,
    DeclareAbandoned,
    NotAccept,
    Accept,
    DeemAccepted,
    SwitchToOrdinary,
    SendCopyToRespondent,
    RecordReply,
    RecordNoReply,
    ScheduleHearing,
    SendHearingNotice,
    HoldHearing,
    RequestCommitteeConsultation,
    RecordCommitteeOpinion,
    StartMediation,
    RecordMediationAgreement,
    RecordMediationFailure,
    Settle,
    Suspend,
    Resume,
    Extend,
    Withdraw,
    Terminate,
    Decide,
    Close,
    RecordPostDecisionQa,
}
