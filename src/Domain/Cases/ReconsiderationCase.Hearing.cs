using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Domain.Cases;

public sealed partial record ReconsiderationCase
{
    private CaseTransition Execute(ScheduleHearing command, CaseContext context)
    {
        var today = context.Today;
        if (command.HearingOn <= today)
        {
            return Refuse(CaseRefusal.Invalid(
                "hearingOn",
                "hearing_not_in_future",
                "听证日期应当晚于今天",
                $"hearingOn {command.HearingOn:yyyy-MM-dd} must be after today, {today:yyyy-MM-dd}."));
        }

        if (FutureDateLimit.Exceeds(command.HearingOn, today))
        {
            return Refuse(Refusal.TooFarAhead("hearingOn", command.HearingOn, today).ToCaseRefusal());
        }

        var notice = Deadline.Before(StatutoryPeriods.HearingNotice, today, command.HearingOn, context.Calendar);
        if (notice.DueOn < today)
        {
            return Refuse(CaseRefusal.RuleViolation(
                "hearing_notice_period_too_short",
                "听证通知应当在举行听证五个工作日前送达当事人",
                $"A hearing on {command.HearingOn:yyyy-MM-dd} needed its notice by {notice.DueOn:yyyy-MM-dd}; choose a later date.",
                ReconsiderationLaw.Article51));
        }

        // A moved hearing needs a notice of its own; the one for the old date no longer applies.
        var state = Hearing is null
            ? this
            : WithCurrent(DeadlineKind.HearingNotice, d => d.Phase == DeadlinePhase.Running ? d.Cancel(today) : d);
        state = state.WithStarted(notice) with { Hearing = new() { HearingOn = command.HearingOn, ScheduledOn = today } };
        return Succeed(state, new HearingScheduled
        {
            HearingOn = command.HearingOn,
            NoticeDueOn = notice.DueOn,
            PreviousHearingOn = Hearing?.HearingOn,
        });
    }

    private CaseTransition Execute(SendHearingNotice command, CaseContext context)
    {
        var today = context.Today;
        var state = WithCurrent(DeadlineKind.HearingNotice, d => d.Complete(today)) with
        {
            Hearing = Hearing! with { NoticeSentOn = today },
        };
        return Succeed(state, new HearingNoticeSent { SentOn = today, HearingOn = Hearing.HearingOn });
    }

    private CaseTransition Execute(HoldHearing command, CaseContext context)
    {
        if (string.IsNullOrWhiteSpace(command.Summary))
        {
            return Refuse(CaseRefusal.Required("summary"));
        }

        var today = context.Today;
        if (today < Hearing!.HearingOn)
        {
            return Refuse(CaseRefusal.RuleViolation(
                "hearing_date_not_reached",
                "听证日期未到，不能记录听证已举行",
                $"The hearing is set for {Hearing.HearingOn:yyyy-MM-dd}; the parties were notified of that date.",
                ReconsiderationLaw.Article51));
        }

        var state = this with { Hearing = Hearing with { HeldOn = today, Summary = command.Summary } };
        return Succeed(state, new HearingHeld { HeldOn = today, Summary = command.Summary });
    }

    private CaseTransition Execute(RequestCommitteeConsultation command, CaseContext context) =>
        Succeed(
            this with { Committee = new() { RequestedOn = context.Today } },
            new CommitteeConsultationRequested { RequestedOn = context.Today });

    private CaseTransition Execute(RecordCommitteeOpinion command, CaseContext context)
    {
        if (string.IsNullOrWhiteSpace(command.Opinion))
        {
            return Refuse(CaseRefusal.Required("opinion"));
        }

        var state = this with { Committee = Committee! with { Opinion = command.Opinion, OpinionRecordedOn = context.Today } };
        return Succeed(state, new CommitteeOpinionRecorded { Opinion = command.Opinion, RecordedOn = context.Today });
    }
}
