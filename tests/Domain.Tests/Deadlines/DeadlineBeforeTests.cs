using CaseGrains.Domain.Deadlines;
using static CaseGrains.Domain.Tests.Calendar.TestCalendars;

namespace CaseGrains.Domain.Tests.Deadlines;

/// <summary>The hearing notice must reach the parties 5 working days before the hearing (Art. 51): a fixed due
/// date counted back from the hearing.</summary>
public class DeadlineBeforeTests
{
    [Theory]
    [InlineData("2025-09-25", "2025-10-14", "2025-09-30")] // Mon 13 (1), Sat 11 make-up (2), Fri 10 (3) Thu 9 (4), National Day, Tue 30 Sep (5)
    [InlineData("2025-01-20", "2025-02-10", "2025-01-27")] // Sat 8 make-up (1), 7 6 5 (2-4), Spring Festival, Mon 27 Jan (5)
    [InlineData("2025-12-20", "2026-01-08", "2025-12-31")] // 7 6 5 (1-3), Sun 4 make-up (4), New Year, Wed 31 Dec (5)
    [InlineData("2025-03-03", "2025-03-14", "2025-03-07")] // 13 12 11 10 (1-4), weekend, Fri 7 (5)
    public void The_notice_is_due_5_working_days_before_the_hearing(string scheduledOn, string hearingOn, string expectedDue)
    {
        var notice = Deadline.Before(StatutoryPeriods.HearingNotice, D(scheduledOn), D(hearingOn), Shipped);

        Assert.Equal(DeadlineKind.HearingNotice, notice.Kind);
        Assert.Equal(StatutoryPeriods.HearingNotice.Basis, notice.Basis);
        Assert.Equal(D(scheduledOn), notice.StartedOn);
        Assert.Equal(D(expectedDue), notice.DueOn);
        Assert.True(notice.FixedDueDate);
        Assert.Equal(D(hearingOn), notice.CountedBackFrom);
        Assert.False(notice.Provisional);
    }

    [Fact]
    public void The_notice_is_running_until_its_due_date_and_missed_after_it()
    {
        var notice = Deadline.Before(StatutoryPeriods.HearingNotice, D("2025-09-25"), D("2025-10-14"), Shipped);

        Assert.Equal(DeadlineStatus.Running, notice.StatusOn(D("2025-09-30")));
        Assert.Equal(DeadlineStatus.Missed, notice.StatusOn(D("2025-10-01")));
        Assert.Equal(DeadlineStatus.Met, notice.Complete(D("2025-09-29")).StatusOn(D("2025-10-14")));
    }

    [Fact]
    public void Recomputing_on_the_same_calendar_keeps_the_fixed_due_date()
    {
        var notice = Deadline.Before(StatutoryPeriods.HearingNotice, D("2025-09-25"), D("2025-10-14"), Shipped);

        Assert.Equal(notice, notice.Recompute(Shipped));
    }

    [Fact]
    public void A_notice_counted_back_into_a_year_without_an_arrangement_is_provisional_until_the_year_is_loaded()
    {
        // Hearing Fri 8 Jan 2027. On weekends alone: 7 6 5 4 (1-4), weekend, Fri 1 Jan (5), provisional.
        // With the (hypothetical) 2027 arrangement making 1 Jan a day off: Thu 31 Dec 2026, definite.
        var notice = Deadline.Before(StatutoryPeriods.HearingNotice, D("2026-12-20"), D("2027-01-08"), Shipped);
        Assert.Equal(D("2027-01-01"), notice.DueOn);
        Assert.True(notice.Provisional);

        var recomputed = notice.Recompute(WithHypothetical2027);

        Assert.Equal(D("2026-12-31"), recomputed.DueOn);
        Assert.False(recomputed.Provisional);
        Assert.True(recomputed.FixedDueDate);
    }

    [Fact]
    public void A_fixed_due_date_stored_without_its_event_is_left_as_it_is()
    {
        // Snapshots written before the event was recorded cannot be counted again.
        var notice = Deadline.Before(StatutoryPeriods.HearingNotice, D("2026-12-20"), D("2027-01-08"), Shipped) with { CountedBackFrom = null };

        Assert.Equal(notice, notice.Recompute(WithHypothetical2027));
    }
}
