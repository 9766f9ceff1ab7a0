namespace CaseGrains.Api.Tests.Infrastructure;

/// <summary>
/// The real clock, optionally moved forward by whole days. Some steps of a case can only happen after a date has
/// come (a hearing is held on or after the day it was scheduled for, and that day must lie in the future when it
/// is scheduled), so a walk through them needs days to pass. Only the wall-clock time moves: timestamps and
/// timers stay real, so Orleans' own timing is unaffected.
/// </summary>
public sealed class TravellingClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>Today in China (Asia/Shanghai, UTC+8, no daylight saving) as the server sees it.</summary>
    public DateOnly ChinaToday => DateOnly.FromDateTime(GetUtcNow().UtcDateTime.AddHours(8));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void TravelDays(int days) => Interlocked.Add(ref offsetTicks, TimeSpan.FromDays(days).Ticks);
}
