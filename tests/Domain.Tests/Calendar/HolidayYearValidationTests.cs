using CaseGrains.Domain.Calendar;
using static CaseGrains.Domain.Tests.Calendar.TestCalendars;

namespace CaseGrains.Domain.Tests.Calendar;

/// <summary>An admin loads a new year's arrangement without a release; one that is inconsistent is refused with
/// every reason at once.</summary>
public class HolidayYearValidationTests
{
    private static HolidayDate Day(string date, string name = "春节") => new(D(date), name);

    [Fact]
    public void A_consistent_year_has_no_errors()
    {
        // Spring Festival 2025 as published: weekend days off are allowed, make-up days are weekend days.
        var year = new HolidayYear(
            2025,
            [Day("2025-01-28"), Day("2025-01-29"), Day("2025-02-01"), Day("2025-02-04")],
            [Day("2025-01-26"), Day("2025-02-08")]);

        Assert.Empty(year.Validate());
    }

    [Fact]
    public void A_year_with_no_days_at_all_is_consistent()
    {
        Assert.Empty(new HolidayYear(2030, [], []).Validate());
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void A_year_outside_2000_to_2100_is_refused(int number)
    {
        var error = Assert.Single(new HolidayYear(number, [], []).Validate());

        Assert.Contains(number.ToString(System.Globalization.CultureInfo.InvariantCulture), error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_off_in_another_year_is_refused()
    {
        var year = new HolidayYear(2025, [Day("2026-01-01", "元旦")], []);

        Assert.Equal(["off: 2026-01-01 is not in 2025"], year.Validate());
    }

    [Fact]
    public void A_make_up_day_in_another_year_is_refused()
    {
        // Sun 4 Jan 2026 is a weekend day, so only the year is wrong.
        var year = new HolidayYear(2025, [], [Day("2026-01-04", "元旦")]);

        Assert.Equal(["makeupWorkdays: 2026-01-04 is not in 2025"], year.Validate());
    }

    [Fact]
    public void A_date_listed_twice_is_refused()
    {
        var year = new HolidayYear(2025, [Day("2025-01-28"), Day("2025-01-28")], []);

        Assert.Equal(["off: 2025-01-28 is listed more than once"], year.Validate());
    }

    [Fact]
    public void A_make_up_day_listed_twice_is_refused()
    {
        var year = new HolidayYear(2025, [], [Day("2025-02-08"), Day("2025-02-08")]);

        Assert.Equal(["makeupWorkdays: 2025-02-08 is listed more than once"], year.Validate());
    }

    [Fact]
    public void A_weekday_listed_as_a_make_up_workday_is_refused()
    {
        // Mon 27 Jan 2025 is a working day anyway: it cannot be "made up".
        var year = new HolidayYear(2025, [], [Day("2025-01-27")]);

        var error = Assert.Single(year.Validate());
        Assert.StartsWith("makeupWorkdays: 2025-01-27 is a weekday", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_both_off_and_worked_is_refused()
    {
        // Sun 26 Jan 2025 is a weekend day, so the only fault is the contradiction.
        var year = new HolidayYear(2025, [Day("2025-01-26")], [Day("2025-01-26")]);

        Assert.Equal(["2025-01-26 is listed both as off and as a make-up workday"], year.Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_day_without_a_holiday_name_is_refused(string name)
    {
        var year = new HolidayYear(2025, [Day("2025-05-01", name)], [Day("2025-04-27", name)]);

        Assert.Equal(["off: 2025-05-01 has no holiday name", "makeupWorkdays: 2025-04-27 has no holiday name"], year.Validate());
    }

    [Fact]
    public void A_null_entry_is_refused_and_the_days_beside_it_are_still_checked()
    {
        // A JSON body can put null where a day belongs: the nullable annotations do not reach a list's elements.
        var year = new HolidayYear(2025, [Day("2025-01-28"), null!], [null!, Day("2025-01-27")]);

        var errors = year.Validate();

        Assert.Equal(3, errors.Count);
        Assert.Contains("off[1]: an entry is null; each needs a date and a holiday name", errors);
        Assert.Contains("makeupWorkdays[0]: an entry is null; each needs a date and a holiday name", errors);
        Assert.Contains(errors, e => e.StartsWith("makeupWorkdays: 2025-01-27 is a weekday", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_fault_is_reported_at_once()
    {
        var year = new HolidayYear(
            2025,
            [Day("2024-12-31"), Day("2025-01-28"), Day("2025-01-28"), Day("2025-02-08")],
            [Day("2025-01-27"), Day("2025-02-08")]);

        var errors = year.Validate();

        Assert.Equal(4, errors.Count);
        Assert.Contains("off: 2024-12-31 is not in 2025", errors);
        Assert.Contains("off: 2025-01-28 is listed more than once", errors);
        Assert.Contains(errors, e => e.StartsWith("makeupWorkdays: 2025-01-27 is a weekday", StringComparison.Ordinal));
        Assert.Contains("2025-02-08 is listed both as off and as a make-up workday", errors);
    }

    [Fact]
    public void The_shipped_years_are_consistent()
    {
        Assert.All(ShippedHolidayArrangements.All, year => Assert.Empty(year.Validate()));
    }
}
