using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Domain.Tests.Supervision.Support;
using CaseGrains.Domain.Time;
using CaseGrains.Domain.Workflow;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Complaints.Support;

/// <summary>Drives a complaint through commands on a movable clock; every step must succeed.</summary>
internal sealed class ComplaintBuilder(EnforcementComplaint state, ComplaintEvent received, DateOnly today)
{
    private readonly List<ComplaintEvent> events = [received];

    public EnforcementComplaint State { get; private set; } = state;

    public IReadOnlyList<ComplaintEvent> Events => events;

    public DateOnly Today { get; private set; } = today;

    public ComplaintBuilder On(DateOnly day)
    {
        Today = day;
        return this;
    }

    public ComplaintBuilder Then(ComplaintCommand command)
    {
        (State, var @event) = When(command).ShouldSucceed();
        events.Add(@event);
        return this;
    }

    /// <summary>Ten in the morning of <see cref="Today"/>, Beijing time.</summary>
    public Transition<EnforcementComplaint, ComplaintEvent> When(ComplaintCommand command) => WhenAt(At(Today).Now, command);

    public Transition<EnforcementComplaint, ComplaintEvent> WhenAt(DateTimeOffset now, ComplaintCommand command) =>
        State.Handle(command, new CaseContext(now, ShippedCalendar));

    public IReadOnlyList<ScheduledReminder> Ladder() => ComplaintReminders.For(State, ReminderPolicy.Default, ShippedCalendar);

    public ScheduledReminder Scheduled(ReminderStep step) => Ladder().Single(r => r.Kind == DeadlineKind.ComplaintAnswer && r.Step == step);

    /// <summary>Delivers the scheduled step at the instant it is due and moves the clock to that day.</summary>
    public ComplaintBuilder Fired(ReminderStep step)
    {
        var reminder = Scheduled(step);
        Today = ChinaTime.DateOf(reminder.FireAt);
        (State, var @event) = WhenAt(reminder.FireAt, ComplaintReminders.ToCommand(reminder)).ShouldSucceed();
        events.Add(@event);
        return this;
    }

    public ComplaintBuilder Verified() => Then(new VerifyComplaint { Summary = "属于交通警察大队的行政执法行为，予以受理" });

    public ComplaintBuilder Substantiated() => Then(Complaints.Substantiated);

    public ComplaintBuilder Answered() => Then(new AnswerComplainant { Summary = "经查属实，已责令纠正" });
}

/// <summary>Complaints about the Dadong traffic-police brigade, handled by the Dadong district justice bureau.</summary>
internal static class Complaints
{
    public static readonly ComplaintRouting Routing = new(SupervisionFixture.Agency, SupervisionFixture.AgencyPath, "S-" + LiaoningDemo.Dadong);

    public static ReceiveComplaint Complaint(DateOnly receivedOn) => new()
    {
        Kind = ComplaintKind.Complaint,
        Complainant = new() { Name = "李四", Phone = " 13912345678 " },
        AgencyId = SupervisionFixture.Agency.Id,
        Conduct = "执法人员未出示执法证件即扣押车辆",
        ReceivedOn = receivedOn,
    };

    public static readonly HandleComplaint Substantiated = new()
    {
        Substantiated = true,
        Flaws = [FlawKind.Procedure],
        CorrectiveAction = "责令退还扣押车辆，对相关执法人员批评教育",
        LegalBasis = "《中华人民共和国行政处罚法》第五十五条",
        Summary = "经调取执法记录仪视频，执法人员未出示执法证件，投诉属实",
    };

    public static ComplaintBuilder ReceivedOn(DateOnly day, Func<ReceiveComplaint, ReceiveComplaint>? change = null)
    {
        var command = change is null ? Complaint(day) : change(Complaint(day));
        var (state, received) = EnforcementComplaint.Receive("TS-2025-0001", command, Routing, ComplaintPeriods.Answer(), At(day)).ShouldSucceed();
        return new ComplaintBuilder(state, received, day);
    }
}
