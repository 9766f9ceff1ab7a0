using CaseGrains.Domain.Calendar;
using static CaseGrains.Domain.Tests.Calendar.TestCalendars;

namespace CaseGrains.Domain.Tests.Calendar;

/// <summary>
/// The facts the hand-computed expectations in these specifications rest on: the weekday of every date the
/// comments name, and the content of the shipped arrangements (the State Council's notices for 2025 and 2026).
/// </summary>
public class CalendarFactsTests
{
    [Theory]
    [InlineData("2025-01-01", DayOfWeek.Wednesday)] // New Year's Day 2025
    [InlineData("2025-01-24", DayOfWeek.Friday)]    // last ordinary Friday before Spring Festival 2025
    [InlineData("2025-01-25", DayOfWeek.Saturday)]  // an ordinary rest Saturday
    [InlineData("2025-01-26", DayOfWeek.Sunday)]    // Spring Festival 2025 make-up workday
    [InlineData("2025-01-27", DayOfWeek.Monday)]
    [InlineData("2025-01-28", DayOfWeek.Tuesday)]   // first day off, Spring Festival 2025
    [InlineData("2025-02-04", DayOfWeek.Tuesday)]   // last day off, Spring Festival 2025
    [InlineData("2025-02-08", DayOfWeek.Saturday)]  // Spring Festival 2025 make-up workday
    [InlineData("2025-02-10", DayOfWeek.Monday)]
    [InlineData("2025-02-17", DayOfWeek.Monday)]
    [InlineData("2025-03-03", DayOfWeek.Monday)]
    [InlineData("2025-03-07", DayOfWeek.Friday)]
    [InlineData("2025-03-14", DayOfWeek.Friday)]
    [InlineData("2025-04-04", DayOfWeek.Friday)]    // Qingming 2025, off Fri 4 to Sun 6
    [InlineData("2025-04-07", DayOfWeek.Monday)]
    [InlineData("2025-04-11", DayOfWeek.Friday)]
    [InlineData("2025-04-26", DayOfWeek.Saturday)]
    [InlineData("2025-04-27", DayOfWeek.Sunday)]    // Labour Day 2025 make-up workday
    [InlineData("2025-05-01", DayOfWeek.Thursday)]  // Labour Day 2025, off Thu 1 to Mon 5
    [InlineData("2025-05-02", DayOfWeek.Friday)]
    [InlineData("2025-05-05", DayOfWeek.Monday)]
    [InlineData("2025-05-06", DayOfWeek.Tuesday)]
    [InlineData("2025-05-17", DayOfWeek.Saturday)]
    [InlineData("2025-05-19", DayOfWeek.Monday)]
    [InlineData("2025-06-01", DayOfWeek.Sunday)]    // Dragon Boat 2025, off Sat 31 May to Mon 2 June
    [InlineData("2025-06-03", DayOfWeek.Tuesday)]
    [InlineData("2025-06-05", DayOfWeek.Thursday)]
    [InlineData("2025-06-16", DayOfWeek.Monday)]
    [InlineData("2025-07-05", DayOfWeek.Saturday)]
    [InlineData("2025-07-07", DayOfWeek.Monday)]
    [InlineData("2025-09-26", DayOfWeek.Friday)]
    [InlineData("2025-09-28", DayOfWeek.Sunday)]    // National Day 2025 make-up workday
    [InlineData("2025-09-30", DayOfWeek.Tuesday)]
    [InlineData("2025-10-01", DayOfWeek.Wednesday)] // National Day 2025, off Wed 1 to Wed 8
    [InlineData("2025-10-03", DayOfWeek.Friday)]
    [InlineData("2025-10-08", DayOfWeek.Wednesday)]
    [InlineData("2025-10-09", DayOfWeek.Thursday)]
    [InlineData("2025-10-11", DayOfWeek.Saturday)]  // National Day 2025 make-up workday
    [InlineData("2025-10-13", DayOfWeek.Monday)]
    [InlineData("2025-10-20", DayOfWeek.Monday)]
    [InlineData("2025-10-26", DayOfWeek.Sunday)]
    [InlineData("2025-11-25", DayOfWeek.Tuesday)]
    [InlineData("2025-12-15", DayOfWeek.Monday)]
    [InlineData("2025-12-31", DayOfWeek.Wednesday)]
    [InlineData("2026-01-01", DayOfWeek.Thursday)]  // New Year 2026, off Thu 1 to Sat 3
    [InlineData("2026-01-04", DayOfWeek.Sunday)]    // New Year 2026 make-up workday
    [InlineData("2026-01-14", DayOfWeek.Wednesday)]
    [InlineData("2026-01-19", DayOfWeek.Monday)]
    [InlineData("2026-02-11", DayOfWeek.Wednesday)]
    [InlineData("2026-02-13", DayOfWeek.Friday)]
    [InlineData("2026-02-14", DayOfWeek.Saturday)]  // Spring Festival 2026 make-up workday
    [InlineData("2026-02-15", DayOfWeek.Sunday)]    // first day off, Spring Festival 2026
    [InlineData("2026-02-23", DayOfWeek.Monday)]    // last day off, Spring Festival 2026
    [InlineData("2026-02-24", DayOfWeek.Tuesday)]
    [InlineData("2026-02-28", DayOfWeek.Saturday)]  // Spring Festival 2026 make-up workday
    [InlineData("2026-03-01", DayOfWeek.Sunday)]
    [InlineData("2026-03-02", DayOfWeek.Monday)]
    [InlineData("2026-04-30", DayOfWeek.Thursday)]
    [InlineData("2026-05-01", DayOfWeek.Friday)]    // Labour Day 2026, off Fri 1 to Tue 5
    [InlineData("2026-05-05", DayOfWeek.Tuesday)]
    [InlineData("2026-05-09", DayOfWeek.Saturday)]  // Labour Day 2026 make-up workday
    [InlineData("2026-05-11", DayOfWeek.Monday)]
    [InlineData("2026-09-20", DayOfWeek.Sunday)]    // Mid-Autumn/National Day 2026 make-up workday
    [InlineData("2026-09-25", DayOfWeek.Friday)]    // Mid-Autumn 2026, off Fri 25 to Sun 27
    [InlineData("2026-10-01", DayOfWeek.Thursday)]  // National Day 2026, off Thu 1 to Wed 7
    [InlineData("2026-10-10", DayOfWeek.Saturday)]  // National Day 2026 make-up workday
    [InlineData("2026-12-31", DayOfWeek.Thursday)]
    [InlineData("2027-01-01", DayOfWeek.Friday)]    // no arrangement shipped for 2027
    [InlineData("2027-01-07", DayOfWeek.Thursday)]
    [InlineData("2027-01-30", DayOfWeek.Saturday)]
    [InlineData("2027-02-01", DayOfWeek.Monday)]
    [InlineData("2025-01-03", DayOfWeek.Friday)]
    [InlineData("2025-01-06", DayOfWeek.Monday)]
    [InlineData("2025-01-09", DayOfWeek.Thursday)]
    [InlineData("2025-01-20", DayOfWeek.Monday)]
    [InlineData("2025-02-02", DayOfWeek.Sunday)]
    [InlineData("2025-02-05", DayOfWeek.Wednesday)]
    [InlineData("2025-03-01", DayOfWeek.Saturday)]
    [InlineData("2025-03-02", DayOfWeek.Sunday)]
    [InlineData("2025-03-05", DayOfWeek.Wednesday)]
    [InlineData("2025-03-17", DayOfWeek.Monday)]
    [InlineData("2025-03-23", DayOfWeek.Sunday)]
    [InlineData("2025-04-01", DayOfWeek.Tuesday)]
    [InlineData("2025-04-03", DayOfWeek.Thursday)]
    [InlineData("2025-04-17", DayOfWeek.Thursday)]
    [InlineData("2025-04-25", DayOfWeek.Friday)]
    [InlineData("2025-04-30", DayOfWeek.Wednesday)]
    [InlineData("2025-05-08", DayOfWeek.Thursday)]
    [InlineData("2025-06-02", DayOfWeek.Monday)]
    [InlineData("2025-08-04", DayOfWeek.Monday)]
    [InlineData("2025-09-01", DayOfWeek.Monday)]
    [InlineData("2025-09-11", DayOfWeek.Thursday)]
    [InlineData("2025-09-27", DayOfWeek.Saturday)]
    [InlineData("2025-10-06", DayOfWeek.Monday)]
    [InlineData("2025-10-10", DayOfWeek.Friday)]
    [InlineData("2025-10-14", DayOfWeek.Tuesday)]
    [InlineData("2025-10-16", DayOfWeek.Thursday)]
    [InlineData("2025-10-21", DayOfWeek.Tuesday)]
    [InlineData("2025-10-22", DayOfWeek.Wednesday)]
    [InlineData("2025-10-27", DayOfWeek.Monday)]
    [InlineData("2025-12-01", DayOfWeek.Monday)]
    [InlineData("2025-12-02", DayOfWeek.Tuesday)]
    [InlineData("2025-12-30", DayOfWeek.Tuesday)]
    [InlineData("2026-01-08", DayOfWeek.Thursday)]
    [InlineData("2026-01-15", DayOfWeek.Thursday)]
    [InlineData("2026-01-16", DayOfWeek.Friday)]
    [InlineData("2026-02-12", DayOfWeek.Thursday)]
    [InlineData("2026-02-18", DayOfWeek.Wednesday)]
    [InlineData("2026-02-25", DayOfWeek.Wednesday)]
    [InlineData("2026-02-26", DayOfWeek.Thursday)]
    [InlineData("2026-02-27", DayOfWeek.Friday)]
    [InlineData("2026-03-05", DayOfWeek.Thursday)]
    [InlineData("2026-04-01", DayOfWeek.Wednesday)]
    [InlineData("2026-04-09", DayOfWeek.Thursday)]
    [InlineData("2026-04-29", DayOfWeek.Wednesday)]
    [InlineData("2026-05-06", DayOfWeek.Wednesday)]
    [InlineData("2026-09-18", DayOfWeek.Friday)]
    [InlineData("2026-09-24", DayOfWeek.Thursday)]
    [InlineData("2026-09-30", DayOfWeek.Wednesday)]
    [InlineData("2026-12-01", DayOfWeek.Tuesday)]
    [InlineData("2026-12-02", DayOfWeek.Wednesday)]
    [InlineData("2026-12-28", DayOfWeek.Monday)]
    [InlineData("2027-01-04", DayOfWeek.Monday)]
    [InlineData("2027-01-08", DayOfWeek.Friday)]
    [InlineData("2027-01-11", DayOfWeek.Monday)]
    public void The_dates_named_in_these_specifications_fall_on_these_weekdays(string date, DayOfWeek weekday)
    {
        Assert.Equal(weekday, D(date).DayOfWeek);
    }

    [Fact]
    public void The_product_ships_the_2025_and_2026_arrangements_and_nothing_else()
    {
        Assert.Equal([2025, 2026], ShippedHolidayArrangements.All.Select(y => y.Year).Order());
        Assert.True(Shipped.HasArrangementFor(2025));
        Assert.True(Shipped.HasArrangementFor(2026));
        Assert.False(Shipped.HasArrangementFor(2027));
        Assert.False(Shipped.HasArrangementFor(2024));
    }

    [Theory]
    [InlineData(2025, 28, 5)] // 元旦 1 + 春节 8 + 清明 3 + 劳动节 5 + 端午 3 + 国庆中秋 8 off; 5 make-up days
    [InlineData(2026, 33, 6)] // 元旦 3 + 春节 9 + 清明 3 + 劳动节 5 + 端午 3 + 中秋 3 + 国庆 7 off; 6 make-up days
    public void The_shipped_arrangements_are_complete_and_consistent(int year, int daysOff, int makeupWorkdays)
    {
        var arrangement = Assert.Single(ShippedHolidayArrangements.All, y => y.Year == year);

        Assert.Equal(daysOff, arrangement.Off.Count);
        Assert.Equal(makeupWorkdays, arrangement.MakeupWorkdays.Count);
        Assert.Empty(arrangement.Validate());
    }
}
