using CaseGrains.Abstractions.Calendar;
using CaseGrains.Domain.Calendar;

namespace CaseGrains.Grains.Calendar;

/// <summary>
/// Keeps a copy of the calendar grain's arrangements in each process for a few seconds, so that computing a
/// deadline does not cost a call to the single calendar grain on every case action.
/// </summary>
public sealed class CalendarSource(IGrainFactory grains, TimeProvider clock) : ICalendarSource
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    private (WorkingDayCalendar Calendar, DateTimeOffset FetchedAt)? cached;

    public async ValueTask<WorkingDayCalendar> GetAsync()
    {
        var now = clock.GetUtcNow();
        if (cached is { } hit && now - hit.FetchedAt < Freshness)
        {
            return hit.Calendar;
        }

        var arrangements = await grains.GetGrain<ICalendarGrain>(ICalendarGrain.Key).GetArrangements();
        var calendar = arrangements.ToCalendar();
        cached = (calendar, now);
        return calendar;
    }

    public void Invalidate() => cached = null;
}
