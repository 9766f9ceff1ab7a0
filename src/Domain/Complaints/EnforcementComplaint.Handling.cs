using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Domain.Complaints;

public sealed partial record EnforcementComplaint
{
    /// <summary>Decides a command: not allowed, invalid, or the next state and event. The system action is taken in any
    /// state and answers unchanged when it has nothing to do.</summary>
    public Transition<EnforcementComplaint, ComplaintEvent> Handle(ComplaintCommand command, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (command is FireComplaintReminder fire)
        {
            return Execute(fire, context);
        }

        var allowed = AllowedActions();
        if (!allowed.Contains(command.Action))
        {
            return Refuse(Refusal.NotAllowed(command.Action, Status, allowed));
        }

        if (Refusal.TooLong(command) is { } tooLong)
        {
            return Refuse(tooLong);
        }

        return command switch
        {
            VerifyComplaint c => Execute(c, context),
            RejectComplaint c => Execute(c, context),
            HandleComplaint c => Execute(c, context),
            AnswerComplainant c => Execute(c, context),
            CloseComplaint c => Execute(c, context),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a command a complaint knows.", nameof(command)),
        };
    }

    public IReadOnlyList<ComplaintActionName> AllowedActions() => Status switch
    {
        ComplaintStatus.Received => [ComplaintActionName.VerifyComplaint, ComplaintActionName.RejectComplaint],
        ComplaintStatus.Verified => [ComplaintActionName.HandleComplaint],
        ComplaintStatus.Handled or ComplaintStatus.Rejected => [ComplaintActionName.AnswerComplainant],
        ComplaintStatus.Answered => [ComplaintActionName.CloseComplaint],
        _ => [],
    };

    private Transition<EnforcementComplaint, ComplaintEvent> Execute(VerifyComplaint command, CaseContext context)
    {
        if (string.IsNullOrWhiteSpace(command.Summary))
        {
            return Refuse(Refusal.Required("summary"));
        }

        return Succeed(
            this with { Status = ComplaintStatus.Verified, Verification = new() { Summary = command.Summary, VerifiedOn = context.Today } },
            new ComplaintVerified { Summary = command.Summary, VerifiedOn = context.Today });
    }

    private Transition<EnforcementComplaint, ComplaintEvent> Execute(RejectComplaint command, CaseContext context)
    {
        if (string.IsNullOrWhiteSpace(command.Reasons))
        {
            return Refuse(Refusal.Required("reasons"));
        }

        var rejection = new ComplaintRejection { Ground = command.Ground, Reasons = command.Reasons, RejectedOn = context.Today };
        return Succeed(
            this with { Status = ComplaintStatus.Rejected, Rejection = rejection },
            new ComplaintRejected { Ground = command.Ground, Reasons = command.Reasons, RejectedOn = context.Today });
    }

    /// <summary>The same rule a reconsideration decision follows: a substantiated complaint names what was wrong, the
    /// corrective action and its basis; one not substantiated names none of them.</summary>
    private Transition<EnforcementComplaint, ComplaintEvent> Execute(HandleComplaint command, CaseContext context)
    {
        var flaws = (command.Flaws ?? []).Distinct().Order().ToList();
        if (HandlingRefusal(command, flaws) is { } invalid)
        {
            return Refuse(invalid);
        }

        var handling = new ComplaintHandling
        {
            Substantiated = command.Substantiated,
            Flaws = flaws,
            CorrectiveAction = command.CorrectiveAction,
            LegalBasis = command.LegalBasis,
            Summary = command.Summary,
            HandledOn = context.Today,
        };
        return Succeed(this with { Status = ComplaintStatus.Handled, Handling = handling }, new ComplaintHandled
        {
            Substantiated = handling.Substantiated,
            Flaws = flaws,
            CorrectiveAction = handling.CorrectiveAction,
            LegalBasis = handling.LegalBasis,
            Summary = handling.Summary,
            HandledOn = handling.HandledOn,
        });
    }

    private static Refusal? HandlingRefusal(HandleComplaint command, IReadOnlyList<FlawKind> flaws)
    {
        if (string.IsNullOrWhiteSpace(command.Summary))
        {
            return Refusal.Required("summary");
        }

        if (!command.Substantiated)
        {
            return flaws.Count > 0
                ? Refusal.Invalid("flaws", "flaws_not_allowed", "查证不属实的不应载明问题", "A complaint not substantiated names no flaws.")
                : command.CorrectiveAction is not null
                    ? Refusal.Invalid("correctiveAction", "corrective_action_not_applicable", "查证不属实的无需纠正措施", "Only a substantiated complaint orders corrective action.")
                    : null;
        }

        if (flaws.Count == 0)
        {
            return Refusal.Invalid("flaws", "flaws_required", "查证属实的应当载明存在的问题", "A substantiated complaint names at least one flaw.");
        }

        if (string.IsNullOrWhiteSpace(command.CorrectiveAction))
        {
            return Refusal.Required("correctiveAction");
        }

        return string.IsNullOrWhiteSpace(command.LegalBasis) ? Refusal.Required("legalBasis") : null;
    }

    /// <summary>The answer meets or misses the period; a late answer is still given.</summary>
    private Transition<EnforcementComplaint, ComplaintEvent> Execute(AnswerComplainant command, CaseContext context)
    {
        if (string.IsNullOrWhiteSpace(command.Summary))
        {
            return Refuse(Refusal.Required("summary"));
        }

        var today = context.Today;
        var running = Deadlines.Any(d => d is { Kind: DeadlineKind.ComplaintAnswer, Phase: DeadlinePhase.Running });
        var late = running && today > CurrentDeadline(DeadlineKind.ComplaintAnswer)!.DueOn;
        var answer = new ComplaintAnswer { Summary = command.Summary, AnsweredOn = today, Late = late };
        return Succeed(
            this with
            {
                Status = ComplaintStatus.Answered,
                Answer = answer,
                Deadlines = [.. Deadlines.Select(d => d is { Kind: DeadlineKind.ComplaintAnswer, Phase: DeadlinePhase.Running } ? d.Complete(today) : d)],
            },
            new ComplainantAnswered { Summary = command.Summary, AnsweredOn = today, Late = late });
    }

    private Transition<EnforcementComplaint, ComplaintEvent> Execute(CloseComplaint command, CaseContext context) =>
        Succeed(this with { Status = ComplaintStatus.Closed, ClosedOn = context.Today }, new ComplaintClosed { ClosedOn = context.Today });

    private static Transition<EnforcementComplaint, ComplaintEvent> Refuse(Refusal refusal) =>
        Transition<EnforcementComplaint, ComplaintEvent>.Refused(refusal);

    private static Transition<EnforcementComplaint, ComplaintEvent> Succeed(EnforcementComplaint state, ComplaintEvent @event) =>
        Transition<EnforcementComplaint, ComplaintEvent>.Succeeded(state, @event);
}
