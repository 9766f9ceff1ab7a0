using CaseGrains.Domain.Deadlines;

namespace CaseGrains.Domain.Cases;

public sealed partial record ReconsiderationCase
{
    private CaseTransition Execute(SwitchToOrdinary command, CaseContext context)
    {
        if (string.IsNullOrWhiteSpace(command.ApprovedBy))
        {
            return Refuse(CaseRefusal.Required("approvedBy"));
        }

        var today = context.Today;

        // The days already consumed stay consumed: only the length of the period changes.
        var ordinary = StatutoryPeriods.Decision;
        var state = WithCurrent(DeadlineKind.Decision, d => (d with { Length = ordinary.Length, Basis = ordinary.Basis }).Recompute(context.Calendar)) with
        {
            Procedure = CaseProcedure.Ordinary,
            SwitchedToOrdinary = new() { ApprovedBy = command.ApprovedBy, SwitchedOn = today },
        };
        return Succeed(state, new SwitchedToOrdinaryProcedure
        {
            ApprovedBy = command.ApprovedBy,
            SwitchedOn = today,
            DecisionDueOn = state.Current(DeadlineKind.Decision).DueOn,
        });
    }

    private CaseTransition Execute(Extend command, CaseContext context)
    {
        if (command.Days <= 0)
        {
            return Refuse(CaseRefusal.Invalid(
                "days",
                "days_not_positive",
                "延长天数应当为正数",
                $"days must be at least 1, not {command.Days}."));
        }

        if (string.IsNullOrWhiteSpace(command.ApprovedBy))
        {
            return Refuse(CaseRefusal.Required("approvedBy"));
        }

        if (Procedure == CaseProcedure.Simplified)
        {
            return Refuse(CaseRefusal.RuleViolation(
                "extension_not_allowed_for_simplified_procedure",
                "适用简易程序的案件不得延长审理期限",
                "A case under the simplified procedure must be decided within 30 days; switch it to the ordinary procedure first.",
                ReconsiderationLaw.Article62));
        }

        if (Extension is not null)
        {
            return Refuse(CaseRefusal.RuleViolation(
                "extension_already_granted",
                "审理期限只能延长一次",
                $"The decision period was already extended by {Extension.Days} days on {Extension.GrantedOn:yyyy-MM-dd}.",
                ReconsiderationLaw.Article62));
        }

        if (command.Days > StatutoryPeriods.MaxDecisionExtensionDays)
        {
            return Refuse(CaseRefusal.RuleViolation(
                "extension_too_long",
                "延长期限最多不得超过三十日",
                $"The decision period can be extended by at most {StatutoryPeriods.MaxDecisionExtensionDays} days, not {command.Days}.",
                ReconsiderationLaw.Article62));
        }

        var today = context.Today;
        var decision = Current(DeadlineKind.Decision);
        if (today > decision.DueOn)
        {
            return Refuse(CaseRefusal.RuleViolation(
                "decision_period_expired",
                "审理期限已届满，不能再延长",
                $"The decision period ended on {decision.DueOn:yyyy-MM-dd}; an extension must be approved before it ends.",
                decision.Basis));
        }

        var state = WithCurrent(DeadlineKind.Decision, d => d.Extend(command.Days, context.Calendar)) with
        {
            Extension = new() { Days = command.Days, ApprovedBy = command.ApprovedBy, GrantedOn = today },
        };
        return Succeed(state, new DecisionPeriodExtended
        {
            Days = command.Days,
            ApprovedBy = command.ApprovedBy,
            ExtendedOn = today,
            DecisionDueOn = state.Current(DeadlineKind.Decision).DueOn,
        });
    }
}
