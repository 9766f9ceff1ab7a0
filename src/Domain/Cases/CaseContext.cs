using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Time;

namespace CaseGrains.Domain.Cases;

/// <summary>The moment a command is handled and the calendar its periods are counted on.</summary>
public sealed record CaseContext(DateTimeOffset Now, WorkingDayCalendar Calendar)
{
    /// <summary>The Beijing date of <see cref="Now"/>, the day every statutory period is counted from.</summary>
    public DateOnly Today => ChinaTime.DateOf(Now);
}
