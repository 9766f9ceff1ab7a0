namespace CaseGrains.Domain.Workflow;

/// <summary>
/// How far ahead an officer may set a date: a hearing, or the day an agency is to report on its rectification or to
/// comply by. A year, as long as the longest period of a supervision notice. Further ahead is a slip of the keyboard,
/// and a date at the calendar's end (9999-12-31) left no room for the reminder steps counted after it.
/// </summary>
public static class FutureDateLimit
{
    public const int Days = 365;

    /// <summary>Whether <paramref name="value"/> lies more than <see cref="Days"/> days after <paramref name="today"/>.</summary>
    public static bool Exceeds(DateOnly value, DateOnly today) => value.DayNumber - today.DayNumber > Days;
}
