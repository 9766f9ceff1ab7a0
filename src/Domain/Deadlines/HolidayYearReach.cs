using CaseGrains.Domain.Calendar;

namespace CaseGrains.Domain.Deadlines;

/// <summary>
/// Which running deadlines a holiday year can move when it is loaded. A deadline counted forward reads the days from its
/// start to its due date, so one due before 1 January of the year never reads a day of it. A deadline counted back from
/// an event (the hearing notice, Art. 51) reads the days from its due date to the event: one due in the last days of the
/// year before can still depend on the new year, by at most the longest period counted back.
/// </summary>
public static class HolidayYearReach
{
    /// <summary>The periods counted back from an event (<see cref="Deadline.Before"/>).</summary>
    private static readonly StatutoryPeriod[] CountedBack = [StatutoryPeriods.HearingNotice];

    /// <summary>
    /// The earliest due date a running deadline can have and still count a day of <paramref name="year"/>: the longest
    /// period counted back from 1 January, or 1 January itself. A count back from a later event ends no earlier, so
    /// every deadline the year can move is due on or after this date. Counted on <paramref name="calendar"/>, of which it
    /// reads only the years before, which loading <paramref name="year"/> leaves as they were.
    /// </summary>
    public static DateOnly EarliestDueDate(int year, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var newYear = new DateOnly(year, 1, 1);
        return CountedBack.Select(period => Deadline.Before(period, newYear, newYear, calendar).DueOn).Append(newYear).Min();
    }
}
