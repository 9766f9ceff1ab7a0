using CaseGrains.Domain.Calendar;
using static CaseGrains.Domain.Tests.Calendar.TestCalendars;

namespace CaseGrains.Domain.Tests.Calendar;

/// <summary>
/// Counting days (Art. 88): 3, 5, 7 and 10-day periods are working days, skipping weekends and statutory days
/// off but counting make-up workdays (调休); the first day is not counted; a natural-day period whose last day
/// is a rest day ends on the next working day; a year without a loaded arrangement is counted on weekends
/// alone and the result is flagged provisional. Every expectation was computed by hand from
/// reference/cn-holidays.json; the weekdays are checked in <see cref="CalendarFactsTests"/>.
/// </summary>
public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = Shipped;

    [Theory]
    [InlineData("2025-03-10", true)]  // Monday, nothing special
    [InlineData("2025-03-08", false)] // Saturday, nothing special
    [InlineData("2025-03-09", false)] // Sunday, nothing special
    [InlineData("2025-01-01", false)] // Wednesday, New Year's Day
    [InlineData("2025-01-25", false)] // Saturday before Spring Festival, not a make-up day
    [InlineData("2025-01-26", true)]  // Sunday, Spring Festival make-up workday
    [InlineData("2025-01-28", false)] // Tuesday, first day off of Spring Festival
    [InlineData("2025-02-01", false)] // Saturday inside Spring Festival
    [InlineData("2025-02-04", false)] // Tuesday, last day off of Spring Festival
    [InlineData("2025-02-05", true)]  // Wednesday, first working day after Spring Festival
    [InlineData("2025-02-08", true)]  // Saturday, Spring Festival make-up workday
    [InlineData("2025-02-09", false)] // Sunday after the make-up Saturday
    [InlineData("2025-04-04", false)] // Friday, Qingming
    [InlineData("2025-04-27", true)]  // Sunday, Labour Day make-up workday
    [InlineData("2025-05-05", false)] // Monday, last day off of Labour Day
    [InlineData("2025-06-02", false)] // Monday, Dragon Boat
    [InlineData("2025-09-28", true)]  // Sunday, National Day make-up workday
    [InlineData("2025-10-08", false)] // Wednesday, last day off of National Day
    [InlineData("2025-10-11", true)]  // Saturday, National Day make-up workday
    [InlineData("2026-01-02", false)] // Friday, New Year 2026
    [InlineData("2026-01-03", false)] // Saturday, New Year 2026
    [InlineData("2026-01-04", true)]  // Sunday, New Year 2026 make-up workday
    [InlineData("2026-02-14", true)]  // Saturday, Spring Festival 2026 make-up workday
    [InlineData("2026-02-15", false)] // Sunday, first day off of Spring Festival 2026
    [InlineData("2026-02-23", false)] // Monday, last day off of Spring Festival 2026
    [InlineData("2026-02-24", true)]  // Tuesday, first working day after Spring Festival 2026
    [InlineData("2026-02-28", true)]  // Saturday, Spring Festival 2026 make-up workday
    [InlineData("2026-05-01", false)] // Friday, Labour Day 2026
    [InlineData("2026-05-09", true)]  // Saturday, Labour Day 2026 make-up workday
    [InlineData("2026-09-20", true)]  // Sunday, 2026 make-up workday
    [InlineData("2026-10-10", true)]  // Saturday, National Day 2026 make-up workday
    [InlineData("2027-01-01", true)]  // Friday in 2027: no arrangement loaded, so weekends alone decide
    [InlineData("2027-01-02", false)] // Saturday in 2027
    public void A_day_is_worked_unless_it_is_a_weekend_or_a_statutory_day_off_and_make_up_days_are_worked(string date, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(D(date)));
    }

    [Theory]
    // Spring Festival 2025: off Tue 28 Jan to Tue 4 Feb, make-up Sun 26 Jan and Sat 8 Feb.
    [InlineData("2025-01-24", 5, "2025-02-07")]  // Fri; Sat 25 rests, Sun 26 make-up (1), Mon 27 (2), holiday, Wed 5 (3) Thu 6 (4) Fri 7 (5)
    [InlineData("2025-01-27", 3, "2025-02-07")]  // Mon; 28 Jan-4 Feb off, Wed 5 (1) Thu 6 (2) Fri 7 (3)
    [InlineData("2025-01-27", 5, "2025-02-10")]  // ...Fri 7 (3), Sat 8 make-up (4), Sun 9 rests, Mon 10 (5)
    [InlineData("2025-01-24", 7, "2025-02-10")]  // 26 (1) 27 (2), holiday, 5 (3) 6 (4) 7 (5) Sat 8 (6) Mon 10 (7)
    [InlineData("2025-01-27", 10, "2025-02-17")] // 5 6 7 8 10 11 12 13 14 (1-9), Sat 15 and Sun 16 rest, Mon 17 (10)
    [InlineData("2025-01-25", 1, "2025-01-26")]  // Sat; the next day is the make-up Sunday, which counts
    [InlineData("2025-02-07", 1, "2025-02-08")]  // Fri; the next day is the make-up Saturday, which counts
    // Spring Festival 2026: off Sun 15 to Mon 23 Feb, make-up Sat 14 and Sat 28 Feb.
    [InlineData("2026-02-12", 5, "2026-02-26")]  // Thu; Fri 13 (1), Sat 14 make-up (2), holiday, Tue 24 (3) Wed 25 (4) Thu 26 (5)
    [InlineData("2026-02-13", 7, "2026-03-02")]  // Sat 14 (1), holiday, 24 25 26 27 (2-5), Sat 28 make-up (6), Sun 1 Mar rests, Mon 2 (7)
    [InlineData("2026-02-13", 10, "2026-03-05")] // ...Mon 2 Mar (7) Tue 3 (8) Wed 4 (9) Thu 5 (10)
    [InlineData("2026-02-14", 3, "2026-02-26")]  // starting on the make-up Saturday; holiday, then 24 25 26
    [InlineData("2026-02-27", 1, "2026-02-28")]  // Fri; the next day is the make-up Saturday
    // National Day 2025: off Wed 1 to Wed 8 Oct, make-up Sun 28 Sep and Sat 11 Oct.
    [InlineData("2025-09-26", 5, "2025-10-10")]  // Fri; Sat 27 rests, Sun 28 make-up (1), Mon 29 (2) Tue 30 (3), holiday, Thu 9 (4) Fri 10 (5)
    [InlineData("2025-09-26", 7, "2025-10-13")]  // ...Fri 10 (5), Sat 11 make-up (6), Sun 12 rests, Mon 13 (7)
    [InlineData("2025-09-30", 5, "2025-10-14")]  // Tue; holiday, Thu 9 (1) Fri 10 (2) Sat 11 make-up (3) Mon 13 (4) Tue 14 (5)
    [InlineData("2025-09-30", 10, "2025-10-21")] // 9 10 11 13 14 15 16 17 (1-8), weekend 18-19, Mon 20 (9) Tue 21 (10)
    [InlineData("2025-09-27", 3, "2025-09-30")]  // Sat; Sun 28 make-up (1), Mon 29 (2), Tue 30 (3)
    // Qingming and Labour Day 2025: off Fri 4 to Sun 6 Apr; off Thu 1 to Mon 5 May, make-up Sun 27 Apr.
    [InlineData("2025-04-03", 1, "2025-04-07")]  // Thu; Fri 4-Sun 6 off, Mon 7 (1)
    [InlineData("2025-04-25", 5, "2025-05-06")]  // Fri; Sat 26 rests, Sun 27 make-up (1), 28 29 30 (2-4), holiday, Tue 6 May (5)
    [InlineData("2025-04-30", 3, "2025-05-08")]  // Wed; 1-5 May off, Tue 6 (1) Wed 7 (2) Thu 8 (3)
    // Labour Day 2026: off Fri 1 to Tue 5 May, make-up Sat 9 May.
    [InlineData("2026-04-30", 5, "2026-05-11")]  // Thu; holiday, Wed 6 (1) Thu 7 (2) Fri 8 (3) Sat 9 make-up (4), Sun 10 rests, Mon 11 (5)
    [InlineData("2026-04-29", 3, "2026-05-07")]  // Wed; Thu 30 Apr (1), holiday, Wed 6 (2) Thu 7 (3)
    // Mid-Autumn and National Day 2026: make-up Sun 20 Sep, off Fri 25-Sun 27 Sep and Thu 1-Wed 7 Oct, make-up Sat 10 Oct.
    [InlineData("2026-09-18", 1, "2026-09-20")]  // Fri; Sat 19 rests, Sun 20 is a make-up workday
    [InlineData("2026-09-24", 3, "2026-09-30")]  // Thu; Fri 25-Sun 27 off, Mon 28 (1) Tue 29 (2) Wed 30 (3)
    [InlineData("2026-09-30", 3, "2026-10-10")]  // Wed; 1-7 Oct off, Thu 8 (1) Fri 9 (2) Sat 10 make-up (3)
    // Across the year boundary into 2026: New Year off Thu 1-Sat 3 Jan, make-up Sun 4 Jan.
    [InlineData("2025-12-31", 1, "2026-01-04")]  // Wed; 1-3 Jan off, Sun 4 make-up (1)
    [InlineData("2025-12-31", 5, "2026-01-08")]  // Sun 4 (1), Mon 5 (2) Tue 6 (3) Wed 7 (4) Thu 8 (5)
    [InlineData("2025-12-30", 10, "2026-01-14")] // Wed 31 Dec (1), holiday, Sun 4 (2), 5-9 (3-7), weekend, Mon 12 (8) Tue 13 (9) Wed 14 (10)
    // An ordinary week.
    [InlineData("2025-03-07", 5, "2025-03-14")]  // Fri; weekend, Mon 10-Fri 14 (1-5)
    [InlineData("2025-03-10", 0, "2025-03-10")]  // no days: the start itself
    public void Working_days_skip_weekends_and_days_off_and_count_make_up_days(string start, int days, string expected)
    {
        var end = Calendar.AddWorkingDays(D(start), days);

        Assert.Equal(new CalendarDate(D(expected), Provisional: false), end);
    }

    [Theory]
    [InlineData("2026-12-31", 5, "2027-01-07", true)]  // Thu; 2027 unknown: Fri 1 Jan counts (1), weekend, Mon 4-Thu 7 (2-5)
    [InlineData("2026-12-28", 10, "2027-01-11", true)] // Mon; 29 30 31 (1-3), Fri 1 Jan (4), 4-8 (5-9), weekend, Mon 11 (10)
    [InlineData("2026-12-30", 1, "2026-12-31", false)] // stays inside 2026: fully known
    public void A_period_running_into_a_year_without_an_arrangement_counts_weekends_alone_and_is_provisional(
        string start, int days, string expected, bool provisional)
    {
        Assert.Equal(new CalendarDate(D(expected), provisional), Calendar.AddWorkingDays(D(start), days));
    }

    [Theory]
    [InlineData("2025-03-05", 30, "2025-04-07")]  // Wed; 30 days is Fri 4 Apr, Qingming (4-6 off), so Mon 7
    [InlineData("2025-06-05", 30, "2025-07-07")]  // Thu; 30 days is Sat 5 Jul, an ordinary weekend, so Mon 7
    [InlineData("2025-03-01", 60, "2025-04-30")]  // Sat; 60 days is Wed 30 Apr, a working day: no move
    [InlineData("2025-03-03", 60, "2025-05-06")]  // Mon; 60 days is Fri 2 May, Labour Day (1-5 off), so Tue 6
    [InlineData("2025-01-03", 30, "2025-02-05")]  // Fri; 30 days is Sun 2 Feb, Spring Festival (to 4 Feb), so Wed 5
    [InlineData("2025-01-06", 20, "2025-01-26")]  // 20 days is Sun 26 Jan, a make-up workday: no move
    [InlineData("2025-01-09", 30, "2025-02-08")]  // 30 days is Sat 8 Feb, a make-up workday: no move
    [InlineData("2025-09-01", 30, "2025-10-09")]  // 30 days is Wed 1 Oct, National Day (1-8 off), so Thu 9
    [InlineData("2025-08-04", 60, "2025-10-09")]  // 60 days is Fri 3 Oct, inside National Day, so Thu 9
    [InlineData("2025-09-11", 30, "2025-10-11")]  // 30 days is Sat 11 Oct, a make-up workday: no move
    [InlineData("2025-04-01", 30, "2025-05-06")]  // 30 days is Thu 1 May, Labour Day, so Tue 6
    [InlineData("2026-01-16", 30, "2026-02-24")]  // 30 days is Sun 15 Feb, Spring Festival 2026 (to Mon 23), so Tue 24
    [InlineData("2026-01-15", 30, "2026-02-14")]  // 30 days is Sat 14 Feb, a make-up workday: no move
    [InlineData("2026-04-01", 30, "2026-05-06")]  // 30 days is Fri 1 May 2026, Labour Day (to Tue 5), so Wed 6
    [InlineData("2026-04-09", 30, "2026-05-09")]  // 30 days is Sat 9 May 2026, a make-up workday: no move
    [InlineData("2025-12-01", 30, "2025-12-31")]  // 30 days is Wed 31 Dec: no move
    [InlineData("2025-12-02", 30, "2026-01-04")]  // 30 days is Thu 1 Jan 2026 (1-3 off), so the make-up Sunday 4 Jan
    public void A_natural_day_period_ending_on_a_rest_day_ends_on_the_next_working_day(string start, int days, string expected)
    {
        Assert.Equal(new CalendarDate(D(expected), Provisional: false), Calendar.AddNaturalDays(D(start), days));
    }

    [Theory]
    [InlineData("2026-12-01", 30, "2026-12-31", false)] // Thu 31 Dec 2026: inside the known year
    [InlineData("2026-12-02", 30, "2027-01-01", true)]  // Fri 1 Jan 2027: no arrangement, weekends alone, so it is a working day
    [InlineData("2026-12-01", 60, "2027-02-01", true)]  // 60 days is Sat 30 Jan 2027, so Mon 1 Feb
    public void A_natural_day_period_ending_in_a_year_without_an_arrangement_is_provisional(
        string start, int days, string expected, bool provisional)
    {
        Assert.Equal(new CalendarDate(D(expected), provisional), Calendar.AddNaturalDays(D(start), days));
    }

    [Theory]
    [InlineData("2025-02-10", 5, "2025-01-27", false)] // Mon; Sat 8 make-up (1), Fri 7 (2) Thu 6 (3) Wed 5 (4), 4 Feb-28 Jan off, Mon 27 Jan (5)
    [InlineData("2025-10-14", 5, "2025-09-30", false)] // Tue; Mon 13 (1), Sat 11 make-up (2), Fri 10 (3) Thu 9 (4), 8-1 Oct off, Tue 30 Sep (5)
    [InlineData("2026-01-08", 5, "2025-12-31", false)] // Thu; 7 (1) 6 (2) 5 (3) Sun 4 make-up (4), 3-1 Jan off, Wed 31 Dec (5)
    [InlineData("2026-03-02", 5, "2026-02-24", false)] // Mon; Sat 28 make-up (1), 27 (2) 26 (3) 25 (4) Tue 24 (5)
    [InlineData("2025-03-14", 5, "2025-03-07", false)] // Fri; 13 12 11 10 (1-4), weekend, Fri 7 (5)
    [InlineData("2027-01-08", 5, "2027-01-01", true)]  // Fri in 2027; 7 6 5 4 (1-4), weekend, Fri 1 Jan counted as a working day (5)
    public void A_hearing_notice_period_is_counted_back_in_working_days(string hearing, int days, string expected, bool provisional)
    {
        Assert.Equal(new CalendarDate(D(expected), provisional), Calendar.SubtractWorkingDays(D(hearing), days));
    }

    [Theory]
    [InlineData("2025-01-24", "2025-02-07", 5)]  // 26 Jan (make-up), 27 Jan, 5 6 7 Feb
    [InlineData("2025-01-27", "2025-02-10", 5)]  // 5 6 7 8 (make-up) 10 Feb
    [InlineData("2025-09-30", "2025-10-08", 0)]  // only the National Day holiday itself
    [InlineData("2025-09-26", "2025-10-10", 5)]  // 28 Sep (make-up) 29 30, 9 10 Oct
    [InlineData("2025-12-31", "2026-01-08", 5)]  // 4 Jan (make-up) 5 6 7 8
    [InlineData("2026-02-13", "2026-03-05", 10)] // 14 (make-up) 24 25 26 27 28 (make-up), 2 3 4 5 Mar
    [InlineData("2025-03-07", "2025-03-14", 5)]  // Mon 10-Fri 14; the first day is not counted
    [InlineData("2025-03-10", "2025-03-10", 0)]  // the same day
    [InlineData("2025-03-14", "2025-03-07", 0)]  // backwards: nothing lies in between
    public void Working_days_are_counted_after_the_first_day_up_to_and_including_the_last(string from, string to, int expected)
    {
        Assert.Equal(expected, Calendar.CountWorkingDays(D(from), D(to)));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(10)]
    public void On_every_start_day_of_2025_and_2026_adding_counting_and_counting_back_agree(int days)
    {
        for (var start = D("2025-01-01"); start <= D("2026-12-15"); start = start.AddDays(1))
        {
            var end = Calendar.AddWorkingDays(start, days).Date;
            var back = Calendar.SubtractWorkingDays(end, days).Date;

            Assert.True(Calendar.IsWorkingDay(end), $"{start}: {end} is not a working day");
            Assert.Equal(days, Calendar.CountWorkingDays(start, end));
            Assert.Equal(days - 1, Calendar.CountWorkingDays(start, end.AddDays(-1)));
            Assert.True(back <= start, $"{start}: counting back from {end} lands after the start, on {back}");
            Assert.Equal(days, Calendar.CountWorkingDays(back, end));
        }
    }

    [Theory]
    [InlineData(30)]
    [InlineData(60)]
    public void On_every_start_day_of_2025_a_natural_period_ends_on_the_first_working_day_from_its_last_day(int days)
    {
        for (var start = D("2025-01-01"); start <= D("2025-12-31"); start = start.AddDays(1))
        {
            var end = Calendar.AddNaturalDays(start, days).Date;
            var last = start.AddDays(days);

            Assert.True(end >= last);
            Assert.True(Calendar.IsWorkingDay(end));
            for (var day = last; day < end; day = day.AddDays(1))
            {
                Assert.False(Calendar.IsWorkingDay(day), $"{start}: {end} skipped the working day {day}");
            }
        }
    }

    [Fact]
    public void Loading_a_new_year_makes_its_dates_definite()
    {
        // The hypothetical 2027 arrangement makes Fri 1 Jan a day off: 4-8 Jan are the five working days.
        var loaded = WithHypothetical2027;

        Assert.Equal(new CalendarDate(D("2027-01-08"), Provisional: false), loaded.AddWorkingDays(D("2026-12-31"), 5));
        Assert.Equal(new CalendarDate(D("2027-01-04"), Provisional: false), loaded.AddNaturalDays(D("2026-12-02"), 30));
        Assert.Equal([2025, 2026, 2027], loaded.LoadedYears.Order());
    }

    [Fact]
    public void Negative_lengths_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D("2025-03-10"), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.SubtractWorkingDays(D("2025-03-10"), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddNaturalDays(D("2025-03-10"), -1));
    }
}
