using System.Globalization;
using CaseGrains.Domain.Calendar;

namespace CaseGrains.Domain.Tests.Calendar;

/// <summary>Calendars and date parsing shared by the calendar and deadline specifications.</summary>
internal static class TestCalendars
{
    /// <summary>The calendar with the arrangements that ship with the product: 2025 and 2026, nothing for 2027.</summary>
    public static WorkingDayCalendar Shipped { get; } = new(ShippedHolidayArrangements.All);

    /// <summary>A made-up 2027 arrangement for tests only (it is NOT the State Council's): 1 January, a Friday,
    /// is a day off; no make-up workdays.</summary>
    public static HolidayYear Hypothetical2027 { get; } = new(2027, [new HolidayDate(D("2027-01-01"), "元旦")], []);

    /// <summary>The shipped years plus <see cref="Hypothetical2027"/>, as after an admin loads a new year.</summary>
    public static WorkingDayCalendar WithHypothetical2027 { get; } = new([.. ShippedHolidayArrangements.All, Hypothetical2027]);

    public static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
