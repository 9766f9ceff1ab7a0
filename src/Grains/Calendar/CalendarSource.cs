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

    // One reference, read and replaced whole: every grain of the process shares this copy, and a struct of the
    // calendar and its time could be read as a new time with the old calendar, which would outlive Freshness.
    private volatile Copy? copy;

    public async ValueTask<WorkingDayCalendar> GetAsync()
    {
        // Taken before asking the calendar grain, so a copy's age counts from before its answer: a copy that misses a
        // year stored at some instant is used for less than Freshness after that instant.
        var now = clock.GetUtcNow();
        if (copy is { } current && now - current.FetchedAt < Freshness)
        {
            return current.Calendar;
        }

        var arrangements = await grains.GetGrain<ICalendarGrain>(ICalendarGrain.Key).GetArrangements();
        var calendar = arrangements.ToCalendar();
        copy = new Copy(calendar, now);
        return calendar;
    }

    public void Invalidate() => copy = null;

    private sealed record Copy(WorkingDayCalendar Calendar, DateTimeOffset FetchedAt);
}
