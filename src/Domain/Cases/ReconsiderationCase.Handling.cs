namespace CaseGrains.Domain.Cases;

public sealed partial record ReconsiderationCase
{
    /// <summary>
    /// Decides a command: refused as not allowed when it is not among <see cref="AllowedActions"/>, as invalid when
    /// its input is malformed, as a rule violation when the law forbids it now; otherwise the next state and event.
    /// A system action (<see cref="CaseActionNameExtensions"/>) is taken in any state and answers
    /// <see cref="CaseTransition.IsUnchanged"/> when it has nothing to do.
    /// </summary>
    public CaseTransition Handle(CaseCommand command, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        switch (command)
        {
            case FireReminder c:
                return Execute(c, context);
            case RecomputeDeadlines c:
                return Execute(c, context);
        }

        var allowed = AllowedActions();
        if (!allowed.Contains(command.Action))
        {
            return CaseTransition.Refused(CaseRefusal.NotAllowed(command.Action, Status, allowed));
        }

        if (TextLimits.FirstViolation(command) is { } tooLong)
        {
            return CaseTransition.Refused(tooLong);
        }

        return command switch
        {
            ResolveBeforeFiling c => Execute(c, context),
            RequestCorrection c => Execute(c, context),
            SubmitCorrection c => Execute(c, context),
            DeclareAbandoned c => Execute(c, context),
            NotAccept c => Execute(c, context),
            Accept c => Execute(c, context),
            DeemAccepted c => Execute(c, context),
            SwitchToOrdinary c => Execute(c, context),
            SendCopyToRespondent c => Execute(c, context),
            RecordReply c => Execute(c, context),
            RecordNoReply c => Execute(c, context),
            ScheduleHearing c => Execute(c, context),
            SendHearingNotice c => Execute(c, context),
            HoldHearing c => Execute(c, context),
            RequestCommitteeConsultation c => Execute(c, context),
            RecordCommitteeOpinion c => Execute(c, context),
            StartMediation c => Execute(c, context),
            RecordMediationAgreement c => Execute(c, context),
            RecordMediationFailure c => Execute(c, context),
            Settle c => Execute(c, context),
            Suspend c => Execute(c, context),
            Resume c => Execute(c, context),
            Extend c => Execute(c, context),
            Withdraw c => Execute(c, context),
            Terminate c => Execute(c, context),
            Decide c => Execute(c, context),
            Close c => Execute(c, context),
            RecordPostDecisionQa c => Execute(c, context),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a command this case knows.", nameof(command)),
        };
    }

    private static CaseTransition Refuse(CaseRefusal refusal) => CaseTransition.Refused(refusal);

    private static CaseTransition Succeed(ReconsiderationCase state, CaseEvent @event) => CaseTransition.Succeeded(state, @event);

    private CaseTransition Unchanged(string code, string title, string detail) =>
        CaseTransition.Unchanged(this, CaseRefusal.NothingToDo(code, title, detail));

    /// <summary>Ends the case: records how and when, and settles every deadline still running or paused.</summary>
    private ReconsiderationCase EndedAs(CaseStatus status, CaseEnding ending, CaseContext context) =>
        WithEveryDeadline(d => SettleOnEnding(d, context.Today, context.Calendar)) with
        {
            Status = status,
            Ending = ending,
            EndedOn = context.Today,
        };
}
