using CaseGrains.Domain.Deadlines.Reminders;

namespace CaseGrains.Bench.Reminders;

/// <summary>
/// When things happen in the reminders scenario. The data set is built around one instant, <see cref="DueAt"/> (T): the
/// due cases' next reminder step fires exactly then and every other case's next step a day or more later. The silo runs
/// on a clock that starts <see cref="Lead"/> before T, so the steps come due while the data already sits in PostgreSQL.
/// The dates are fixed, not taken from the real clock, so that a loaded data set can be reused on any day.
/// </summary>
public static class BenchTimeline
{
    /// <summary>Tuesday 17 March 2026: an ordinary working week of the shipped 2026 calendar, no holiday near it.</summary>
    public static readonly DateOnly DueDay = new(2026, 3, 17);

    /// <summary>How long before T the silo's clock starts: time to start the silo and for the scheduler to load the
    /// cases of the steps due within its look-ahead (<c>Scheduling:PreloadAhead</c>, two minutes), as a silo running
    /// before the morning's steps would have. A silo started only 30 s before T had loaded about half of them.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(150);

    /// <summary>A due step not recorded this long after T counts as missed.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(180);

    /// <summary>How long after T the silo is left to record late steps, so that the lateness figures cover every due
    /// step, not only those in the window; a step still not recorded then has no lateness (reported as beyond this).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(15);

    /// <summary>T: the due-today step of a deadline due on <see cref="DueDay"/> (08:30 Beijing time).</summary>
    public static DateTimeOffset DueAt { get; } = ReminderPolicy.FireAt(ReminderStep.DueToday, DueDay);

    /// <summary>The instant the silo's clock shows when it starts.</summary>
    public static DateTimeOffset SiloClockStart => DueAt - Lead;
}
