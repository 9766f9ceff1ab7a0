using System.Text.Json;
using CaseGrains.Abstractions.Calendar;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Time;
using CaseGrains.Grains.Tests.Support;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace CaseGrains.Grains.Tests.Scheduling;

/// <summary>
/// The reminder ladder of every deadline kind, driven through the scheduler partitions on a clock the test moves: each
/// step fires on its day, once, is recorded in the case's history by the system, and an overdue period has the
/// consequence the law attaches. Every test makes its own case and only moves the clock forward, so the tests of a
/// class share one cluster.
/// </summary>
public abstract class DeadlineReminderSpecification(CaseCluster cluster)
{
    private ShiftedClock Clock => (ShiftedClock)cluster.Clock!;

    [Fact]
    public async Task The_review_period_warns_reminds_and_then_the_application_is_accepted_by_operation_of_law()
    {
        var (id, view) = await ReceiveAsync();
        var review = Deadline(view, DeadlineKind.Review);

        await TravelToAsync(await WarningDayAsync(review), ReminderStep.AdvanceWarning);
        Assert.Equal([(DeadlineKind.Review, ReminderStep.AdvanceWarning)], await StepsAsync(id));

        await TravelToAsync(review.DueOn, ReminderStep.DueToday);
        Assert.Equal([(DeadlineKind.Review, ReminderStep.AdvanceWarning), (DeadlineKind.Review, ReminderStep.DueToday)], await StepsAsync(id));
        Assert.Equal(CaseStatus.Received, (await GetAsync(id)).Case.Status);

        await TravelToAsync(review.DueOn.AddDays(1), ReminderStep.Overdue);
        var accepted = await GetAsync(id);
        Assert.Equal(CaseStatus.UnderReview, accepted.Case.Status);
        Assert.True(accepted.Case.AcceptedByOperationOfLaw);
        Assert.Equal(ReminderStep.Overdue, (await StepsAsync(id))[^1].Step);

        var history = await cluster.Store.ReadHistoryAsync(id);
        var overdue = history.Last(e => e.Action == "fireReminder");
        Assert.Equal("system", overdue.ActorUserId);
        Assert.Contains("acceptedByOperationOfLaw", overdue.PayloadJson, StringComparison.Ordinal);
        Assert.True((await cluster.Store.VerifyHistoryAsync(id)).Intact);
    }

    [Fact]
    public async Task A_missed_correction_period_abandons_the_application()
    {
        var (id, _) = await ReceiveAsync();
        var view = await PerformAsync(id, new RequestCorrection { MissingItems = ["身份证明"] });
        var correction = Deadline(view, DeadlineKind.Correction);

        await TravelToAsync(correction.DueOn, ReminderStep.DueToday);
        Assert.Equal(CaseStatus.AwaitingCorrection, (await GetAsync(id)).Case.Status);

        await TravelToAsync(correction.DueOn.AddDays(1), ReminderStep.Overdue);
        Assert.Equal(CaseStatus.Abandoned, (await GetAsync(id)).Case.Status);
        Assert.Contains((DeadlineKind.Correction, ReminderStep.Overdue), await StepsAsync(id));
    }

    [Fact]
    public async Task A_reply_overdue_records_that_the_act_is_treated_as_having_no_evidence()
    {
        var (id, _) = await ReceiveAsync();
        await PerformAsync(id, Samples.AcceptOrdinary);
        var view = await PerformAsync(id, new SendCopyToRespondent());
        var reply = Deadline(view, DeadlineKind.Reply);

        await TravelToAsync(reply.DueOn, ReminderStep.DueToday);
        Assert.False((await GetAsync(id)).Case.NoReplyRecorded);

        await TravelToAsync(reply.DueOn.AddDays(1), ReminderStep.Overdue);
        Assert.True((await GetAsync(id)).Case.NoReplyRecorded);
    }

    [Fact]
    public async Task An_overdue_decision_flags_the_case_and_is_addressed_to_the_head_of_the_body_and_the_supervision_office()
    {
        var (id, _) = await ReceiveAsync();
        var view = await PerformAsync(id, Samples.AcceptOrdinary);
        var decision = Deadline(view, DeadlineKind.Decision);

        await TravelToAsync(decision.DueOn.AddDays(1), ReminderStep.Overdue);

        Assert.True((await GetAsync(id)).Case.DecisionOverdue);
        var fired = (await cluster.Store.ReadHistoryAsync(id)).Where(e => e.Action == "fireReminder").Select(e => JsonDocument.Parse(e.PayloadJson).RootElement).ToList();
        var overdue = Assert.Single(fired, p => p.GetProperty("kind").GetString() == "decision" && p.GetProperty("step").GetString() == "overdue");
        Assert.Equal(["headOfBody", "supervisionOffice"], overdue.GetProperty("audiences").EnumerateArray().Select(a => a.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal("decisionOverdue", overdue.GetProperty("consequence").GetString());

        // Every earlier step of every deadline that ran was recorded too, each once.
        var steps = await StepsAsync(id);
        Assert.Equal(steps.Count, steps.Distinct().Count());
        Assert.Contains((DeadlineKind.CopyToRespondent, ReminderStep.Overdue), steps);
    }

    [Fact]
    public async Task A_hearing_notice_deadline_is_reminded_of_before_the_day_the_notice_must_go_out()
    {
        var (id, _) = await ReceiveAsync();
        await PerformAsync(id, Samples.AcceptOrdinary);
        var hearingOn = ChinaTime.Today(Clock).AddDays(30);
        var view = await PerformAsync(id, new ScheduleHearing { HearingOn = hearingOn });
        var notice = Deadline(view, DeadlineKind.HearingNotice);

        await TravelToAsync(notice.DueOn, ReminderStep.DueToday);

        Assert.Contains((DeadlineKind.HearingNotice, ReminderStep.DueToday), await StepsAsync(id));
        Assert.DoesNotContain((DeadlineKind.HearingNotice, ReminderStep.Overdue), await StepsAsync(id));
    }

    [Fact]
    public async Task The_same_delivery_twice_is_recorded_once_and_a_step_before_its_day_is_left_for_later()
    {
        var (id, view) = await ReceiveAsync();
        var review = Deadline(view, DeadlineKind.Review);
        var deadlines = cluster.Grains.GetGrain<ICaseDeadlinesGrain>(id);
        var overdue = new FireReminder { Kind = DeadlineKind.Review, DeadlineId = 0, Step = ReminderStep.Overdue, DueOn = review.DueOn };

        var early = await deadlines.FireReminder(overdue);
        Assert.Equal(SystemCommandOutcomeKind.NotDue, early.Kind);
        Assert.Equal(view.Version, (await GetAsync(id)).Version);

        Clock.TravelTo(ReminderPolicy.FireAt(ReminderStep.Overdue, review.DueOn.AddDays(1)));
        var first = await deadlines.FireReminder(overdue);
        var second = await deadlines.FireReminder(overdue);

        Assert.Equal(SystemCommandOutcomeKind.Recorded, first.Kind);
        Assert.Equal(SystemCommandOutcomeKind.Unchanged, second.Kind);
        Assert.Equal("reminder_already_fired", second.Code);
        Assert.Single(await StepsAsync(id));

        // The scheduler's own delivery of the same step afterwards changes nothing either.
        await TickAllAsync();
        Assert.Single(await StepsAsync(id), s => s.Step == ReminderStep.Overdue);
    }

    [Fact]
    public async Task A_tick_delivered_twice_fires_each_step_once()
    {
        var (id, view) = await ReceiveAsync();
        var review = Deadline(view, DeadlineKind.Review);
        Clock.TravelTo(ReminderPolicy.FireAt(ReminderStep.DueToday, review.DueOn));

        var partition = cluster.Grains.GetGrain<IDeadlineSchedulerGrain>(ReminderPartitions.Of(id));
        await Task.WhenAll(partition.Tick(), partition.Tick());
        await partition.Tick();

        // The warning was superseded by the due date (it would only repeat it late), so due-today is the one step.
        Assert.Equal([(DeadlineKind.Review, ReminderStep.DueToday)], await StepsAsync(id));
    }

    [Fact]
    public async Task Suspension_stops_the_decision_reminders_and_resumption_reschedules_them_with_the_days_left()
    {
        var (id, _) = await ReceiveAsync();
        var accepted = await PerformAsync(id, Samples.AcceptOrdinary);
        var decision = Deadline(accepted, DeadlineKind.Decision);
        var decisionId = accepted.Deadlines.ToList().FindIndex(d => d.Kind == DeadlineKind.Decision);
        await PerformAsync(id, new Suspend { Ground = SuspensionGround.ForceMajeure });

        Assert.DoesNotContain(await ScheduleAsync(id), e => e.DeadlineId == decisionId);
        await TravelToAsync(decision.DueOn.AddDays(1), ReminderStep.Overdue);
        Assert.DoesNotContain(await StepsAsync(id), s => s.Kind == DeadlineKind.Decision);
        Assert.False((await GetAsync(id)).Case.DecisionOverdue);

        var resumed = await PerformAsync(id, new Resume());
        var rescheduled = Deadline(resumed, DeadlineKind.Decision);
        Assert.True(rescheduled.DueOn > decision.DueOn);
        Assert.Contains(await ScheduleAsync(id), e => e.DeadlineId == decisionId && e.DueOn == rescheduled.DueOn && e.Step == "overdue");
    }

    [Fact]
    public async Task A_newly_loaded_holiday_year_moves_the_deadlines_counted_across_it_and_their_reminders()
    {
        var (id, _) = await ReceiveAsync();
        var accepted = await PerformAsync(id, Samples.AcceptOrdinary);
        var decision = Deadline(accepted, DeadlineKind.Decision);
        var year = decision.DueOn.Year;
        Assert.True(decision.Provisional, $"The calendar already has {year}; this test needs a decision period counted across a year not yet loaded.");

        var calendar = cluster.Grains.GetGrain<ICalendarGrain>(ICalendarGrain.Key);
        await calendar.LoadYear(new HolidayYear(year, [new(decision.DueOn, "测试假日")], []), Samples.Head with { Role = Domain.Access.Role.Administrator });
        Clock.TravelTo(Clock.GetUtcNow().AddSeconds(6));

        var outcome = await cluster.Grains.GetGrain<ICaseDeadlinesGrain>(id).RecomputeDeadlines();

        Assert.Equal(SystemCommandOutcomeKind.Recorded, outcome.Kind);
        Assert.True(outcome.ChangedDeadlines >= 1);
        var moved = Deadline(await GetAsync(id), DeadlineKind.Decision);
        Assert.False(moved.Provisional);
        Assert.Contains(await ScheduleAsync(id), e => e.Kind == "decision" && e.DueOn == moved.DueOn);
        Assert.Equal(SystemCommandOutcomeKind.Unchanged, (await cluster.Grains.GetGrain<ICaseDeadlinesGrain>(id).RecomputeDeadlines()).Kind);
    }

    private async Task<(string Id, CaseView View)> ReceiveAsync()
    {
        var id = Samples.NewCaseId();
        var application = Samples.TrafficFineOnTheClock(Clock);
        var view = (await cluster.Grains.GetGrain<IReconsiderationCaseGrain>(id).Receive(application, Samples.By(Samples.Clerk))).Succeeded();
        return (id, view);
    }

    private async Task<CaseView> PerformAsync(string id, CaseCommand command) =>
        (await cluster.Grains.GetGrain<IReconsiderationCaseGrain>(id).Perform(command, Samples.By(command is Accept or Decide ? Samples.Reviewer : Samples.Clerk))).Succeeded();

    private async Task<CaseView> GetAsync(string id) => (await cluster.Grains.GetGrain<IReconsiderationCaseGrain>(id).Get(Samples.Head)).Succeeded();

    private static DeadlineView Deadline(CaseView view, DeadlineKind kind) => view.Deadlines.Last(d => d.Kind == kind);

    private async Task<DateOnly> WarningDayAsync(DeadlineView deadline)
    {
        var calendar = (await cluster.Grains.GetGrain<ICalendarGrain>(ICalendarGrain.Key).GetArrangements()).ToCalendar();
        return calendar.SubtractWorkingDays(deadline.DueOn, ReminderPolicy.DefaultAdvanceWarningDays).Date;
    }

    /// <summary>Moves the clock to the moment <paramref name="step"/> fires on <paramref name="on"/> and runs every
    /// partition once, as their timers would.</summary>
    private async Task TravelToAsync(DateOnly on, ReminderStep step)
    {
        Clock.TravelTo(ReminderPolicy.FireAt(step, on));
        await TickAllAsync();
    }

    private async Task TickAllAsync() =>
        await Task.WhenAll(Enumerable.Range(0, ReminderPartitions.Count).Select(p => cluster.Grains.GetGrain<IDeadlineSchedulerGrain>(p).Tick()));

    /// <summary>The reminder steps the case recorded, in order.</summary>
    private async Task<List<(DeadlineKind Kind, ReminderStep Step)>> StepsAsync(string id) =>
        [.. (await cluster.Store.ReadHistoryAsync(id))
            .Where(e => e.Action == "fireReminder")
            .Select(e => JsonDocument.Parse(e.PayloadJson).RootElement)
            .Select(p => (Enum.Parse<DeadlineKind>(p.GetProperty("kind").GetString()!, ignoreCase: true), Enum.Parse<ReminderStep>(p.GetProperty("step").GetString()!, ignoreCase: true)))];

    /// <summary>The case's rows of the deadline index.</summary>
    private async Task<List<ScheduleEntry>> ScheduleAsync(string id)
    {
        var index = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderIndex>();
        var all = await index.DueAsync(ReminderPartitions.Of(id), DateTimeOffset.MaxValue.AddYears(-1), 100_000);
        return [.. all.Where(e => e.CaseId == id)];
    }
}

public sealed class InMemoryDeadlineReminderTests(ScheduledInMemoryCaseCluster cluster)
    : DeadlineReminderSpecification(cluster), IClassFixture<ScheduledInMemoryCaseCluster>;

public sealed class PostgresDeadlineReminderTests(ScheduledPostgresCaseCluster cluster)
    : DeadlineReminderSpecification(cluster), IClassFixture<ScheduledPostgresCaseCluster>;
