using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Time;

namespace CaseGrains.Domain.Tests.Cases.Support;

/// <summary>Drives a case through commands on a movable clock; every step must succeed.</summary>
internal sealed class CaseBuilder(ReconsiderationCase state, CaseEvent received, DateOnly today)
{
    private WorkingDayCalendar calendar = CaseFixture.ShippedCalendar;

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

    /// <summary>Counts later steps on <paramref name="other"/>, as after an admin loaded a holiday year.</summary>
    public CaseBuilder Using(WorkingDayCalendar other)
    {
        calendar = other;
        return this;
    }

    public CaseBuilder Then(CaseCommand command)
    {
        (State, var @event) = When(command).ShouldSucceed();
        events.Add(@event);
        return this;
    }

    /// <summary>Ten in the morning of <see cref="Today"/>, Beijing time.</summary>
    public CaseTransition When(CaseCommand command) => WhenAt(CaseFixture.At(Today).Now, command);

    /// <summary>At exactly <paramref name="now"/>.</summary>
    public CaseTransition WhenAt(DateTimeOffset now, CaseCommand command) => State.Handle(command, new CaseContext(now, calendar));

    /// <summary>The reminders still to fire, on the calendar in use.</summary>
    public IReadOnlyList<ScheduledReminder> Ladder(ReminderPolicy? policy = null) => ReminderLadder.For(State, policy ?? ReminderPolicy.Default, calendar);

    /// <summary>The scheduled <paramref name="step"/> of the running <paramref name="kind"/> deadline.</summary>
    public ScheduledReminder Scheduled(DeadlineKind kind, ReminderStep step) => Ladder().Single(r => r.Kind == kind && r.Step == step);

    /// <summary>Delivers the scheduled <paramref name="step"/> of the running <paramref name="kind"/> deadline at the very
    /// instant it is due, and moves the clock to that day.</summary>
    public CaseBuilder Fired(DeadlineKind kind, ReminderStep step) => Delivered(Scheduled(kind, step));

    /// <summary>Delivers <paramref name="reminder"/> at its instant; it must be recorded.</summary>
    public CaseBuilder Delivered(ScheduledReminder reminder)
    {
        Today = ChinaTime.DateOf(reminder.FireAt);
        (State, var @event) = WhenAt(reminder.FireAt, reminder.ToCommand()).ShouldSucceed();
        events.Add(@event);
        return this;
    }

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
