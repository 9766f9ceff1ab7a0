using System.Diagnostics;

namespace CaseGrains.Bench.Hosting;

/// <summary>
/// A clock that shows <paramref name="start"/> when it is created and runs at real speed from there, for a silo that
/// must live at another moment than now (the platform takes all its time from the
/// <see cref="CaseGrains.Domain.Time.PlatformClock"/> in DI, which wraps this one; Orleans keeps the system's).
/// Timers and timestamps are the system's: only the wall-clock reading is moved.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly long startedAt = Stopwatch.GetTimestamp();

    /// <summary>The real instant at which the clock showed its start.</summary>
    public DateTimeOffset RealStart { get; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + Stopwatch.GetElapsedTime(startedAt);
}
