namespace CaseGrains.Domain.Calendar;

/// <summary>A date named in the State Council's holiday arrangement, with the holiday it belongs to.</summary>
public sealed record HolidayDate(DateOnly Date, string Name);
