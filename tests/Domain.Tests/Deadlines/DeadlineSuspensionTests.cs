using CaseGrains.Domain.Deadlines;
using static CaseGrains.Domain.Tests.Calendar.TestCalendars;

namespace CaseGrains.Domain.Tests.Deadlines;

/// <summary>Suspension (中止, Art. 39) stops the clock; resumption restarts it with the days left. The pause day
/// counts as consumed; the resumption day, like any first day, does not.</summary>
public class DeadlineSuspensionTests
{
    [Fact]
    public void A_decision_deadline_suspended_after_20_days_and_resumed_15_days_later_runs_its_remaining_40_days()
    {
        // Accepted Mon 3 Mar 2025: 60 days is Fri 2 May, Labour Day (1-5 May off), so due Tue 6 May.
        var running = Deadline.Start(StatutoryPeriods.Decision, D("2025-03-03"), Shipped);
        Assert.Equal(D("2025-05-06"), running.DueOn);

        // Suspended on Sun 23 Mar, 20 days after acceptance.
        var paused = running.Pause(D("2025-03-23"), Shipped);
        Assert.Equal(DeadlinePhase.Paused, paused.Phase);
        Assert.Equal(D("2025-03-23"), paused.PausedOn);
        Assert.Equal(20, paused.ConsumedBeforeSegment);
        Assert.Equal(40, paused.RemainingOn(D("2025-04-01"), Shipped));

        // Resumed on Mon 7 Apr, 15 days later: 40 days is Sat 17 May, so the next working day, Mon 19 May.
        var resumed = paused.Resume(D("2025-04-07"), Shipped);
        Assert.Equal(DeadlinePhase.Running, resumed.Phase);
        Assert.Null(resumed.PausedOn);
        Assert.Equal(D("2025-04-07"), resumed.SegmentStartedOn);
        Assert.Equal(D("2025-03-03"), resumed.StartedOn);
        Assert.Equal(D("2025-05-19"), resumed.DueOn);
        Assert.False(resumed.Provisional);
    }

    [Fact]
    public void The_remaining_natural_days_can_end_on_a_make_up_workday()
    {
        // Accepted Mon 10 Feb 2025, due Fri 11 Apr (60 days); suspended Sun 2 Mar (20 days consumed),
        // resumed Mon 17 Mar: 40 days is Sat 26 Apr, and the next day, Sun 27 Apr, is a make-up workday.
        var deadline = Deadline.Start(StatutoryPeriods.Decision, D("2025-02-10"), Shipped);
        Assert.Equal(D("2025-04-11"), deadline.DueOn);

        var resumed = deadline.Pause(D("2025-03-02"), Shipped).Resume(D("2025-03-17"), Shipped);

        Assert.Equal(D("2025-04-27"), resumed.DueOn);
    }

    [Fact]
    public void The_remaining_natural_days_ending_in_Spring_Festival_move_to_the_first_working_day_after_it()
    {
        // Accepted Mon 15 Dec 2025: 60 days is Fri 13 Feb 2026. Suspended Wed 14 Jan (30 days consumed),
        // resumed Mon 19 Jan: 30 days is Wed 18 Feb, inside Spring Festival 2026 (15-23 Feb), so Tue 24 Feb.
        var deadline = Deadline.Start(StatutoryPeriods.Decision, D("2025-12-15"), Shipped);
        Assert.Equal(D("2026-02-13"), deadline.DueOn);

        var paused = deadline.Pause(D("2026-01-14"), Shipped);
        Assert.Equal(30, paused.ConsumedBeforeSegment);

        Assert.Equal(D("2026-02-24"), paused.Resume(D("2026-01-19"), Shipped).DueOn);
    }

    [Fact]
    public void A_working_day_deadline_keeps_the_working_days_it_had_left()
    {
        // Reply received Fri 26 Sep 2025, due Thu 16 Oct (10 working days). Suspended Tue 30 Sep after Sun 28
        // (make-up), Mon 29 and Tue 30: 3 consumed. Resumed Mon 13 Oct: 7 left, Tue 14-Fri 17 (4), Mon 20-Wed 22.
        var reply = Deadline.Start(StatutoryPeriods.Reply, D("2025-09-26"), Shipped);

        var paused = reply.Pause(D("2025-09-30"), Shipped);
        Assert.Equal(3, paused.ConsumedBeforeSegment);
        Assert.Equal(7, paused.RemainingOn(D("2025-10-05"), Shipped));

        var resumed = paused.Resume(D("2025-10-13"), Shipped);
        Assert.Equal(D("2025-10-22"), resumed.DueOn);
        Assert.Equal(7, resumed.RemainingOn(D("2025-10-13"), Shipped));
    }

    [Fact]
    public void A_working_day_deadline_paused_across_Spring_Festival_counts_the_make_up_Saturday_after_it()
    {
        // Review received Wed 11 Feb 2026, due Wed 25 Feb (12, 13, Sat 14 make-up, holiday, 24, 25).
        // Suspended Thu 12 Feb (1 consumed), resumed Wed 25 Feb: Thu 26, Fri 27, Sat 28 (make-up), Mon 2 Mar.
        var review = Deadline.Start(StatutoryPeriods.Review, D("2026-02-11"), Shipped);
        Assert.Equal(D("2026-02-25"), review.DueOn);

        var paused = review.Pause(D("2026-02-12"), Shipped);
        Assert.Equal(1, paused.ConsumedBeforeSegment);

        Assert.Equal(D("2026-03-02"), paused.Resume(D("2026-02-25"), Shipped).DueOn);
    }

    [Fact]
    public void Pausing_during_the_holiday_consumes_no_working_days_of_it()
    {
        // Reply received Fri 26 Sep 2025. Suspended Mon 6 Oct (inside National Day): 28, 29, 30 consumed, the
        // holiday nothing. Resumed Wed 8 Oct, still a day off: the 7 left are 9 10 11 13 14 15 16, so Thu 16 Oct,
        // the original due date.
        var reply = Deadline.Start(StatutoryPeriods.Reply, D("2025-09-26"), Shipped);

        var paused = reply.Pause(D("2025-10-06"), Shipped);
        Assert.Equal(3, paused.ConsumedBeforeSegment);

        Assert.Equal(D("2025-10-16"), paused.Resume(D("2025-10-08"), Shipped).DueOn);
    }

    [Fact]
    public void A_suspension_lifted_the_same_day_costs_nothing()
    {
        var reply = Deadline.Start(StatutoryPeriods.Reply, D("2025-09-26"), Shipped);

        var resumed = reply.Pause(D("2025-09-30"), Shipped).Resume(D("2025-09-30"), Shipped);

        Assert.Equal(reply.DueOn, resumed.DueOn);
    }

    [Fact]
    public void Several_suspensions_add_up()
    {
        // Accepted Mon 3 Mar 2025. Suspended Sun 23 Mar (20 days), resumed Mon 7 Apr; suspended again Thu 17 Apr
        // (10 more: 30), resumed Tue 6 May: 30 days left is Thu 5 Jun, a working day.
        var deadline = Deadline.Start(StatutoryPeriods.Decision, D("2025-03-03"), Shipped)
            .Pause(D("2025-03-23"), Shipped)
            .Resume(D("2025-04-07"), Shipped)
            .Pause(D("2025-04-17"), Shipped);
        Assert.Equal(30, deadline.ConsumedBeforeSegment);

        var resumed = deadline.Resume(D("2025-05-06"), Shipped);

        Assert.Equal(D("2025-06-05"), resumed.DueOn);
        Assert.Equal(D("2025-03-03"), resumed.StartedOn);
    }
}
