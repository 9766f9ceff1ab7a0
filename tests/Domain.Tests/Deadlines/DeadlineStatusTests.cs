using CaseGrains.Domain.Deadlines;
using static CaseGrains.Domain.Tests.Calendar.TestCalendars;

namespace CaseGrains.Domain.Tests.Deadlines;

/// <summary>What a user sees on a given day. The review period received Fri 26 Sep 2025 is due Fri 10 Oct 2025
/// (see <see cref="DeadlineStartTests"/>).</summary>
public class DeadlineStatusTests
{
    private static readonly Deadline Review = Deadline.Start(StatutoryPeriods.Review, D("2025-09-26"), Shipped);

    [Theory]
    [InlineData("2025-09-26", DeadlineStatus.Running)] // the trigger day
    [InlineData("2025-10-05", DeadlineStatus.Running)] // during the holiday
    [InlineData("2025-10-10", DeadlineStatus.Running)] // the last day is still in time
    [InlineData("2025-10-11", DeadlineStatus.Missed)]  // the day after the due date, though a make-up workday
    [InlineData("2026-03-01", DeadlineStatus.Missed)]  // long after
    public void A_running_deadline_is_running_until_its_due_date_and_missed_after_it(string today, DeadlineStatus expected)
    {
        Assert.Equal(expected, Review.StatusOn(D(today)));
    }

    [Theory]
    [InlineData("2025-09-29", DeadlineStatus.Met)]    // done early
    [InlineData("2025-10-10", DeadlineStatus.Met)]    // done on the due date
    [InlineData("2025-10-13", DeadlineStatus.Missed)] // done late
    public void A_completed_deadline_is_met_or_missed_by_its_completion_date_whatever_the_day(string completedOn, DeadlineStatus expected)
    {
        var completed = Review.Complete(D(completedOn));

        Assert.Equal(DeadlinePhase.Completed, completed.Phase);
        Assert.Equal(D(completedOn), completed.CompletedOn);
        Assert.Equal(expected, completed.StatusOn(D("2025-09-27")));
        Assert.Equal(expected, completed.StatusOn(D("2026-06-01")));
    }

    [Fact]
    public void A_paused_deadline_is_paused_even_past_its_due_date()
    {
        var paused = Review.Pause(D("2025-09-30"), Shipped);

        Assert.Equal(DeadlineStatus.Paused, paused.StatusOn(D("2025-09-30")));
        Assert.Equal(DeadlineStatus.Paused, paused.StatusOn(D("2025-12-01")));
    }

    [Fact]
    public void A_cancelled_deadline_is_cancelled_even_past_its_due_date()
    {
        var cancelled = Review.Cancel(D("2025-09-30"));

        Assert.Equal(DeadlineStatus.Cancelled, cancelled.StatusOn(D("2025-12-01")));
        Assert.Equal(D("2025-09-30"), cancelled.CompletedOn);
    }

    [Theory]
    [InlineData("2025-09-26", 5)]  // nothing consumed yet
    [InlineData("2025-09-30", 2)]  // Thu 9 and Fri 10 Oct are left
    [InlineData("2025-10-08", 2)]  // the holiday consumes nothing
    [InlineData("2025-10-10", 0)]  // due today
    [InlineData("2025-10-14", -3)] // Sat 11 (make-up), Mon 13, Tue 14 overdue
    public void The_working_days_left_are_counted_from_today(string today, int expected)
    {
        Assert.Equal(expected, Review.RemainingOn(D(today), Shipped));
    }

    [Fact]
    public void Only_a_running_deadline_can_be_paused_and_only_a_paused_one_resumed()
    {
        var paused = Review.Pause(D("2025-09-30"), Shipped);

        Assert.Throws<InvalidOperationException>(() => Review.Resume(D("2025-09-30"), Shipped));
        Assert.Throws<InvalidOperationException>(() => paused.Pause(D("2025-10-01"), Shipped));
        Assert.Throws<InvalidOperationException>(() => Review.Complete(D("2025-09-30")).Pause(D("2025-10-01"), Shipped));
    }
}
