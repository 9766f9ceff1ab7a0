using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>
/// A past-tense fact about a case: the payload of one history entry, with the data of the command and the facts
/// derived from it (dates, due dates). Serialised with a <c>type</c> discriminator.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ApplicationReceived), "applicationReceived")]
[JsonDerivedType(typeof(ResolvedBeforeFiling), "resolvedBeforeFiling")]
[JsonDerivedType(typeof(CorrectionRequested), "correctionRequested")]
[JsonDerivedType(typeof(CorrectionSubmitted), "correctionSubmitted")]
[JsonDerivedType(typeof(ApplicationAbandoned), "applicationAbandoned")]
[JsonDerivedType(typeof(ApplicationNotAccepted), "applicationNotAccepted")]
[JsonDerivedType(typeof(ApplicationAccepted), "applicationAccepted")]
[JsonDerivedType(typeof(SwitchedToOrdinaryProcedure), "switchedToOrdinaryProcedure")]
[JsonDerivedType(typeof(CopySentToRespondent), "copySentToRespondent")]
[JsonDerivedType(typeof(ReplyReceived), "replyReceived")]
[JsonDerivedType(typeof(NoReplyRecorded), "noReplyRecorded")]
[JsonDerivedType(typeof(HearingScheduled), "hearingScheduled")]
[JsonDerivedType(typeof(HearingNoticeSent), "hearingNoticeSent")]
[JsonDerivedType(typeof(HearingHeld), "hearingHeld")]
[JsonDerivedType(typeof(CommitteeConsultationRequested), "committeeConsultationRequested")]
[JsonDerivedType(typeof(CommitteeOpinionRecorded), "committeeOpinionRecorded")]
[JsonDerivedType(typeof(MediationStarted), "mediationStarted")]
[JsonDerivedType(typeof(MediationAgreementSigned), "mediationAgreementSigned")]
[JsonDerivedType(typeof(MediationFailed), "mediationFailed")]
[JsonDerivedType(typeof(SettlementReached), "settlementReached")]
[JsonDerivedType(typeof(CaseSuspended), "caseSuspended")]
[JsonDerivedType(typeof(CaseResumed), "caseResumed")]
[JsonDerivedType(typeof(DecisionPeriodExtended), "decisionPeriodExtended")]
[JsonDerivedType(typeof(ApplicationWithdrawn), "applicationWithdrawn")]
[JsonDerivedType(typeof(CaseTerminated), "caseTerminated")]
[JsonDerivedType(typeof(DecisionMade), "decisionMade")]
[JsonDerivedType(typeof(CaseClosed), "caseClosed")]
[JsonDerivedType(typeof(PostDecisionQaRecorded), "postDecisionQaRecorded")]
[JsonDerivedType(typeof(ReminderFired), "reminderFired")]
[JsonDerivedType(typeof(DeadlinesRecomputed), "deadlinesRecomputed")]
public abstract record CaseEvent
{
    /// <summary>The action that produced the event, for the history's action column.</summary>
    [JsonIgnore]
    public abstract CaseActionName Action { get; }
}
