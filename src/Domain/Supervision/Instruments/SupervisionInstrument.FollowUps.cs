using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Domain.Supervision;

public sealed partial record SupervisionInstrument
{
    /// <summary>责令限期履行 (Art. 77): one order at a time; the date counts like a natural-day period from today. If the
    /// agency lets it pass too, the matter goes up another level.</summary>
    private Transition<SupervisionInstrument, InstrumentEvent> Execute(OrderCompliance command, CaseContext context)
    {
        var today = context.Today;
        if (command.ComplyBy <= today)
        {
            return Refuse(Refusal.NotAfterToday("complyBy", command.ComplyBy, today));
        }

        if (FutureDateLimit.Exceeds(command.ComplyBy, today))
        {
            return Refuse(Refusal.TooFarAhead("complyBy", command.ComplyBy, today));
        }

        if (Deadlines.Any(d => d is { Kind: DeadlineKind.ComplianceOrder, Phase: DeadlinePhase.Running }))
        {
            var running = CurrentDeadline(DeadlineKind.ComplianceOrder)!;
            return Refuse(Refusal.RuleViolation(
                "compliance_order_running",
                "已责令限期履行，期限届满前不能再次责令",
                $"The agency was ordered to comply by {running.DueOn:yyyy-MM-dd}.",
                SupervisionLaw.Article77));
        }

        var order = Deadline.Start(SupervisionPeriods.Until(DeadlineKind.ComplianceOrder, today, command.ComplyBy, SupervisionLaw.Article77), today, context.Calendar);
        var followUp = new FollowUp { Kind = FollowUpKind.OrderCompliance, TakenOn = today, ComplyBy = order.DueOn };
        return Succeed(
            WithStarted(order) with { FollowUps = [.. FollowUps, followUp] },
            new ComplianceOrdered { ComplyBy = order.DueOn, OrderedOn = today });
    }

    private Transition<SupervisionInstrument, InstrumentEvent> Execute(SummonHead command, CaseContext context)
    {
        var today = context.Today;
        if (string.IsNullOrWhiteSpace(command.Summary))
        {
            return Refuse(Refusal.Required("summary"));
        }

        var heldOn = command.HeldOn ?? today;
        if (heldOn > today)
        {
            return Refuse(Refusal.InTheFuture("heldOn", heldOn, today));
        }

        var followUp = new FollowUp { Kind = FollowUpKind.SummonHead, TakenOn = heldOn, Summary = command.Summary };
        return Succeed(this with { FollowUps = [.. FollowUps, followUp] }, new HeadSummoned { Summary = command.Summary, HeldOn = heldOn });
    }

    private Transition<SupervisionInstrument, InstrumentEvent> Execute(CriticisePublicly command, CaseContext context)
    {
        if (string.IsNullOrWhiteSpace(command.Summary))
        {
            return Refuse(Refusal.Required("summary"));
        }

        var followUp = new FollowUp { Kind = FollowUpKind.PublicCriticism, TakenOn = context.Today, Summary = command.Summary };
        return Succeed(this with { FollowUps = [.. FollowUps, followUp] }, new PubliclyCriticised { Summary = command.Summary, CriticisedOn = context.Today });
    }
}
