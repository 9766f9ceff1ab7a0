using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;

namespace CaseGrains.Domain.Tests.Cases.Support;

/// <summary>One well-formed command for every action, to probe what a state refuses.</summary>
internal static class SampleCommands
{
    /// <summary>The system actions, which no state refuses as not allowed.</summary>
    public static IEnumerable<CaseCommand> System =>
    [
        new FireReminder { Kind = DeadlineKind.Decision, DeadlineId = 2, Step = ReminderStep.Overdue, DueOn = new DateOnly(2025, 4, 8) },
        new RecomputeDeadlines(),
    ];

    /// <summary>The actions a user performs.</summary>
    public static IEnumerable<CaseCommand> All =>
    [
        new ResolveBeforeFiling { Summary = "化解" },
        new RequestCorrection { MissingItems = ["身份证明"] },
        new SubmitCorrection(),
        new DeclareAbandoned(),
        new NotAccept { Ground = NotAcceptanceGround.OutOfTime, Reasons = "超期" },
        new Accept { Procedure = CaseProcedure.Ordinary },
        new DeemAccepted(),
        new SwitchToOrdinary { ApprovedBy = "李主任" },
        new SendCopyToRespondent(),
        new RecordReply(),
        new RecordNoReply(),
        new ScheduleHearing { HearingOn = new DateOnly(2026, 12, 31) },
        new SendHearingNotice(),
        new HoldHearing { Summary = "听证" },
        new RequestCommitteeConsultation(),
        new RecordCommitteeOpinion { Opinion = "意见" },
        new StartMediation(),
        new RecordMediationAgreement { Terms = "调解" },
        new RecordMediationFailure(),
        new Settle { Terms = "和解" },
        new Suspend { Ground = SuspensionGround.ForceMajeure },
        new Resume(),
        new Extend { Days = 10, ApprovedBy = "李主任" },
        new Withdraw(),
        new Terminate { Ground = TerminationGround.ApplicantDiedNoHeir },
        Decisions.Of(DecisionType.Uphold),
        new Close(),
        new RecordPostDecisionQa { Summary = "答疑" },
    ];
}
