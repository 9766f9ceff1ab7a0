using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Supervision;
using CaseGrains.Domain.Tests.Cases.Support;
using CaseGrains.Domain.Time;
using CaseGrains.Domain.Workflow;
using CaseGiven = CaseGrains.Domain.Tests.Cases.Support.Given;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Supervision.Support;

/// <summary>Drives an instrument through commands on a movable clock; every step must succeed.</summary>
internal sealed class InstrumentBuilder(SupervisionInstrument state, InstrumentEvent drafted, DateOnly today)
{
    private readonly List<InstrumentEvent> events = [drafted];

    private readonly WorkingDayCalendar calendar = ShippedCalendar;

    public SupervisionInstrument State { get; private set; } = state;

    public IReadOnlyList<InstrumentEvent> Events => events;

    public DateOnly Today { get; private set; } = today;

    public InstrumentBuilder On(DateOnly day)
    {
        Today = day;
        return this;
    }

    public InstrumentBuilder Then(InstrumentCommand command)
    {
        (State, var @event) = When(command).ShouldSucceed();
        events.Add(@event);
        return this;
    }

    /// <summary>Ten in the morning of <see cref="Today"/>, Beijing time.</summary>
    public Transition<SupervisionInstrument, InstrumentEvent> When(InstrumentCommand command) => WhenAt(At(Today).Now, command);

    public Transition<SupervisionInstrument, InstrumentEvent> WhenAt(DateTimeOffset now, InstrumentCommand command) =>
        State.Handle(command, new CaseContext(now, calendar));

    public IReadOnlyList<ScheduledReminder> Ladder(ReminderPolicy? policy = null) => InstrumentReminders.For(State, policy ?? ReminderPolicy.Default, calendar);

    /// <summary>The scheduled step of the running deadline of <paramref name="kind"/>.</summary>
    public ScheduledReminder Scheduled(DeadlineKind kind, ReminderStep step) => Ladder().Single(r => r.Kind == kind && r.Step == step);

    /// <summary>Delivers the scheduled step at the instant it is due and moves the clock to that day.</summary>
    public InstrumentBuilder Fired(DeadlineKind kind, ReminderStep step) => Delivered(Scheduled(kind, step));

    public InstrumentBuilder Delivered(ScheduledReminder reminder)
    {
        Today = ChinaTime.DateOf(reminder.FireAt);
        (State, var @event) = WhenAt(reminder.FireAt, InstrumentReminders.ToCommand(reminder)).ShouldSucceed();
        events.Add(@event);
        return this;
    }

    /// <summary>Approved and issued as the <paramref name="sequence"/>-th of its series this year.</summary>
    public InstrumentBuilder Issued(int sequence = 7) => Then(new ApproveAndIssue { ApprovedBy = "王主任", Number = NumberFor(sequence) });

    public ApproveAndIssue Issue(int sequence = 7) => new() { ApprovedBy = "王主任", Number = NumberFor(sequence) };

    public DocumentNumber NumberFor(int sequence, int? year = null) =>
        DocumentNumbering.Default.Number(State.Kind, State.IssuingBodyId, "大东", year ?? Today.Year, sequence);

    public InstrumentBuilder Received() => Then(new RecordReceipt());

    public InstrumentBuilder Reported(string text = "已组织全员培训，修订执法程序规范") =>
        Then(new ReportRectification { Text = text, Attachments = [Instruments.Minutes] });
}

/// <summary>Instruments in the situations the specifications start from.</summary>
internal static class Instruments
{
    public static readonly Attachment Minutes = new()
    {
        Name = "整改会议纪要.pdf", SizeBytes = 182_044, Sha256 = new string('A', 64), MediaType = "Application/PDF",
    };

    /// <summary>The fixture case (against the Shenyang traffic-police detachment, decided by the Shenyang city body),
    /// annulled on 20 April 2025.</summary>
    public static ReconsiderationCase AnnulledCase() =>
        CaseGiven.CaseReceivedOn(D(2025, 3, 3)).Accepted().RespondentHeard().On(D(2025, 4, 20)).Decided(DecisionType.Annul).State;

    public static readonly InstrumentIssuer ShenyangBody = new(CompetentBody.Id, "/R210000/R210100/");

    public static DraftOpinionLetter Letter => new()
    {
        Title = "关于规范交通违法行为处罚程序的行政复议意见书",
        Problems = "该局作出处罚决定前未告知当事人陈述、申辩的权利。",
        Requirements = "请严格履行告知程序，并于收到本意见书之日起六十日内报送纠正情况。",
        Flaws = [FlawKind.Procedure],
    };

    /// <summary>An opinion letter on the annulled case, drafted by the Shenyang city body on 6 May 2025.</summary>
    public static InstrumentBuilder OpinionLetter()
    {
        var transition = SupervisionInstrument.DraftOpinionLetter("OL-2025-0001", AnnulledCase(), Letter, ShenyangBody, At(D(2025, 5, 6)));
        var (state, drafted) = transition.ShouldSucceed();
        return new InstrumentBuilder(state, drafted, D(2025, 5, 6));
    }

    /// <summary>The Dadong brigade's record after three procedure corrections, the last on 6 May 2025.</summary>
    public static AgencyBuilder AgencyWithPattern() =>
        Given.AgencyOn(D(2025, 5, 6)).Recorded(
            SupervisionFixture.Corrected("RC-1", D(2025, 3, 3)),
            SupervisionFixture.Corrected("RC-2", D(2025, 4, 1)),
            SupervisionFixture.Corrected("RC-3", D(2025, 5, 6)));

    /// <summary>The notice the pattern drafts, issued by the Dadong district justice bureau (county level) with a 30-day period.</summary>
    public static InstrumentBuilder PatternNotice()
    {
        var agency = AgencyWithPattern();
        var transition = SupervisionInstrument.DraftNotice(agency.State, agency.Patterns.Single(), SupervisionFixture.DadongOffice, SupervisionPeriods.Notice(), At(D(2025, 5, 6)));
        var (state, drafted) = transition.ShouldSucceed();
        return new InstrumentBuilder(state, drafted, D(2025, 5, 6));
    }

    /// <summary>The pattern notice, received on Monday 12 May 2025: the report is due on Wednesday 11 June.</summary>
    public static InstrumentBuilder ReceivedNotice() => PatternNotice().On(D(2025, 5, 8)).Issued().On(D(2025, 5, 12)).Received();
}
