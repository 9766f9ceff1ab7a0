using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Tests.Cases.Support;

/// <summary>Drives a case through commands on a movable clock; every step must succeed.</summary>
internal sealed class CaseBuilder(ReconsiderationCase state, CaseEvent received, DateOnly today)
{
    private readonly List<CaseEvent> events = [received];

    public ReconsiderationCase State { get; private set; } = state;

    /// <summary>Every event so far, starting with the receipt.</summary>
    public IReadOnlyList<CaseEvent> Events => events;

    public DateOnly Today { get; private set; } = today;

    /// <summary>Moves the clock; later steps happen on <paramref name="day"/>.</summary>
    public CaseBuilder On(DateOnly day)
    {
        Today = day;
        return this;
    }

    public CaseBuilder Then(CaseCommand command)
    {
        (State, var @event) = When(command).ShouldSucceed();
        events.Add(@event);
        return this;
    }

    public CaseTransition When(CaseCommand command) => State.Handle(command, CaseFixture.At(Today));

    public CaseBuilder Accepted(CaseProcedure procedure = CaseProcedure.Ordinary, SimplifiedProcedureGround? ground = null, bool isMajor = false) =>
        Then(new Accept { Procedure = procedure, SimplifiedGround = ground, IsMajor = isMajor });

    public CaseBuilder AcceptedSimplified() => Accepted(CaseProcedure.Simplified, SimplifiedProcedureGround.SmallAmount);

    public CaseBuilder CorrectionRequested() => Then(new RequestCorrection { MissingItems = ["申请人身份证明", "行政处罚决定书复印件"] });

    public CaseBuilder CopySent() => Then(new SendCopyToRespondent());

    /// <summary>The copy was sent and the respondent replied on the same day.</summary>
    public CaseBuilder RespondentHeard() => CopySent().Then(new RecordReply());

    public CaseBuilder HearingScheduledFor(DateOnly hearingOn) => Then(new ScheduleHearing { HearingOn = hearingOn });

    public CaseBuilder MediationStarted() => Then(new StartMediation());

    public CaseBuilder Suspended(SuspensionGround ground = SuspensionGround.DependsOnOtherCase) => Then(new Suspend { Ground = ground });

    public CaseBuilder Decided(DecisionType type = DecisionType.Uphold) => Then(Decisions.Of(type));
}
