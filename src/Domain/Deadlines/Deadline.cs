using CaseGrains.Domain.Calendar;

namespace CaseGrains.Domain.Deadlines;

/// <summary>
/// One statutory deadline (法定期限) running on a case. A deadline runs in segments: suspension ends a
/// segment and banks the units it consumed; resumption starts a new segment with the units that were left.
/// Immutable: every change returns a new value.
/// </summary>
public sealed record Deadline
{
    public required DeadlineKind Kind { get; init; }

    /// <summary>The article that sets the period, in the form users read (e.g. 《行政复议法》第三十条).</summary>
    public required string Basis { get; init; }

    public required DeadlineUnit Unit { get; init; }

    /// <summary>Total length in units, including any extension.</summary>
    public required int Length { get; init; }

    /// <summary>The day of the trigger; the period runs from the day after.</summary>
    public required DateOnly StartedOn { get; init; }

    public required DateOnly SegmentStartedOn { get; init; }

    /// <summary>Units consumed in earlier segments, before the last suspension.</summary>
    public int ConsumedBeforeSegment { get; init; }

    public required DateOnly DueOn { get; init; }

    public bool Provisional { get; init; }

    public DeadlinePhase Phase { get; init; } = DeadlinePhase.Running;

    public DateOnly? PausedOn { get; init; }

    public DateOnly? CompletedOn { get; init; }

    public int ExtendedByDays { get; init; }

    /// <summary>Whether <see cref="DueOn"/> is a fixed date (counted back from an event) rather than counted forward.</summary>
    public bool FixedDueDate { get; init; }

    /// <summary>For a fixed due date, the event it is counted back from (e.g. the hearing), so that it can be
    /// counted again when a new holiday year is loaded; null for deadlines counted forward.</summary>
    public DateOnly? CountedBackFrom { get; init; }

    public static Deadline Start(StatutoryPeriod period, DateOnly trigger, WorkingDayCalendar calendar)
    {
        var due = AddUnits(calendar, period.Unit, trigger, period.Length);
        return new Deadline
        {
            Kind = period.Kind,
            Basis = period.Basis,
            Unit = period.Unit,
            Length = period.Length,
            StartedOn = trigger,
            SegmentStartedOn = trigger,
            DueOn = due.Date,
            Provisional = due.Provisional,
        };
    }

    /// <summary>A deadline that falls <see cref="StatutoryPeriod.Length"/> units before an event, such as the
    /// hearing notice that must reach the parties five working days before the hearing (Art. 51).</summary>
    public static Deadline Before(StatutoryPeriod period, DateOnly scheduledOn, DateOnly eventOn, WorkingDayCalendar calendar)
    {
        var due = CountBack(calendar, period.Unit, eventOn, period.Length);
        return new Deadline
        {
            Kind = period.Kind,
            Basis = period.Basis,
            Unit = period.Unit,
            Length = period.Length,
            StartedOn = scheduledOn,
            SegmentStartedOn = scheduledOn,
            DueOn = due.Date,
            Provisional = due.Provisional,
            FixedDueDate = true,
            CountedBackFrom = eventOn,
        };
    }

    public DeadlineStatus StatusOn(DateOnly today) => Phase switch
    {
        DeadlinePhase.Paused => DeadlineStatus.Paused,
        DeadlinePhase.Cancelled => DeadlineStatus.Cancelled,
        DeadlinePhase.Completed => CompletedOn <= DueOn ? DeadlineStatus.Met : DeadlineStatus.Missed,
        _ => today > DueOn ? DeadlineStatus.Missed : DeadlineStatus.Running,
    };

    /// <summary>Units left to run, counted from <paramref name="today"/>; negative when overdue.</summary>
    public int RemainingOn(DateOnly today, WorkingDayCalendar calendar)
    {
        if (Phase == DeadlinePhase.Paused)
        {
            return Length - ConsumedBeforeSegment;
        }

        return today <= DueOn ? Count(calendar, Unit, today, DueOn) : -Count(calendar, Unit, DueOn, today);
    }

    public Deadline Pause(DateOnly on, WorkingDayCalendar calendar)
    {
        EnsurePhase(DeadlinePhase.Running);
        var consumed = ConsumedBeforeSegment + (on > SegmentStartedOn ? Count(calendar, Unit, SegmentStartedOn, on) : 0);
        return this with { Phase = DeadlinePhase.Paused, PausedOn = on, ConsumedBeforeSegment = consumed };
    }

    public Deadline Resume(DateOnly on, WorkingDayCalendar calendar)
    {
        EnsurePhase(DeadlinePhase.Paused);
        var resumed = this with { Phase = DeadlinePhase.Running, PausedOn = null, SegmentStartedOn = on };
        return resumed.Recompute(calendar);
    }

    public Deadline Complete(DateOnly on) => this with { Phase = DeadlinePhase.Completed, CompletedOn = on, PausedOn = null };

    public Deadline Cancel(DateOnly on) => this with { Phase = DeadlinePhase.Cancelled, CompletedOn = on, PausedOn = null };

    /// <summary>Lengthens the period by <paramref name="days"/> units (the one extension of Art. 62).</summary>
    public Deadline Extend(int days, WorkingDayCalendar calendar)
    {
        var extended = this with { Length = Length + days, ExtendedByDays = ExtendedByDays + days };
        return extended.Phase == DeadlinePhase.Running ? extended.Recompute(calendar) : extended;
    }

    /// <summary>Counts the due date again, for a running deadline, on <paramref name="calendar"/>; used when a
    /// new holiday year is loaded and after resumption.</summary>
    public Deadline Recompute(WorkingDayCalendar calendar)
    {
        if (Phase != DeadlinePhase.Running)
        {
            return this;
        }

        if (FixedDueDate)
        {
            if (CountedBackFrom is not { } eventOn)
            {
                return this;
            }

            var back = CountBack(calendar, Unit, eventOn, Length);
            return this with { DueOn = back.Date, Provisional = back.Provisional };
        }

        var remaining = Math.Max(0, Length - ConsumedBeforeSegment);
        var due = AddUnits(calendar, Unit, SegmentStartedOn, remaining);
        return this with { DueOn = due.Date, Provisional = due.Provisional || !calendar.HasArrangementFor(StartedOn.Year) };
    }

    private void EnsurePhase(DeadlinePhase expected)
    {
        if (Phase != expected)
        {
            throw new InvalidOperationException($"The {Kind} deadline is {Phase}, not {expected}.");
        }
    }

    private static CalendarDate AddUnits(WorkingDayCalendar calendar, DeadlineUnit unit, DateOnly from, int units) =>
        unit == DeadlineUnit.WorkingDays ? calendar.AddWorkingDays(from, units) : calendar.AddNaturalDays(from, units);

    private static CalendarDate CountBack(WorkingDayCalendar calendar, DeadlineUnit unit, DateOnly eventOn, int units) =>
        unit == DeadlineUnit.WorkingDays
            ? calendar.SubtractWorkingDays(eventOn, units)
            : new CalendarDate(eventOn.AddDays(-units), !calendar.HasArrangementFor(eventOn.Year));

    private static int Count(WorkingDayCalendar calendar, DeadlineUnit unit, DateOnly from, DateOnly to) =>
        unit == DeadlineUnit.WorkingDays ? calendar.CountWorkingDays(from, to) : to.DayNumber - from.DayNumber;
}
