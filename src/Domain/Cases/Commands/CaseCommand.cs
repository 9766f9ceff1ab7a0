using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>
/// An action on an existing case. Serialised with an <c>action</c> discriminator that is the camelCase
/// <see cref="CaseActionName"/>; <see cref="Reason"/> says why and is recorded in the history.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(ResolveBeforeFiling), "resolveBeforeFiling")]
[JsonDerivedType(typeof(RequestCorrection), "requestCorrection")]
[JsonDerivedType(typeof(SubmitCorrection), "submitCorrection")]
[JsonDerivedType(typeof(DeclareAbandoned), "declareAbandoned")]
[JsonDerivedType(typeof(NotAccept), "notAccept")]
[JsonDerivedType(typeof(Accept), "accept")]
[JsonDerivedType(typeof(DeemAccepted), "deemAccepted")]
[JsonDerivedType(typeof(SwitchToOrdinary), "switchToOrdinary")]
[JsonDerivedType(typeof(SendCopyToRespondent), "sendCopyToRespondent")]
[JsonDerivedType(typeof(RecordReply), "recordReply")]
[JsonDerivedType(typeof(RecordNoReply), "recordNoReply")]
[JsonDerivedType(typeof(ScheduleHearing), "scheduleHearing")]
[JsonDerivedType(typeof(SendHearingNotice), "sendHearingNotice")]
[JsonDerivedType(typeof(HoldHearing), "holdHearing")]
[JsonDerivedType(typeof(RequestCommitteeConsultation), "requestCommitteeConsultation")]
[JsonDerivedType(typeof(RecordCommitteeOpinion), "recordCommitteeOpinion")]
[JsonDerivedType(typeof(StartMediation), "startMediation")]
[JsonDerivedType(typeof(RecordMediationAgreement), "recordMediationAgreement")]
[JsonDerivedType(typeof(RecordMediationFailure), "recordMediationFailure")]
[JsonDerivedType(typeof(Settle), "settle")]
[JsonDerivedType(typeof(Suspend), "suspend")]
[JsonDerivedType(typeof(Resume), "resume")]
[JsonDerivedType(typeof(Extend), "extend")]
[JsonDerivedType(typeof(Withdraw), "withdraw")]
[JsonDerivedType(typeof(Terminate), "terminate")]
[JsonDerivedType(typeof(Decide), "decide")]
[JsonDerivedType(typeof(Close), "close")]
[JsonDerivedType(typeof(RecordPostDecisionQa), "recordPostDecisionQa")]
[JsonDerivedType(typeof(FireReminder), "fireReminder")]
[JsonDerivedType(typeof(RecomputeDeadlines), "recomputeDeadlines")]
public abstract record CaseCommand
{
    public string? Reason { get; init; }

    [JsonIgnore]
    public abstract CaseActionName Action { get; }
}
