using CaseGrains.Domain.Deadlines;

namespace CaseGrains.Domain.Cases;

public sealed partial record ReconsiderationCase
{
    /// <summary>满六十日 (Art. 41(5)).</summary>
    private const int SuspensionLapseDays = 60;

    private CaseTransition Execute(Withdraw command, CaseContext context)
    {
        var ending = command.AfterAgencyCorrected ? CaseEnding.WithdrawnAfterAgencyCorrected : CaseEnding.Withdrawn;
        return Succeed(
            EndedAs(CaseStatus.Terminated, ending, context),
            new ApplicationWithdrawn { AfterAgencyCorrected = command.AfterAgencyCorrected, WithdrawnOn = context.Today });
    }

    private CaseTransition Execute(Terminate command, CaseContext context)
    {
        var today = context.Today;
        if (command.Ground == TerminationGround.SuspensionLapsed && LapseRefusal(today) is { } refusal)
        {
            return Refuse(refusal);
        }

        var state = this with { Termination = new() { Ground = command.Ground, Reason = command.Reason, TerminatedOn = today } };
        return Succeed(
            state.EndedAs(CaseStatus.Terminated, CaseEnding.Terminated, context),
            new CaseTerminated { Ground = command.Ground, TerminatedOn = today });
    }

    /// <summary>Only a suspension for a death, an incapacity or a dissolution, unresolved for 60 days, ends the case
    /// (Art. 41(5) with Art. 39(1)(1), (2), (4)).</summary>
    private CaseRefusal? LapseRefusal(DateOnly today)
    {
        if (Status != CaseStatus.Suspended)
        {
            return CaseRefusal.RuleViolation(
                "suspension_not_lapsed",
                "案件未中止，不能以中止满六十日为由终止",
                "The case is not suspended.",
                ReconsiderationLaw.Article41);
        }

        var suspension = Suspension!;
        if (suspension.Ground is not (SuspensionGround.ApplicantDied or SuspensionGround.ApplicantIncapacitated
            or SuspensionGround.OrganisationDissolved))
        {
            return CaseRefusal.RuleViolation(
                "suspension_ground_does_not_lapse",
                "该中止情形不适用中止满六十日终止",
                $"A suspension on the ground {suspension.Ground} does not end the case after 60 days; resume it when the cause is removed.",
                ReconsiderationLaw.Article41);
        }

        var lapsesOn = suspension.SuspendedOn.AddDays(SuspensionLapseDays);
        return today < lapsesOn
            ? CaseRefusal.RuleViolation(
                "suspension_not_lapsed",
                "中止未满六十日，不能以此为由终止",
                $"The case was suspended on {suspension.SuspendedOn:yyyy-MM-dd}; the 60 days are complete on {lapsesOn:yyyy-MM-dd}.",
                ReconsiderationLaw.Article41)
            : null;
    }

    private CaseTransition Execute(Decide command, CaseContext context)
    {
        var findings = (command.Findings ?? []).Distinct().ToList();
        if (string.IsNullOrWhiteSpace(command.LegalBasis))
        {
            return Refuse(CaseRefusal.Required("legalBasis"));
        }

        if (string.IsNullOrWhiteSpace(command.Summary))
        {
            return Refuse(CaseRefusal.Required("summary"));
        }

        if (string.IsNullOrWhiteSpace(command.ApprovedBy))
        {
            return Refuse(CaseRefusal.Required("approvedBy"));
        }

        if (DecisionRefusal(command, findings) is { } refusal)
        {
            return Refuse(refusal);
        }

        var today = context.Today;
        var decision = new Decision
        {
            Type = command.Type,
            Findings = findings,
            LegalBasis = command.LegalBasis,
            Summary = command.Summary,
            ApprovedBy = command.ApprovedBy,
            OrderNewAct = command.OrderNewAct,
            DecidedOn = today,
        };
        var state = (this with { Decision = decision }).EndedAs(CaseStatus.Decided, CaseEnding.Decided, context);
        return Succeed(state, new DecisionMade
        {
            DecisionType = decision.Type,
            Findings = decision.Findings,
            LegalBasis = decision.LegalBasis,
            Summary = decision.Summary,
            ApprovedBy = decision.ApprovedBy,
            OrderNewAct = decision.OrderNewAct,
            DecidedOn = today,
            DecisionDueOn = Current(DeadlineKind.Decision).DueOn,
        });
    }

    private CaseRefusal? DecisionRefusal(Decide command, IReadOnlyList<FlawKind> findings)
    {
        if (command.Type.IsCorrection && findings.Count == 0)
        {
            return CaseRefusal.RuleViolation(
                "findings_required",
                "纠错决定应当载明被申请行政行为存在的问题",
                $"A {command.Type} decision corrects the act and must name at least one flaw it found.",
                ReconsiderationLaw.Article63To67);
        }

        if (!command.Type.IsCorrection && findings.Count > 0)
        {
            return CaseRefusal.RuleViolation(
                "findings_not_allowed",
                "维持或者驳回决定不应载明行政行为存在问题",
                $"A {command.Type} decision does not correct the act, so it cannot list flaws.",
                ReconsiderationLaw.Article33And68And69);
        }

        if (command.OrderNewAct && !command.Type.MayOrderNewAct)
        {
            return CaseRefusal.RuleViolation(
                "new_act_order_not_applicable",
                "只有撤销或者部分撤销决定可以责令重新作出行政行为",
                $"Only an annulment may order a new act, not a {command.Type} decision.",
                ReconsiderationLaw.Article64);
        }

        if (CopySentOn is null || (ReplyReceivedOn is null && !NoReplyRecorded))
        {
            return CaseRefusal.RuleViolation(
                "respondent_not_heard",
                "被申请人尚未答复，也未记录逾期未答复，不能作出决定",
                "The respondent must have been sent the copy and have replied, or its failure to reply must be recorded.",
                ReconsiderationLaw.Article48And70);
        }

        if (NoReplyRecorded && command.Type is DecisionType.Uphold or DecisionType.RejectClaim)
        {
            return CaseRefusal.RuleViolation(
                "act_without_evidence",
                "被申请人未按期答复，视为该行政行为没有证据、依据，不能维持或者驳回请求",
                $"The respondent did not reply, so the act is treated as having no evidence; a {command.Type} decision is not possible.",
                ReconsiderationLaw.Article70);
        }

        if (IsMajor && Hearing?.HeldOn is null)
        {
            return CaseRefusal.RuleViolation(
                "hearing_required",
                "重大、疑难、复杂案件应当组织听证",
                "A major, difficult or complex case must have had a hearing before it is decided.",
                ReconsiderationLaw.Article50);
        }

        if (IsMajor && Committee?.Opinion is null)
        {
            return CaseRefusal.RuleViolation(
                "committee_opinion_required",
                "重大、疑难、复杂案件应当提请行政复议委员会提出咨询意见",
                "A major, difficult or complex case needs the reconsideration committee's opinion before it is decided.",
                ReconsiderationLaw.Article52);
        }

        return null;
    }

    private CaseTransition Execute(Close command, CaseContext context) =>
        Succeed(this with { Status = CaseStatus.Closed, ClosedOn = context.Today }, new CaseClosed { ClosedOn = context.Today });

    private CaseTransition Execute(RecordPostDecisionQa command, CaseContext context)
    {
        if (string.IsNullOrWhiteSpace(command.Summary))
        {
            return Refuse(CaseRefusal.Required("summary"));
        }

        var entry = new PostDecisionQaEntry { Summary = command.Summary, RecordedOn = context.Today };
        return Succeed(
            this with { PostDecisionQa = [.. PostDecisionQa, entry] },
            new PostDecisionQaRecorded { Summary = command.Summary, RecordedOn = context.Today });
    }
}
