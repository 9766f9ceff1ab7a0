namespace CaseGrains.Domain.Calendar;

/// <summary>
/// The working-day calendar (工作日历) that statutory periods are counted on: weekends and statutory
/// days off are rest days, make-up workdays (调休) are working days (Art. 88).
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> off = [];
    private readonly HashSet<DateOnly> makeup = [];
    private readonly HashSet<int> years = [];

    public WorkingDayCalendar(IEnumerable<HolidayYear> arrangements)
    {
        foreach (var year in arrangements)
        {
            years.Add(year.Year);
            off.UnionWith(year.Off.Select(d => d.Date));
            makeup.UnionWith(year.MakeupWorkdays.Select(d => d.Date));
        }
    }

    public IReadOnlySet<int> LoadedYears => years;

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool HasArrangementFor(int year) => years.Contains(year);

    public bool IsWorkingDay(DateOnly date)
    {
        if (makeup.Contains(date))
        {
            return true;
        }

        return !IsWeekend(date) && !off.Contains(date);
    }

    /// <summary>The date on which a period of <paramref name="days"/> working days that starts on
    /// <paramref name="start"/> ends; the start day itself is not counted.</summary>
    public CalendarDate AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return new CalendarDate(date, IsProvisional(start, date));
    }

    /// <summary>The latest date that lies <paramref name="days"/> working days before <paramref name="date"/>,
    /// for periods counted backwards such as a hearing notice (Art. 51).</summary>
    public CalendarDate SubtractWorkingDays(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var result = date;
        for (var counted = 0; counted < days;)
        {
            result = result.AddDays(-1);
            if (IsWorkingDay(result))
            {
                counted++;
            }
        }

        return new CalendarDate(result, IsProvisional(result, date));
    }

    /// <summary>The end of a natural-day period: start plus <paramref name="days"/>, moved to the next
    /// working day when the last day is a rest day (Art. 88).</summary>
    public CalendarDate AddNaturalDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var end = start.AddDays(days);
        while (!IsWorkingDay(end))
        {
            end = end.AddDays(1);
        }

        return new CalendarDate(end, IsProvisional(start, end));
    }

    /// <summary>How many working days lie after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    private bool IsProvisional(DateOnly first, DateOnly last)
    {
        for (var year = first.Year; year <= last.Year; year++)
        {
            if (!years.Contains(year))
            {
                return true;
            }
        }

        return false;
    }
}
