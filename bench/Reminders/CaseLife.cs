using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Time;

namespace CaseGrains.Bench.Reminders;

/// <summary>
/// A course a case of the data set has taken up to T (<see cref="BenchTimeline.DueAt"/>): received on a day, then the
/// body's actions, each on a later day. <see cref="Live"/> plays it through the domain exactly as the case grain would
/// (<see cref="ReconsiderationCase.Receive"/>, <see cref="ReconsiderationCase.Handle"/>), recording on the way every
/// reminder step that came due before T as the scheduler records it, a few seconds after its time. So the stored state,
/// history and remaining ladder are the platform's own, not an imitation of them.
/// </summary>
public sealed record CaseLife(string Name, DateOnly ReceivedOn, IReadOnlyList<(DateOnly On, CaseCommand Command)> Actions)
{
    /// <summary>Received five working days before the due day: the review period (Art. 30) runs out on it. Its advance
    /// warning fired two working days ago; its due-today step fires at T.</summary>
    public static CaseLife DueAtT { get; } = new("review due at T", new(2026, 3, 10), []);

    /// <summary>Open cases whose next step fires a day or more after T, in three stages of the procedure.</summary>
    public static IReadOnlyList<CaseLife> NotDue { get; } =
    [
        // Review period due 23 March; its advance warning fires on 18 March.
        new("received the day before", new(2026, 3, 16), []),

        // Accepted: the copy period (7 working days) and the decision period (60 days) run.
        new("accepted, copy to send", new(2026, 3, 13), [(new(2026, 3, 16), Accept())]),

        // Reply in: only the decision period runs (due 27 March). The copy and reply periods' warnings fired on the way.
        new("reply received, decision pending", new(2026, 1, 23), [
            (new(2026, 1, 26), Accept()),
            (new(2026, 1, 27), new SendCopyToRespondent()),
            (new(2026, 2, 9), new RecordReply()),
        ]),
    ];

    /// <summary>Who the history names for the steps the scheduler recorded: user and organisation, as the case grain
    /// names the deadline machinery.</summary>
    public const string SystemActor = "system";

    public LivedCase Live(string caseId, Applicant applicant, IntakeRoute route, WorkingDayCalendar calendar, Random random)
    {
        var commits = new List<LifeCommit>();
        var receivedAt = DuringOfficeHours(ReceivedOn, random);
        var application = new ReceiveApplication
        {
            Applicant = applicant,
            RespondentAgencyId = route.Routing.RespondentAgency.Id,
            ChallengedAct = new ChallengedAct
            {
                Description = $"{route.Routing.RespondentAgency.Name}行政处罚决定书（第{random.Next(1000, 9999)}号）",
                ActOn = ReceivedOn.AddDays(-10),
                KnownOn = ReceivedOn.AddDays(-10),
                PenaltyKind = PenaltyKind.Fine,
                AmountYuan = 50 * random.Next(1, 200),
            },
            Claims = "撤销该行政处罚决定",
            Channel = route.Channel,
            IntakePointId = route.Routing.IntakePoint.Id,
            EnterpriseRelated = route.Channel == ApplicationChannel.GreenChannel,
        };
        var received = ReconsiderationCase.Receive(caseId, application, route.Routing, new CaseContext(receivedAt, calendar));
        var state = Commit(received, receivedAt, route.Clerk.UserId, route.Clerk.OrganisationId, null, commits);
        foreach (var (on, command) in Actions)
        {
            var at = DuringOfficeHours(on, random);
            state = FireStepsBefore(state, at, calendar, random, commits);
            at = Later(at, commits);
            var handled = state.Handle(command, new CaseContext(at, calendar));
            state = Commit(handled, at, route.Officer.UserId, route.Officer.OrganisationId, command.Reason, commits);
        }

        return new LivedCase(FireStepsBefore(state, BenchTimeline.DueAt, calendar, random, commits), commits);
    }

    private static Accept Accept() => new() { Procedure = CaseProcedure.Ordinary, Reason = "材料齐全，符合受理条件" };

    /// <summary>Records, in order, every step of the case's ladder whose time is before <paramref name="until"/>.</summary>
    private ReconsiderationCase FireStepsBefore(
        ReconsiderationCase state, DateTimeOffset until, WorkingDayCalendar calendar, Random random, List<LifeCommit> commits)
    {
        while (ReminderLadder.For(state, ReminderPolicy.Default, calendar) is [var next, ..] && next.FireAt < until)
        {
            var at = Later(next.FireAt.AddSeconds(random.Next(1, 60)), commits);
            state = Commit(state.Handle(next.ToCommand(), new CaseContext(at, calendar)), at, SystemActor, SystemActor, null, commits);
        }

        return state;
    }

    private ReconsiderationCase Commit(
        CaseTransition transition, DateTimeOffset at, string actorUserId, string actorOrganisationId, string? reason, List<LifeCommit> commits)
    {
        if (!transition.IsSuccess)
        {
            throw new InvalidOperationException(
                $"The case life '{Name}' is not a valid course of a case: {transition.Refusal.Code} ({transition.Refusal.Detail}).");
        }

        commits.Add(new LifeCommit(transition.Event, at, actorUserId, actorOrganisationId, reason));
        return transition.State;
    }

    /// <summary>A whole second between 09:00 and 17:00 Beijing time: the history stores microseconds, so whole seconds
    /// hash the same in C# and in PostgreSQL.</summary>
    private static DateTimeOffset DuringOfficeHours(DateOnly on, Random random) =>
        new DateTimeOffset(on, new TimeOnly(9, 0), ChinaTime.Offset).AddSeconds(random.Next(0, 8 * 3600)).ToUniversalTime();

    /// <summary>History times strictly increase within a case.</summary>
    private static DateTimeOffset Later(DateTimeOffset at, List<LifeCommit> commits) =>
        commits.Count > 0 && at <= commits[^1].At ? commits[^1].At.AddSeconds(1) : at;
}
