namespace CaseGrains.Grains.Tests.Support;

/// <summary>
/// The real clock moved forward by an offset that only grows: a test travels to the moment a reminder comes due
/// instead of waiting for it. Time keeps running at real speed, so Orleans' timers and timeouts are unaffected.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>Moves the clock to <paramref name="instant"/>, or leaves it when it is already past it.</summary>
    public void TravelTo(DateTimeOffset instant)
    {
        var gap = instant - GetUtcNow();
        if (gap > TimeSpan.Zero)
        {
            Interlocked.Add(ref offsetTicks, gap.Ticks);
        }
    }
}
