using CaseGrains.Domain.Deadlines;

namespace CaseGrains.Domain.Cases;

public sealed partial record ReconsiderationCase
{
    /// <summary>案件涉及款额三千元以下 (Art. 53(1)(3)).</summary>
    private const decimal SmallAmountLimitYuan = 3_000m;

    private CaseTransition Execute(ResolveBeforeFiling command, CaseContext context)
    {
        if (string.IsNullOrWhiteSpace(command.Summary))
        {
            return Refuse(CaseRefusal.Required("summary"));
        }

        var state = this with { PreFilingResolution = new() { Summary = command.Summary, ResolvedOn = context.Today } };
        return Succeed(
            state.EndedAs(CaseStatus.ResolvedBeforeFiling, CaseEnding.ResolvedBeforeFiling, context),
            new ResolvedBeforeFiling { Summary = command.Summary, ResolvedOn = context.Today });
    }

    private CaseTransition Execute(RequestCorrection command, CaseContext context)
    {
        var items = command.MissingItems?.Where(i => !string.IsNullOrWhiteSpace(i)).ToList() ?? [];
        if (items.Count == 0)
        {
            return Refuse(CaseRefusal.Required("missingItems"));
        }

        if (Correction is not null)
        {
            return Refuse(CaseRefusal.RuleViolation(
                "correction_already_requested",
                "补正通知应当一次性载明需要补正的全部事项，不能再次要求补正",
                $"A correction was already requested on {Correction.RequestedOn:yyyy-MM-dd}; every missing item must be listed at once.",
                ReconsiderationLaw.Article31));
        }

        var today = context.Today;
        var review = Current(DeadlineKind.Review);
        if (today > review.DueOn)
        {
            return Refuse(CaseRefusal.RuleViolation(
                "correction_notice_too_late",
                "补正通知应当在收到申请之日起五个工作日内发出",
                $"The review period ended on {review.DueOn:yyyy-MM-dd}; a correction can no longer be requested.",
                ReconsiderationLaw.Article31));
        }

        var correction = Deadline.Start(StatutoryPeriods.Correction, today, context.Calendar);
        var state = WithCurrent(DeadlineKind.Review, d => d.Cancel(today)).WithStarted(correction) with
        {
            Status = CaseStatus.AwaitingCorrection,
            Correction = new() { MissingItems = items, RequestedOn = today },
        };
        return Succeed(state, new CorrectionRequested { MissingItems = items, RequestedOn = today, CorrectionDueOn = correction.DueOn });
    }

    private CaseTransition Execute(SubmitCorrection command, CaseContext context)
    {
        var today = context.Today;
        var review = Deadline.Start(StatutoryPeriods.Review, today, context.Calendar);
        var state = WithCurrent(DeadlineKind.Correction, d => d.Complete(today)).WithStarted(review) with
        {
            Status = CaseStatus.Received,
            Correction = Correction! with { SubmittedOn = today },
        };
        return Succeed(state, new CorrectionSubmitted { SubmittedOn = today, ReviewDueOn = review.DueOn });
    }

    private CaseTransition Execute(DeclareAbandoned command, CaseContext context)
    {
        var correction = Current(DeadlineKind.Correction);
        if (context.Today <= correction.DueOn)
        {
            return Refuse(CaseRefusal.RuleViolation(
                "correction_period_not_over",
                "补正期限尚未届满，不能视为放弃申请",
                $"The correction period runs until {correction.DueOn:yyyy-MM-dd}.",
                correction.Basis));
        }

        // The applicant let the correction period lapse: the deadline ends missed, not merely cancelled.
        var lapsed = WithCurrent(DeadlineKind.Correction, d => d.Complete(context.Today));
        return Succeed(
            lapsed.EndedAs(CaseStatus.Abandoned, CaseEnding.Abandoned, context),
            new ApplicationAbandoned { AbandonedOn = context.Today, CorrectionDueOn = correction.DueOn });
    }

    private CaseTransition Execute(NotAccept command, CaseContext context)
    {
        if (string.IsNullOrWhiteSpace(command.Reasons))
        {
            return Refuse(CaseRefusal.Required("reasons"));
        }

        var wrongJurisdiction = command.Ground == NotAcceptanceGround.WrongJurisdiction;
        if (wrongJurisdiction && string.IsNullOrWhiteSpace(command.CompetentBodyId))
        {
            return Refuse(CaseRefusal.Invalid(
                "competentBodyId",
                "competent_body_required",
                "不属于本机关管辖的，应当告知有管辖权的行政复议机关",
                "A refusal for wrong jurisdiction must name the competent body."));
        }

        if (!wrongJurisdiction && command.CompetentBodyId is not null)
        {
            return Refuse(CaseRefusal.Invalid(
                "competentBodyId",
                "competent_body_not_applicable",
                "仅在不属于本机关管辖时告知有管辖权的机关",
                $"competentBodyId only applies to the ground wrongJurisdiction, not {command.Ground}."));
        }

        var today = context.Today;
        var state = WithCurrent(DeadlineKind.Review, d => d.Complete(today)) with
        {
            NotAcceptance = new()
            {
                Ground = command.Ground,
                Reasons = command.Reasons,
                CompetentBodyId = command.CompetentBodyId,
                DecidedOn = today,
            },
        };
        return Succeed(
            state.EndedAs(CaseStatus.NotAccepted, CaseEnding.NotAccepted, context),
            new ApplicationNotAccepted
            {
                Ground = command.Ground,
                Reasons = command.Reasons,
                CompetentBodyId = command.CompetentBodyId,
                DecidedOn = today,
            });
    }

    private CaseTransition Execute(Accept command, CaseContext context)
    {
        var simplified = command.Procedure == CaseProcedure.Simplified;
        if (simplified && command.SimplifiedGround is null)
        {
            return Refuse(CaseRefusal.Required("simplifiedGround"));
        }

        if (!simplified && command.SimplifiedGround is not null)
        {
            return Refuse(CaseRefusal.Invalid(
                "simplifiedGround",
                "simplified_ground_not_applicable",
                "普通程序无需简易程序适用理由",
                "simplifiedGround only applies to the simplified procedure."));
        }

        var justifiedDelay = string.IsNullOrWhiteSpace(command.JustifiedDelay) ? null : command.JustifiedDelay;
        if (!FilingPeriod.Timely && justifiedDelay is null)
        {
            return Refuse(CaseRefusal.RuleViolation(
                "application_out_of_time",
                "申请超过法定申请期限，且未说明正当理由",
                $"The filing period ended on {FilingPeriod.LastDay:yyyy-MM-dd} and the application was received on {ReceivedOn:yyyy-MM-dd}; "
                    + "accept it only with the justified reason for the delay.",
                ReconsiderationLaw.Article20));
        }

        if (simplified && command.IsMajor)
        {
            return Refuse(CaseRefusal.RuleViolation(
                "simplified_procedure_not_for_major_case",
                "重大、疑难、复杂案件不适用简易程序",
                "A major, difficult or complex case cannot be heard under the simplified procedure.",
                ReconsiderationLaw.Article53));
        }

        if (simplified && !Fits(command.SimplifiedGround!.Value, ChallengedAct))
        {
            return Refuse(CaseRefusal.RuleViolation(
                "simplified_procedure_not_applicable",
                "被申请的行政行为不符合适用简易程序的情形",
                $"The simplified ground {command.SimplifiedGround} does not fit the challenged act.",
                ReconsiderationLaw.Article53));
        }

        var accepted = WithCurrent(DeadlineKind.Review, d => d.Complete(context.Today)) with { JustifiedDelay = justifiedDelay };
        return accepted.AcceptedAs(command.Procedure, command.SimplifiedGround, command.IsMajor, context.Today, byOperationOfLaw: false, context);
    }

    private CaseTransition Execute(DeemAccepted command, CaseContext context)
    {
        var review = Current(DeadlineKind.Review);
        if (context.Today <= review.DueOn)
        {
            return Refuse(CaseRefusal.RuleViolation(
                "review_period_not_over",
                "审查期限尚未届满，不能视为受理",
                $"The review period runs until {review.DueOn:yyyy-MM-dd}; only after it ends is the application accepted by operation of law.",
                review.Basis));
        }

        // The law deems the application accepted on the day the review period ended, and every later period runs from then.
        // The body let the review period lapse (the case is accepted by law): the deadline ends missed.
        var accepted = WithCurrent(DeadlineKind.Review, d => d.Complete(context.Today));
        return accepted.AcceptedAs(CaseProcedure.Ordinary, null, isMajor: false, review.DueOn, byOperationOfLaw: true, context);
    }

    private CaseTransition AcceptedAs(
        CaseProcedure procedure, SimplifiedProcedureGround? ground, bool isMajor, DateOnly acceptedOn, bool byOperationOfLaw, CaseContext context)
    {
        var simplified = procedure == CaseProcedure.Simplified;
        var copyPeriod = simplified ? StatutoryPeriods.CopyToRespondentSimplified : StatutoryPeriods.CopyToRespondent;
        var copy = Deadline.Start(copyPeriod, acceptedOn, context.Calendar);
        var decision = Deadline.Start(simplified ? StatutoryPeriods.DecisionSimplified : StatutoryPeriods.Decision, acceptedOn, context.Calendar);
        var state = WithStarted(copy).WithStarted(decision) with
        {
            Status = CaseStatus.UnderReview,
            Procedure = procedure,
            SimplifiedGround = ground,
            IsMajor = isMajor,
            AcceptedOn = acceptedOn,
            AcceptedByOperationOfLaw = byOperationOfLaw,
        };
        return Succeed(state, new ApplicationAccepted
        {
            AcceptedOn = acceptedOn,
            ByOperationOfLaw = byOperationOfLaw,
            Procedure = procedure,
            SimplifiedGround = ground,
            IsMajor = isMajor,
            JustifiedDelay = state.JustifiedDelay,
            CopyDueOn = copy.DueOn,
            DecisionDueOn = decision.DueOn,
        });
    }

    /// <summary>Whether the challenged act is one the simplified procedure may take on this ground (Art. 53).</summary>
    private static bool Fits(SimplifiedProcedureGround ground, ChallengedAct act) => ground switch
    {
        SimplifiedProcedureGround.OnTheSpotDecision => act.MadeOnTheSpot,
        SimplifiedProcedureGround.WarningOrCriticism => act.PenaltyKind is PenaltyKind.Warning or PenaltyKind.Criticism,
        SimplifiedProcedureGround.SmallAmount => act.AmountYuan <= SmallAmountLimitYuan,
        SimplifiedProcedureGround.InformationDisclosure => act.IsInformationDisclosure,
        SimplifiedProcedureGround.PartiesAgree => true,
        _ => false,
    };
}
