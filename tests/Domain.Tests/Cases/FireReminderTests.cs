using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Deadlines.Reminders.ReminderStep;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;
using Kind = CaseGrains.Domain.Deadlines.DeadlineKind;

namespace CaseGrains.Domain.Tests.Cases;

/// <summary>Delivery is at least once; the case records each step once per deadline and due date, and every other
/// delivery changes nothing, so that the grain writes nothing for it.</summary>
public sealed class FireReminderTests
{
    private static CaseBuilder ReceivedOnJanuary24() => Given.CaseReceivedOn(D(2025, 1, 24));

    [Fact]
    public void A_warning_is_recorded_with_who_must_be_told()
    {
        var builder = ReceivedOnJanuary24();
        var reminder = builder.Scheduled(Kind.Review, AdvanceWarning);

        var transition = builder.WhenAt(reminder.FireAt, reminder.ToCommand());

        var fired = transition.ShouldRecord<ReminderFired>();
        Assert.Equal(
            new ReminderFired
            {
                Kind = Kind.Review, DeadlineId = 0, Step = AdvanceWarning, DueOn = D(2025, 2, 7), FiredOn = D(2025, 1, 27),
                Audiences = fired.Audiences,
            },
            fired);
        Assert.Equal([NotificationAudience.CaseOfficers], fired.Audiences);
        Assert.Equal(CaseActionName.FireReminder, fired.Action);
        Assert.Equal(
            new FiredReminder { DeadlineId = 0, Kind = Kind.Review, Step = AdvanceWarning, DueOn = D(2025, 2, 7), FiredOn = D(2025, 1, 27) },
            Assert.Single(transition.State!.FiredReminders));
        Assert.Equal(CaseStatus.Received, transition.State.Status);
    }

    [Fact]
    public void Due_today_is_recorded_on_the_due_date_for_the_case_officers()
    {
        var fired = Assert.IsType<ReminderFired>(ReceivedOnJanuary24().Fired(Kind.Review, DueToday).Events[^1]);

        Assert.Equal((DueToday, D(2025, 2, 7), null), (fired.Step, fired.FiredOn, fired.Consequence));
        Assert.Equal([NotificationAudience.CaseOfficers], fired.Audiences);
    }

    [Fact]
    public void The_same_step_delivered_twice_is_recorded_once()
    {
        var builder = ReceivedOnJanuary24();
        var reminder = builder.Scheduled(Kind.Review, AdvanceWarning);
        builder.Delivered(reminder);

        builder.WhenAt(reminder.FireAt.AddMinutes(5), reminder.ToCommand()).ShouldBeUnchanged(builder.State, "reminder_already_fired");
    }

    [Fact]
    public void An_overdue_step_delivered_twice_applies_its_consequence_once()
    {
        var builder = ReceivedOnJanuary24();
        var reminder = builder.Scheduled(Kind.Review, Overdue);
        builder.Delivered(reminder);
        var accepted = builder.State;

        builder.On(D(2025, 2, 9)).When(reminder.ToCommand()).ShouldBeUnchanged(accepted, "reminder_already_fired");
        Assert.Single(builder.State.FiredReminders);
    }

    [Fact]
    public void A_delivery_for_a_due_date_the_extension_moved_is_stale()
    {
        var builder = CaseStates.Named("heard");
        var dueToday = builder.Scheduled(Kind.Decision, DueToday);
        builder.On(D(2025, 4, 29)).Then(new Extend { Days = 30, ApprovedBy = "李主任" });

        var refusal = builder.WhenAt(dueToday.FireAt, dueToday.ToCommand()).ShouldBeUnchanged(builder.State, "reminder_stale");

        Assert.Contains("2025-06-03", refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delivery_scheduled_before_a_suspension_is_stale_after_resumption()
    {
        var builder = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted();
        var warning = builder.Scheduled(Kind.CopyToRespondent, AdvanceWarning);
        builder.On(D(2025, 3, 5)).Suspended().On(D(2025, 4, 14)).Then(new Resume());

        builder.When(warning.ToCommand()).ShouldBeUnchanged(builder.State, "reminder_stale");
    }

    [Fact]
    public void A_paused_deadline_is_not_reminded_of()
    {
        var builder = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted();
        var warning = builder.Scheduled(Kind.CopyToRespondent, AdvanceWarning);
        builder.On(D(2025, 3, 5)).Suspended();

        builder.WhenAt(warning.FireAt, warning.ToCommand()).ShouldBeUnchanged(builder.State, "deadline_not_running");
    }

    [Fact]
    public void A_met_deadline_is_not_reminded_of()
    {
        var builder = ReceivedOnJanuary24();
        var dueToday = builder.Scheduled(Kind.Review, DueToday);
        builder.On(D(2025, 2, 5)).Accepted();

        builder.WhenAt(dueToday.FireAt, dueToday.ToCommand()).ShouldBeUnchanged(builder.State, "deadline_not_running");
    }

    [Fact]
    public void The_cancelled_review_does_not_deem_an_application_awaiting_correction_accepted()
    {
        var builder = ReceivedOnJanuary24();
        var overdue = builder.Scheduled(Kind.Review, Overdue);
        builder.On(D(2025, 1, 27)).CorrectionRequested();

        builder.WhenAt(overdue.FireAt, overdue.ToCommand()).ShouldBeUnchanged(builder.State, "deadline_not_running");
        Assert.Equal(CaseStatus.AwaitingCorrection, builder.State.Status);
    }

    [Fact]
    public void A_case_that_ended_is_not_reminded_of_anything()
    {
        var builder = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted();
        var overdue = builder.Scheduled(Kind.Decision, Overdue);
        builder.Then(new Withdraw()).Then(new Close());

        builder.WhenAt(overdue.FireAt, overdue.ToCommand()).ShouldBeUnchanged(builder.State, "deadline_not_running");
    }

    [Fact]
    public void Overdue_delivered_before_the_period_has_fully_run_is_refused_so_that_it_is_retried()
    {
        var builder = ReceivedOnJanuary24();
        var overdue = builder.Scheduled(Kind.Review, Overdue);

        // One second before midnight Beijing time on the due date.
        var transition = builder.WhenAt(overdue.FireAt.AddSeconds(-1), overdue.ToCommand());

        transition.ShouldViolate("reminder_not_due", "第三十条");
        Assert.False(transition.IsUnchanged);
    }

    [Fact]
    public void Due_today_delivered_the_day_before_is_refused()
    {
        var builder = ReceivedOnJanuary24().On(D(2025, 2, 6));

        builder.When(builder.Scheduled(Kind.Review, DueToday).ToCommand()).ShouldViolate("reminder_not_due", "第三十条");
    }

    [Fact]
    public void A_warning_delivered_on_or_after_the_due_date_is_superseded_by_due_today()
    {
        var builder = ReceivedOnJanuary24();
        var warning = builder.Scheduled(Kind.Review, AdvanceWarning);

        builder.On(D(2025, 2, 7)).When(warning.ToCommand()).ShouldBeUnchanged(builder.State, "reminder_superseded");
    }

    [Fact]
    public void Due_today_delivered_after_the_due_date_is_superseded_by_overdue()
    {
        var builder = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted();
        var dueToday = builder.Scheduled(Kind.CopyToRespondent, DueToday);

        builder.On(D(2025, 3, 13)).When(dueToday.ToCommand()).ShouldBeUnchanged(builder.State, "reminder_superseded");
    }

    [Fact]
    public void An_earlier_step_delivered_after_a_later_one_was_recorded_is_superseded()
    {
        var builder = ReceivedOnJanuary24();
        var warning = builder.Scheduled(Kind.Review, AdvanceWarning);
        builder.Fired(Kind.Review, DueToday);

        // Same day, a little later: the day alone would not supersede a warning, the recorded due-today does.
        builder.WhenAt(builder.Scheduled(Kind.Review, Overdue).FireAt.AddHours(-1), warning.ToCommand()).ShouldBeUnchanged(builder.State, "reminder_superseded");
    }

    [Fact]
    public void A_reminder_for_a_deadline_the_case_does_not_have_is_invalid()
    {
        var builder = ReceivedOnJanuary24();

        builder.When(new FireReminder { Kind = Kind.Review, DeadlineId = 1, Step = DueToday, DueOn = D(2025, 2, 7) })
            .ShouldBeInvalid("deadlineId", "deadline_not_found");
        builder.When(new FireReminder { Kind = Kind.Decision, DeadlineId = 0, Step = DueToday, DueOn = D(2025, 2, 7) })
            .ShouldBeInvalid("deadlineId", "deadline_not_found");
        builder.When(new FireReminder { Kind = Kind.Review, DeadlineId = -1, Step = DueToday, DueOn = D(2025, 2, 7) })
            .ShouldBeInvalid("deadlineId", "deadline_not_found");
        builder.When(new FireReminder { Kind = Kind.Review, DeadlineId = 0, Step = (ReminderStep)7, DueOn = D(2025, 2, 7) })
            .ShouldBeInvalid("step", "unknown_reminder_step");
    }

    [Fact]
    public void An_unchanged_answer_is_not_a_success_and_carries_no_event()
    {
        var builder = ReceivedOnJanuary24();
        var warning = builder.Scheduled(Kind.Review, AdvanceWarning);
        builder.Delivered(warning);

        var transition = builder.When(warning.ToCommand());

        Assert.Equal((false, true, CaseRefusalKind.Unchanged), (transition.IsSuccess, transition.IsUnchanged, transition.Refusal!.Kind));
        Assert.Same(builder.State, transition.State);
        Assert.Null(transition.Event);
    }

    [Fact]
    public void Firing_the_whole_ladder_in_order_records_each_step_once()
    {
        var builder = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted();

        while (builder.Ladder().FirstOrDefault(r => r.Kind == Kind.CopyToRespondent) is { } next)
        {
            builder.Delivered(next);
        }

        Assert.Equal([AdvanceWarning, DueToday, Overdue], builder.State.FiredReminders.Select(f => f.Step));
        Assert.Equal(3, builder.Events.OfType<ReminderFired>().Count());
    }
}
