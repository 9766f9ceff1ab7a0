using CaseGrains.Domain.Deadlines;

namespace CaseGrains.Domain.Cases;

public sealed partial record ReconsiderationCase
{
    private CaseTransition Execute(Suspend command, CaseContext context)
    {
        if (command.Ground == SuspensionGround.Other && string.IsNullOrWhiteSpace(command.Reason))
        {
            return Refuse(CaseRefusal.Invalid(
                "reason",
                "suspension_reason_required",
                "以其他情形中止的，应当说明理由",
                "A suspension on the ground 'other' must give its reason."));
        }

        var today = context.Today;
        var state = WithEveryDeadline(d => d.Phase == DeadlinePhase.Running ? d.Pause(today, context.Calendar) : d) with
        {
            Status = CaseStatus.Suspended,
            Suspension = new() { Ground = command.Ground, SuspendedOn = today, StatusBefore = Status },
        };
        return Succeed(state, new CaseSuspended { Ground = command.Ground, SuspendedOn = today, StatusBefore = Status });
    }

    private CaseTransition Execute(Resume command, CaseContext context)
    {
        var today = context.Today;
        var suspension = Suspension!;
        var state = WithEveryDeadline(d => d.Phase == DeadlinePhase.Paused ? d.Resume(today, context.Calendar) : d) with
        {
            Status = suspension.StatusBefore,
            Suspension = suspension with { ResumedOn = today },
        };
        return Succeed(state, new CaseResumed
        {
            ResumedOn = today,
            SuspendedDays = today.DayNumber - suspension.SuspendedOn.DayNumber,
            Status = suspension.StatusBefore,
            DecisionDueOn = state.CurrentDeadline(DeadlineKind.Decision)?.DueOn,
        });
    }
}
