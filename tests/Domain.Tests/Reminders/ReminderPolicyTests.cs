using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using static CaseGrains.Domain.Tests.Calendar.TestCalendars;

namespace CaseGrains.Domain.Tests.Reminders;

public sealed class ReminderPolicyTests
{
    [Fact]
    public void By_default_every_kind_warns_three_working_days_ahead()
    {
        Assert.All(Enum.GetValues<DeadlineKind>(), k => Assert.Equal(3, ReminderPolicy.Default.AdvanceWarningDays(k)));
        Assert.Empty(ReminderPolicy.Default.Overrides);
    }

    [Fact]
    public void A_kind_may_warn_earlier_or_later_without_changing_the_others()
    {
        var policy = ReminderPolicy.Default.WithAdvanceWarningDays(DeadlineKind.Decision, 10).WithAdvanceWarningDays(DeadlineKind.Reply, 1);

        Assert.Equal((10, 1, 3), (policy.AdvanceWarningDays(DeadlineKind.Decision), policy.AdvanceWarningDays(DeadlineKind.Reply), policy.AdvanceWarningDays(DeadlineKind.Review)));
        Assert.Equal(3, ReminderPolicy.Default.AdvanceWarningDays(DeadlineKind.Decision));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    public void Zero_to_thirty_working_days_are_accepted(int days)
    {
        Assert.Equal(days, ReminderPolicy.Default.WithAdvanceWarningDays(DeadlineKind.Correction, days).AdvanceWarningDays(DeadlineKind.Correction));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(31)]
    public void Days_outside_zero_to_thirty_are_refused(int days)
    {
        var error = Assert.Throws<ArgumentException>(() => ReminderPolicy.Default.WithAdvanceWarningDays(DeadlineKind.Correction, days));

        Assert.Contains($"Correction: {days} working days", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_lists_every_problem_for_an_admin_form()
    {
        var errors = ReminderPolicy.Validate(new Dictionary<DeadlineKind, int> { [DeadlineKind.Review] = 40, [(DeadlineKind)99] = 3, [DeadlineKind.Reply] = 2 });

        Assert.Equal(["Review: 40 working days of advance warning is outside 0-30", "99 is not a deadline kind"], errors);
    }

    [Fact]
    public void Zero_means_no_advance_warning()
    {
        var decision = Deadline.Start(StatutoryPeriods.Decision, D("2025-03-03"), Shipped);

        Assert.Null(ReminderPolicy.Default.WithAdvanceWarningDays(DeadlineKind.Decision, 0).AdvanceWarningOn(decision, Shipped));
        Assert.Equal(D("2025-04-28"), ReminderPolicy.Default.AdvanceWarningOn(decision, Shipped));
    }

    [Fact]
    public void Warnings_and_due_today_fire_at_half_past_eight_and_overdue_at_midnight_Beijing_time()
    {
        Assert.Equal(Utc(2025, 1, 27, 0, 30), ReminderPolicy.FireAt(ReminderStep.AdvanceWarning, D("2025-01-27")));
        Assert.Equal(Utc(2025, 2, 7, 0, 30), ReminderPolicy.FireAt(ReminderStep.DueToday, D("2025-02-07")));

        // Midnight at the start of 8 February in Beijing is 16:00 UTC on 7 February: the period of 7 February has fully run.
        Assert.Equal(Utc(2025, 2, 7, 16, 0), ReminderPolicy.FireAt(ReminderStep.Overdue, D("2025-02-08")));
        Assert.Equal(TimeSpan.Zero, ReminderPolicy.FireAt(ReminderStep.Overdue, D("2025-02-08")).Offset);
    }

    [Fact]
    public void Overdue_falls_on_the_day_after_the_due_date_and_due_today_on_it()
    {
        Assert.Equal(D("2025-02-08"), ReminderPolicy.DateOf(ReminderStep.Overdue, D("2025-02-07")));
        Assert.Equal(D("2025-02-07"), ReminderPolicy.DateOf(ReminderStep.DueToday, D("2025-02-07")));
        Assert.Equal(D("2025-01-27"), ReminderPolicy.DateOf(ReminderStep.AdvanceWarning, D("2025-02-07"), D("2025-01-27")));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
