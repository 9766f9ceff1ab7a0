using Orleans.Concurrency;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Calendar;

namespace CaseGrains.Abstractions.Calendar;

/// <summary>
/// The holiday arrangements in force (one grain, key <see cref="Key"/>): the years that ship with the product
/// plus those an administrator loaded at run time, which replace a shipped year of the same number.
/// </summary>
[Alias("CaseGrains.ICalendarGrain")]
public interface ICalendarGrain : IGrainWithStringKey
{
    public const string Key = "cn";

    [Alias("GetArrangements"), ReadOnly, AlwaysInterleave]
    Task<CalendarArrangements> GetArrangements();

    /// <summary>Loads or replaces one year and, once it is stored, starts recomputing the running deadlines it can move
    /// (<see cref="IDeadlineRecomputationGrain"/> of that year); returns the validation errors, empty when it was loaded.</summary>
    [Alias("LoadYear")]
    Task<IReadOnlyList<string>> LoadYear(HolidayYear year, Principal principal);
}
