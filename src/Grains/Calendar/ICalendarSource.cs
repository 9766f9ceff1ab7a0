using CaseGrains.Domain.Calendar;

namespace CaseGrains.Grains.Calendar;

/// <summary>The working-day calendar in force, as seen from this process.</summary>
public interface ICalendarSource
{
    ValueTask<WorkingDayCalendar> GetAsync();

    /// <summary>Forgets the copy, after this process loaded a holiday year.</summary>
    void Invalidate();
}
