namespace CaseGrains.Domain.Cases;

/// <summary>
/// Every action a case's history records: one per command, named as the command's JSON discriminator, plus
/// <see cref="ReceiveApplication"/> for the entry that creates the case. The last ones are system actions
/// (<see cref="CaseActionNameExtensions"/>): the platform performs them, never a user.
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

    /// <summary>System: a reminder step of a running deadline, delivered by the deadline scheduler.</summary>
    FireReminder,

    /// <summary>System: count the running deadlines again after a holiday year was loaded.</summary>
    RecomputeDeadlines,
}
