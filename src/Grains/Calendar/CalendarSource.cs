using CaseGrains.Abstractions.Calendar;
using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Time;

namespace CaseGrains.Grains.Calendar;

/// <summary>
/// Keeps a copy of the calendar grain's arrangements in each process for a few seconds, so that computing a
/// deadline does not cost a call to the single calendar grain on every case action.
/// </summary>
public sealed class CalendarSource(IGrainFactory grains, PlatformClock clock) : ICalendarSource
{
    /// <summary>How long a copy is used: once this long has passed since a year was stored, every process counts on
    /// it (the deadline recomputation waits this out before its first case).</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private (WorkingDayCalendar Calendar, DateTimeOffset FetchedAt)? cached;

    public async ValueTask<WorkingDayCalendar> GetAsync()
    {
        // Taken before asking the calendar grain, so a copy's age counts from before its answer: a copy that misses a
        // year stored at some instant is used for less than Freshness after that instant.
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
