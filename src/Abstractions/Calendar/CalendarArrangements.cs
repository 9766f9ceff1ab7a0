using CaseGrains.Domain.Calendar;

namespace CaseGrains.Abstractions.Calendar;

/// <summary>Every loaded holiday year and a version that changes whenever one is loaded.</summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.CalendarArrangements")]
public sealed record CalendarArrangements([property: Id(0)] long Version, [property: Id(1)] IReadOnlyList<HolidayYear> Years)
{
    public WorkingDayCalendar ToCalendar() => new(Years);
}
