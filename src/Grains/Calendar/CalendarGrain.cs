using Orleans.Runtime;
using CaseGrains.Domain.Access;
using CaseGrains.Abstractions.Calendar;
using CaseGrains.Domain.Calendar;
using Microsoft.Extensions.Logging;

namespace CaseGrains.Grains.Calendar;

public sealed partial class CalendarGrain(
    [PersistentState("calendar", StorageNames.Default)] IPersistentState<CalendarState> state,
    ILogger<CalendarGrain> logger) : Grain, ICalendarGrain
{
    public Task<CalendarArrangements> GetArrangements()
    {
        var loaded = state.State.LoadedYears.Select(y => y.Year).ToHashSet();
        var years = ShippedHolidayArrangements.All.Where(y => !loaded.Contains(y.Year)).Concat(state.State.LoadedYears).OrderBy(y => y.Year);
        return Task.FromResult(new CalendarArrangements(state.State.Version, years.ToArray()));
    }

    public async Task<IReadOnlyList<string>> LoadYear(HolidayYear year, Principal principal)
    {
        var errors = year.Validate();
        if (errors.Count > 0)
        {
            return errors;
        }

        state.State.LoadedYears = [.. state.State.LoadedYears.Where(y => y.Year != year.Year).Append(year).OrderBy(y => y.Year)];
        state.State.Version++;
        await state.WriteStateAsync();
        LogYearLoaded(year.Year, year.Off.Count, year.MakeupWorkdays.Count, principal.UserId);

        // Started here, once the year is stored, and not by the gateway: a gateway that fails after the load cannot lose
        // the start. What remains is this silo failing between the write above and this call, or the call failing: the
        // year is loaded but not recomputed, the load answers an error, and loading the year again starts the run.
        await GrainFactory.GetGrain<IDeadlineRecomputationGrain>(year.Year).Start(principal.UserId, state.State.Version);
        return [];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Holiday year {Year} loaded ({OffDays} days off, {MakeupDays} make-up workdays) by {UserId}")]
    private partial void LogYearLoaded(int year, int offDays, int makeupDays, string userId);
}
