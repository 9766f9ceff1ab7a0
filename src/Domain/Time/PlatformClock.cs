namespace CaseGrains.Domain.Time;

/// <summary>
/// The clock the platform judges time by: when a case was received, when a deadline falls due, when a token expires.
/// In production it reads the system's time; a test or a benchmark gives the platform one it moves to a due date
/// instead of waiting for it. A type of its own rather than the <see cref="TimeProvider"/> in dependency injection,
/// because Orleans takes that one: its membership compares what it reads with stamps it takes from the system's time
/// (a silo's start time and generation), so a clock moved ahead made every silo started after the move look stale
/// and be voted dead while it joined. Orleans keeps real time; only the platform travels.
/// </summary>
public sealed class PlatformClock(TimeProvider time) : TimeProvider
{
    /// <summary>The system's time.</summary>
    public static PlatformClock RealTime { get; } = new(TimeProvider.System);

    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();

    public override long GetTimestamp() => time.GetTimestamp();

    public override long TimestampFrequency => time.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => time.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        time.CreateTimer(callback, state, dueTime, period);
}
