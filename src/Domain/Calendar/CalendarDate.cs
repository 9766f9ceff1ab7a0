namespace CaseGrains.Domain.Calendar;

/// <summary>
/// A date computed on the calendar. <see cref="Provisional"/> is true when the computation crossed a year
/// for which no holiday arrangement is loaded, so only weekends were taken into account.
/// </summary>
public readonly record struct CalendarDate(DateOnly Date, bool Provisional);
