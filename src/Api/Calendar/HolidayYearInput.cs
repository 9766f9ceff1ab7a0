using CaseGrains.Domain.Calendar;

namespace CaseGrains.Api.Calendar;

/// <summary>The body of <c>PUT /api/v1/calendar/years/{year}</c>: the State Council's arrangement for that year.</summary>
public sealed record HolidayYearInput(IReadOnlyList<HolidayDate> Off, IReadOnlyList<HolidayDate> MakeupWorkdays);
