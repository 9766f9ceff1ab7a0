using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Deadlines;
using static CaseGrains.Domain.Tests.Calendar.TestCalendars;

namespace CaseGrains.Domain.Tests.Deadlines;

/// <summary>Which running deadlines loading a holiday year can move: every one it moves is due on or after
/// <see cref="HolidayYearReach.EarliestDueDate"/>, including hearing notices due in the last days of the year before.</summary>
public class HolidayYearReachTests
{
    /// <summary>A made-up 2027 that moves as much as it can near its start: every weekday of the first fortnight off,
    /// Saturday 16 January worked.</summary>
    private static readonly WorkingDayCalendar HarshJanuary2027 = new([
        .. ShippedHolidayArrangements.All,
        new HolidayYear(
            2027,
            [.. Enumerable.Range(1, 15).Select(day => new DateOnly(2027, 1, day)).Where(d => !WorkingDayCalendar.IsWeekend(d)).Select(d => new HolidayDate(d, "测试假日"))],
            [new HolidayDate(D("2027-01-16"), "测试假日")]),
    ]);

    public static TheoryData<string> Calendars2027 => ["hypothetical", "harsh"];

    [Fact]
    public void Five_working_days_before_1_January_2027_on_the_2026_arrangement_is_Friday_25_December()
    {
        // Thu 31 (1), Wed 30 (2), Tue 29 (3), Mon 28 (4), weekend, Fri 25 December 2026 (5).
        Assert.Equal(D("2026-12-25"), HolidayYearReach.EarliestDueDate(2027, Shipped));
        Assert.Equal(D("2026-12-25"), HolidayYearReach.EarliestDueDate(2027, HarshJanuary2027));
    }

    [Fact]
    public void A_hearing_notice_due_on_the_last_day_of_the_year_before_is_moved_by_the_new_year()
    {
        // Hearing Thu 7 January 2027. On weekends alone: 6 5 4 (1-3), weekend, Fri 1 Jan (4), Thu 31 Dec 2026 (5).
        // With 1 January off, the notice must go out a day earlier: Wed 30 December 2026.
        var notice = Deadline.Before(StatutoryPeriods.HearingNotice, D("2026-12-01"), D("2027-01-07"), Shipped);
        Assert.Equal(D("2026-12-31"), notice.DueOn);

        Assert.Equal(D("2026-12-30"), notice.Recompute(WithHypothetical2027).DueOn);
        Assert.True(notice.DueOn >= HolidayYearReach.EarliestDueDate(2027, Shipped));
    }

    [Theory]
    [MemberData(nameof(Calendars2027))]
    public void Every_deadline_the_new_year_moves_is_due_on_or_after_the_earliest_due_date(string which)
    {
        var loaded = which == "harsh" ? HarshJanuary2027 : WithHypothetical2027;
        var earliest = HolidayYearReach.EarliestDueDate(2027, Shipped);
        var periods = new[]
        {
            StatutoryPeriods.Review, StatutoryPeriods.Correction, StatutoryPeriods.CopyToRespondent, StatutoryPeriods.CopyToRespondentSimplified,
            StatutoryPeriods.Reply, StatutoryPeriods.ReplySimplified, StatutoryPeriods.Decision, StatutoryPeriods.DecisionSimplified,
        };
        var triggers = Enumerable.Range(0, 120).Select(i => D("2026-09-01").AddDays(i)).ToList();
        var deadlines = triggers.SelectMany(t => periods.Select(p => Deadline.Start(p, t, Shipped)))
            .Concat(Enumerable.Range(0, 40).Select(i => Deadline.Before(StatutoryPeriods.HearingNotice, D("2026-11-01"), D("2026-12-20").AddDays(i), Shipped)))
            .ToList();

        var moved = deadlines.Where(d => d.Recompute(loaded) is var r && (r.DueOn != d.DueOn || r.Provisional != d.Provisional)).ToList();

        Assert.NotEmpty(moved);
        Assert.Contains(moved, d => d.FixedDueDate && d.DueOn < D("2027-01-01"));
        Assert.All(moved, d => Assert.True(d.DueOn >= earliest, $"{d.Kind} due {d.DueOn} moved, before {earliest}"));
    }
}
