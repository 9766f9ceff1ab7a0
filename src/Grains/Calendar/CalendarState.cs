using CaseGrains.Domain.Calendar;

namespace CaseGrains.Grains.Calendar;

/// <summary>The holiday years an administrator loaded at run time (shipped years are not stored).</summary>
[GenerateSerializer, Alias("CaseGrains.CalendarState")]
public sealed class CalendarState
{
    [Id(0)] public List<HolidayYear> LoadedYears { get; set; } = [];

    [Id(1)] public long Version { get; set; }
}
