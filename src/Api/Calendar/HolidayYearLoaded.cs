using CaseGrains.Domain.Calendar;

namespace CaseGrains.Api.Calendar;

/// <summary>The answer of <c>PUT /api/v1/calendar/years/{year}</c>: the arrangement as loaded, and the recomputation of
/// the running deadlines it can move, which it started (follow it at <see cref="RecomputationProgress"/>).</summary>
public sealed record HolidayYearLoaded(
    int Year,
    IReadOnlyList<HolidayDate> Off,
    IReadOnlyList<HolidayDate> MakeupWorkdays,
    RecomputationView? Recomputation,
    string RecomputationProgress);
