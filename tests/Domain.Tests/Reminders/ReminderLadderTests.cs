using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Tests.Cases.Support;
using Kind = CaseGrains.Domain.Deadlines.DeadlineKind;
using static CaseGrains.Domain.Deadlines.Reminders.ReminderStep;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Reminders;

/// <summary>The reminder ladder of every kind of deadline on the shipped 2025/2026 calendar, counted by hand.</summary>
public sealed class ReminderLadderTests
{
    private static IEnumerable<(DeadlineKind, ReminderStep, DateOnly)> Steps(CaseBuilder builder, ReminderPolicy? policy = null) =>
        builder.Ladder(policy).Select(r => (r.Kind, r.Step, r.On));

    private static CaseBuilder ReceivedBeforeTheSpringFestival() => Given.CaseReceivedOn(D(2025, 1, 24));

    [Fact]
    public void A_review_received_before_the_Spring_Festival_warns_on_the_last_working_day_before_the_holiday()
    {
        // Received Fri 24 Jan 2025: Sun 26 Jan (worked in lieu) and Mon 27 Jan count, 28 Jan-4 Feb are off, then 5, 6, 7 Feb:
        // due Fri 7 Feb. Three working days back from 7 Feb: 6 Feb, 5 Feb, then over the holiday to Mon 27 Jan.
        var ladder = ReceivedBeforeTheSpringFestival().Ladder();

        Assert.Equal(
            [(Kind.Review, AdvanceWarning, D(2025, 1, 27)), (Kind.Review, DueToday, D(2025, 2, 7)), (Kind.Review, Overdue, D(2025, 2, 8))],
            ladder.Select(r => (r.Kind, r.Step, r.On)));
        Assert.All(ladder, r => Assert.Equal(("FY-2025-0001", 0, D(2025, 2, 7), false), (r.CaseId, r.DeadlineId, r.DueOn, r.Provisional)));

        // 08:30 Beijing is 00:30 UTC; the overdue step fires at midnight Beijing, 16:00 UTC the evening before.
        Assert.Equal(
            [Utc(2025, 1, 27, 0, 30), Utc(2025, 2, 7, 0, 30), Utc(2025, 2, 7, 16, 0)],
            ladder.Select(r => r.FireAt));
    }

    [Fact]
    public void A_warning_may_fall_on_a_Saturday_worked_in_lieu()
    {
        // Received Wed 11 Feb 2026: 12, 13, Sat 14 Feb (worked in lieu), 15-23 Feb off, 24, 25 Feb: due Wed 25 Feb.
        var builder = Given.CaseReceivedOn(D(2026, 2, 11));

        Assert.Equal(D(2026, 2, 13), builder.Scheduled(Kind.Review, AdvanceWarning).On);
        Assert.Equal(
            (Kind.Review, AdvanceWarning, D(2026, 2, 14)),
            Steps(builder, ReminderPolicy.Default.WithAdvanceWarningDays(Kind.Review, 2)).First());
    }

    [Fact]
    public void The_correction_period_replaces_the_review_ladder()
    {
        // Requested Mon 27 Jan: 5, 6, 7, Sat 8 (worked in lieu), 10-14, 17 Feb: due Mon 17 Feb; warning Wed 12 Feb.
        var builder = ReceivedBeforeTheSpringFestival().On(D(2025, 1, 27)).CorrectionRequested();

        Assert.Equal(
            [(Kind.Correction, AdvanceWarning, D(2025, 2, 12)), (Kind.Correction, DueToday, D(2025, 2, 17)), (Kind.Correction, Overdue, D(2025, 2, 18))],
            Steps(builder));
        Assert.All(builder.Ladder(), r => Assert.Equal(1, r.DeadlineId));
    }

    [Fact]
    public void Acceptance_starts_the_copy_and_decision_ladders_in_order_of_firing()
    {
        // Copy: due Mon 17 Feb, warning Wed 12 Feb. Decision: 60 days from 7 Feb is Tue 8 Apr; three working days back
        // skip Qingming (4-6 Apr): 7, 3, 2 Apr.
        var builder = ReceivedBeforeTheSpringFestival().On(D(2025, 2, 7)).Accepted();

        Assert.Equal(
            [
                (Kind.CopyToRespondent, AdvanceWarning, D(2025, 2, 12)), (Kind.CopyToRespondent, DueToday, D(2025, 2, 17)),
                (Kind.CopyToRespondent, Overdue, D(2025, 2, 18)), (Kind.Decision, AdvanceWarning, D(2025, 4, 2)),
                (Kind.Decision, DueToday, D(2025, 4, 8)), (Kind.Decision, Overdue, D(2025, 4, 9)),
            ],
            Steps(builder));
        Assert.Equal([1, 1, 1, 2, 2, 2], builder.Ladder().Select(r => r.DeadlineId));
    }

    [Fact]
    public void The_reply_ladder_runs_from_the_day_the_respondent_received_the_copy()
    {
        // Received by the respondent Mon 10 Feb: ten working days is Mon 24 Feb; warning Wed 19 Feb.
        var builder = ReceivedBeforeTheSpringFestival().On(D(2025, 2, 7)).Accepted().On(D(2025, 2, 10)).CopySent();

        Assert.Equal(
            [(Kind.Reply, AdvanceWarning, D(2025, 2, 19)), (Kind.Reply, DueToday, D(2025, 2, 24)), (Kind.Reply, Overdue, D(2025, 2, 25))],
            Steps(builder).Where(s => s.Item1 == Kind.Reply));
        Assert.DoesNotContain(builder.Ladder(), r => r.Kind == Kind.CopyToRespondent);
    }

    [Fact]
    public void The_hearing_notice_ladder_is_counted_back_from_the_hearing()
    {
        // Hearing Mon 31 Mar: notice due Mon 24 Mar (five working days before), warning Wed 19 Mar. Decision due Tue 6 May
        // (2 May is in the Labour Day holiday); its warning skips 1-5 May: 30, 29, 28 Apr.
        var builder = CaseStates.Named("hearingScheduled");

        Assert.Equal(
            [
                (Kind.HearingNotice, AdvanceWarning, D(2025, 3, 19)), (Kind.HearingNotice, DueToday, D(2025, 3, 24)),
                (Kind.HearingNotice, Overdue, D(2025, 3, 25)), (Kind.Decision, AdvanceWarning, D(2025, 4, 28)),
                (Kind.Decision, DueToday, D(2025, 5, 6)), (Kind.Decision, Overdue, D(2025, 5, 7)),
            ],
            Steps(builder));
    }

    [Fact]
    public void A_moved_hearing_has_a_new_notice_ladder_and_the_old_one_is_gone()
    {
        // Moved on 5 Mar to Mon 14 Apr: notice due Mon 7 Apr (11, 10, 9, 8, 7 Apr); warning back over Qingming: 3, 2, 1 Apr.
        var builder = CaseStates.Named("hearingScheduled").On(D(2025, 3, 5)).HearingScheduledFor(D(2025, 4, 14));

        var notice = builder.Ladder().Where(r => r.Kind == Kind.HearingNotice).ToList();
        Assert.Equal([D(2025, 4, 1), D(2025, 4, 7), D(2025, 4, 8)], notice.Select(r => r.On));
        Assert.All(notice, r => Assert.Equal(builder.State.Deadlines.Count - 1, r.DeadlineId));
    }

    [Fact]
    public void A_warning_that_would_fall_on_or_before_the_day_the_period_started_is_skipped()
    {
        // Simplified: the copy is due in three working days (Thu 6 Mar from Mon 3 Mar); three back is 3 Mar itself.
        var builder = Given.CaseReceivedOn(D(2025, 3, 3)).AcceptedSimplified();

        Assert.Equal(
            [(Kind.CopyToRespondent, DueToday, D(2025, 3, 6)), (Kind.CopyToRespondent, Overdue, D(2025, 3, 7)), (Kind.Decision, AdvanceWarning, D(2025, 3, 28))],
            Steps(builder).Take(3));

        // Two working days ahead falls on Tue 4 Mar, after the start: kept.
        Assert.Equal(
            (Kind.CopyToRespondent, AdvanceWarning, D(2025, 3, 4)),
            Steps(builder, ReminderPolicy.Default.WithAdvanceWarningDays(Kind.CopyToRespondent, 2)).First());
    }

    [Fact]
    public void A_kind_with_no_advance_warning_has_only_due_today_and_overdue()
    {
        var builder = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted();

        Assert.Equal(
            [(Kind.Decision, DueToday, D(2025, 5, 6)), (Kind.Decision, Overdue, D(2025, 5, 7))],
            Steps(builder, ReminderPolicy.Default.WithAdvanceWarningDays(Kind.Decision, 0)).Where(s => s.Item1 == Kind.Decision));
    }

    [Fact]
    public void A_longer_warning_for_the_decision_is_counted_in_working_days()
    {
        // Ten working days before Tue 6 May 2025: 30, 29, 28, Sun 27 Apr (worked in lieu), 25, 24, 23, 22, 21, 18 Apr.
        var builder = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted();

        Assert.Equal(
            D(2025, 4, 18),
            builder.Ladder(ReminderPolicy.Default.WithAdvanceWarningDays(Kind.Decision, 10)).Single(r => r.Kind == Kind.Decision && r.Step == AdvanceWarning).On);
    }

    [Fact]
    public void A_suspended_case_has_no_reminders_and_resumption_reschedules_them_with_the_days_left()
    {
        var builder = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().On(D(2025, 3, 5)).Suspended();
        Assert.Empty(builder.Ladder());

        // Resumed Mon 14 Apr: copy due Mon 21 Apr (five working days left), warning Wed 16 Apr; decision due Wed 11 Jun
        // (58 days left), warning Fri 6 Jun.
        builder.On(D(2025, 4, 14)).Then(new Resume());

        Assert.Equal(
            [
                (Kind.CopyToRespondent, AdvanceWarning, D(2025, 4, 16)), (Kind.CopyToRespondent, DueToday, D(2025, 4, 21)),
                (Kind.CopyToRespondent, Overdue, D(2025, 4, 22)), (Kind.Decision, AdvanceWarning, D(2025, 6, 6)),
                (Kind.Decision, DueToday, D(2025, 6, 11)), (Kind.Decision, Overdue, D(2025, 6, 12)),
            ],
            Steps(builder));
    }

    [Fact]
    public void After_resumption_a_warning_that_would_fall_before_it_is_skipped()
    {
        // Suspended Mon 10 Mar after five of the seven working days; resumed Mon 14 Apr with two left: due Wed 16 Apr. Three
        // working days back is Fri 11 Apr, before the resumption.
        var builder = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().On(D(2025, 3, 10)).Suspended().On(D(2025, 4, 14)).Then(new Resume());

        Assert.Equal(
            [(Kind.CopyToRespondent, DueToday, D(2025, 4, 16)), (Kind.CopyToRespondent, Overdue, D(2025, 4, 17))],
            Steps(builder).Where(s => s.Item1 == Kind.CopyToRespondent));
    }

    [Fact]
    public void An_extension_moves_the_decision_ladder_even_after_its_warning_fired()
    {
        var builder = CaseStates.Named("heard").Fired(Kind.Decision, AdvanceWarning);
        Assert.Equal(D(2025, 4, 28), builder.Today);
        Assert.DoesNotContain(builder.Ladder(), r => r.Step == AdvanceWarning);

        // Extended by 30 days: 90 from 3 Mar is Sun 1 Jun, in the Dragon Boat holiday, so Tue 3 Jun; warning 30, 29, 28 May.
        builder.On(D(2025, 4, 29)).Then(new Extend { Days = 30, ApprovedBy = "李主任" });

        Assert.Equal(
            [(Kind.Decision, AdvanceWarning, D(2025, 5, 28)), (Kind.Decision, DueToday, D(2025, 6, 3)), (Kind.Decision, Overdue, D(2025, 6, 4))],
            Steps(builder));
        Assert.Equal(D(2025, 5, 6), Assert.Single(builder.State.FiredReminders).DueOn);
    }

    [Fact]
    public void A_fired_step_is_not_scheduled_again()
    {
        var builder = ReceivedBeforeTheSpringFestival().Fired(Kind.Review, AdvanceWarning);

        Assert.Equal([(Kind.Review, DueToday, D(2025, 2, 7)), (Kind.Review, Overdue, D(2025, 2, 8))], Steps(builder));
    }

    [Fact]
    public void Once_a_later_step_fired_the_earlier_ones_are_not_scheduled_either()
    {
        // The scheduler was down from before the copy's warning until after its due date: only overdue is delivered.
        var builder = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().Fired(Kind.CopyToRespondent, Overdue);

        Assert.Equal(DeadlinePhase.Running, builder.State.CurrentDeadline(Kind.CopyToRespondent)!.Phase);
        Assert.DoesNotContain(builder.Ladder(), r => r.Kind == Kind.CopyToRespondent);
    }

    [Theory]
    [InlineData("decided")]
    [InlineData("mediated")]
    [InlineData("terminated")]
    [InlineData("notAccepted")]
    [InlineData("abandoned")]
    [InlineData("resolvedBeforeFiling")]
    [InlineData("closedAfterDecision")]
    [InlineData("closedAfterWithdrawal")]
    [InlineData("suspended")]
    public void A_case_with_no_running_deadline_has_no_reminders(string state)
    {
        Assert.Empty(CaseStates.Named(state).Ladder());
    }

    [Fact]
    public void The_overdue_step_of_a_missed_period_stays_scheduled_until_it_fires()
    {
        // Nobody reviewed the application: on 1 March the review is long overdue and still running.
        var builder = ReceivedBeforeTheSpringFestival().On(D(2025, 3, 1));

        Assert.Equal(DeadlineStatus.Missed, builder.State.CurrentDeadline(Kind.Review)!.StatusOn(builder.Today));
        Assert.Equal(3, builder.Ladder().Count);
    }

    [Fact]
    public void A_deadline_running_into_a_year_with_no_arrangement_is_scheduled_as_provisional()
    {
        // Received Thu 31 Dec 2026; 2027 is not loaded, so 1 Jan counts: due Thu 7 Jan, warning Mon 4 Jan.
        var ladder = Given.CaseReceivedOn(D(2026, 12, 31)).Ladder();

        Assert.Equal([D(2027, 1, 4), D(2027, 1, 7), D(2027, 1, 8)], ladder.Select(r => r.On));
        Assert.All(ladder, r => Assert.True(r.Provisional));
    }

    [Fact]
    public void A_scheduled_step_is_delivered_as_the_command_that_fires_it()
    {
        var reminder = ReceivedBeforeTheSpringFestival().Scheduled(Kind.Review, Overdue);

        Assert.Equal(new FireReminder { Kind = Kind.Review, DeadlineId = 0, Step = Overdue, DueOn = D(2025, 2, 7) }, reminder.ToCommand());
    }

    [Fact]
    public void Steps_that_fire_at_the_same_moment_come_in_the_order_of_their_deadlines()
    {
        // Two periods of an instrument, both due Fri 7 Feb 2025: every step of one fires with the same step of the other.
        Deadline DueOnThe7th(Kind kind) => new()
        {
            Kind = kind, Basis = "test", Unit = DeadlineUnit.WorkingDays, Length = 5,
            StartedOn = D(2025, 1, 24), SegmentStartedOn = D(2025, 1, 24), DueOn = D(2025, 2, 7),
        };

        var ladder = ReminderLadder.For("DB-1", [DueOnThe7th(Kind.Review), DueOnThe7th(Kind.Correction)], [], ReminderPolicy.Default, ShippedCalendar);

        Assert.Equal(
            [(0, AdvanceWarning), (1, AdvanceWarning), (0, DueToday), (1, DueToday), (0, Overdue), (1, Overdue)],
            ladder.Select(r => (r.DeadlineId, r.Step)));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
