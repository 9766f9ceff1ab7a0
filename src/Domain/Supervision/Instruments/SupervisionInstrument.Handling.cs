using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Domain.Supervision;

public sealed partial record SupervisionInstrument
{
    /// <summary>
    /// Decides a command: refused as not allowed when it is not among <see cref="AllowedActions"/>, as invalid when its
    /// input is malformed, as a rule violation when the law forbids it now; otherwise the next state and event. A system
    /// action (<see cref="InstrumentActionNameExtensions"/>) is taken in any state and answers unchanged when it has
    /// nothing to do.
    /// </summary>
    public Transition<SupervisionInstrument, InstrumentEvent> Handle(InstrumentCommand command, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        switch (command)
        {
            case CiteCases c:
                return Execute(c, context);
            case FireInstrumentReminder c:
                return Execute(c, context);
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
            ReviseDraft c => Execute(c),
            DiscardDraft c => Execute(c, context),
            ApproveAndIssue c => Execute(c, context),
            RecordReceipt c => Execute(c, context),
            ReportRectification c => Execute(c, context),
            AcceptRectification c => Execute(c, context),
            SendBackRectification c => Execute(c, context),
            OrderCompliance c => Execute(c, context),
            SummonHead c => Execute(c, context),
            CriticisePublicly c => Execute(c, context),
            CloseInstrument c => Execute(c, context),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a command an instrument knows.", nameof(command)),
        };
    }

    /// <summary>The actions the instrument's state allows now. Whether the law permits one today is checked when it is
    /// handled.</summary>
    public IReadOnlyList<InstrumentActionName> AllowedActions() => Status switch
    {
        InstrumentStatus.Drafted => [InstrumentActionName.ReviseDraft, InstrumentActionName.ApproveAndIssue, InstrumentActionName.DiscardDraft],
        InstrumentStatus.Issued => [InstrumentActionName.RecordReceipt],
        InstrumentStatus.Received or InstrumentStatus.SentBack => [InstrumentActionName.ReportRectification],
        InstrumentStatus.Overdue =>
        [
            InstrumentActionName.ReportRectification, InstrumentActionName.OrderCompliance, InstrumentActionName.SummonHead,
            InstrumentActionName.CriticisePublicly,
        ],
        InstrumentStatus.RectificationReported => [InstrumentActionName.AcceptRectification, InstrumentActionName.SendBackRectification],
        InstrumentStatus.Accepted => [InstrumentActionName.CloseInstrument],
        _ => [],
    };

    private static Transition<SupervisionInstrument, InstrumentEvent> Refuse(Refusal refusal) =>
        Transition<SupervisionInstrument, InstrumentEvent>.Refused(refusal);

    private static Transition<SupervisionInstrument, InstrumentEvent> Succeed(SupervisionInstrument state, InstrumentEvent @event) =>
        Transition<SupervisionInstrument, InstrumentEvent>.Succeeded(state, @event);

    private Transition<SupervisionInstrument, InstrumentEvent> Unchanged(Refusal why) =>
        Transition<SupervisionInstrument, InstrumentEvent>.Unchanged(this, why);

    private SupervisionInstrument WithStarted(Deadline deadline) => this with { Deadlines = [.. Deadlines, deadline] };

    /// <summary>The periods the agency's report answers: the rectification period (or the one to report again by) and
    /// a compliance date.</summary>
    private static bool AwaitsReport(Deadline deadline) =>
        deadline is { Phase: DeadlinePhase.Running, Kind: DeadlineKind.Rectification or DeadlineKind.ComplianceOrder };
}
