using CaseGrains.Domain.Deadlines;

namespace CaseGrains.Domain.Cases;

public sealed partial record ReconsiderationCase
{
    /// <summary>
    /// Opens a case for an application (收件登记): counts the filing period (Art. 20, 21) and starts the review
    /// period (Art. 30) from the day of receipt.
    /// </summary>
    public static CaseTransition Receive(string caseId, ReceiveApplication command, ReceiptRouting routing, CaseContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(context);
        EnsureRoutingFits(command, routing);

        var today = context.Today;
        var receivedOn = command.ReceivedOn ?? today;
        if (Validate(command, receivedOn, today) is { } invalid)
        {
            return Refuse(invalid);
        }

        var filingPeriod = FilingPeriod.For(command.ChallengedAct, receivedOn, context.Calendar);
        var review = Deadline.Start(StatutoryPeriods.Review, receivedOn, context.Calendar);
        var state = new ReconsiderationCase
        {
            Id = caseId,
            Status = CaseStatus.Received,
            Applicant = command.Applicant,
            ChallengedAct = command.ChallengedAct,
            Claims = command.Claims,
            Channel = command.Channel,
            EnterpriseRelated = command.EnterpriseRelated,
            IntakePointId = routing.IntakePoint.Id,
            ReceivingBodyId = routing.ReceivingBody.Id,
            CompetentBodyId = routing.CompetentBody.Id,
            RespondentAgencyId = routing.RespondentAgency.Id,
            RespondentAgencyName = routing.RespondentAgency.Name,
            RegionPath = routing.RegionPath,
            ReceivedOn = receivedOn,
            FilingPeriod = filingPeriod,
            Deadlines = [review],
        };
        return Succeed(state, new ApplicationReceived
        {
            Applicant = state.Applicant,
            ChallengedAct = state.ChallengedAct,
            Claims = state.Claims,
            Channel = state.Channel,
            EnterpriseRelated = state.EnterpriseRelated,
            IntakePointId = state.IntakePointId,
            ReceivingBodyId = state.ReceivingBodyId,
            CompetentBodyId = state.CompetentBodyId,
            RespondentAgencyId = state.RespondentAgencyId,
            RespondentAgencyName = state.RespondentAgencyName,
            RegionPath = state.RegionPath,
            ReceivedOn = receivedOn,
            FilingPeriod = filingPeriod,
            ReviewDueOn = review.DueOn,
        });
    }

    /// <summary>The routing is resolved from the command's own ids; a mismatch is a bug in the caller, not bad input.</summary>
    private static void EnsureRoutingFits(ReceiveApplication command, ReceiptRouting routing)
    {
        if (!string.Equals(routing.IntakePoint.Id, command.IntakePointId, StringComparison.Ordinal)
            || !string.Equals(routing.RespondentAgency.Id, command.RespondentAgencyId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The routing was resolved for another intake point or agency than the application names.", nameof(routing));
        }
    }

    private static CaseRefusal? Validate(ReceiveApplication command, DateOnly receivedOn, DateOnly today)
    {
        if (command.Applicant is null || string.IsNullOrWhiteSpace(command.Applicant.Name))
        {
            return CaseRefusal.Required("applicant.name");
        }

        if (command.ChallengedAct is null || string.IsNullOrWhiteSpace(command.ChallengedAct.Description))
        {
            return CaseRefusal.Required("challengedAct.description");
        }

        if (string.IsNullOrWhiteSpace(command.Claims))
        {
            return CaseRefusal.Required("claims");
        }

        var act = command.ChallengedAct;
        if (act.ActOn > today)
        {
            return CaseRefusal.InTheFuture("challengedAct.actOn", act.ActOn, today);
        }

        if (act.KnownOn > today)
        {
            return CaseRefusal.InTheFuture("challengedAct.knownOn", act.KnownOn, today);
        }

        if (receivedOn > today)
        {
            return CaseRefusal.InTheFuture("receivedOn", receivedOn, today);
        }

        if (act.KnownOn < act.ActOn)
        {
            return CaseRefusal.Invalid(
                "challengedAct.knownOn",
                "known_before_act",
                "知道行政行为的日期不能早于行政行为作出日期",
                $"knownOn {act.KnownOn:yyyy-MM-dd} is before actOn {act.ActOn:yyyy-MM-dd}.");
        }

        if (receivedOn < act.KnownOn)
        {
            return CaseRefusal.Invalid(
                "receivedOn",
                "received_before_known",
                "收到申请的日期不能早于知道行政行为的日期",
                $"receivedOn {receivedOn:yyyy-MM-dd} is before knownOn {act.KnownOn:yyyy-MM-dd}.");
        }

        if (act.AmountYuan < 0)
        {
            return CaseRefusal.Invalid(
                "challengedAct.amountYuan",
                "negative_amount",
                "涉及金额不能为负数",
                $"amountYuan {act.AmountYuan} is negative.");
        }

        return null;
    }
}
