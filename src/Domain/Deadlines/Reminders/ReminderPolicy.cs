using System.Collections.Frozen;
using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Time;

namespace CaseGrains.Domain.Deadlines.Reminders;

/// <summary>
/// How far ahead each kind of deadline warns, and when in the day each step fires. The advance warning comes
/// <see cref="DefaultAdvanceWarningDays"/> working days before the due date unless a kind says otherwise; 0 means that
/// kind gets no advance warning. Steps fire in Beijing time: the advance warning and due-today at
/// <see cref="MorningReminderTime"/> on their date, overdue at midnight after the due date, when the period has fully run.
/// Immutable.
/// </summary>
public sealed class ReminderPolicy
{
    public const int DefaultAdvanceWarningDays = 3;

    public const int MaxAdvanceWarningDays = 30;

    /// <summary>08:30 Beijing time, the start of the working day.</summary>
    public static readonly TimeOnly MorningReminderTime = new(8, 30);

    private readonly FrozenDictionary<DeadlineKind, int> overrides;

    /// <param name="advanceWarningDays">Working days of advance warning for the kinds that differ from the default.</param>
    /// <exception cref="ArgumentException">A kind is unknown or its days are outside 0–30 (<see cref="Validate"/>).</exception>
    public ReminderPolicy(IReadOnlyDictionary<DeadlineKind, int>? advanceWarningDays = null)
    {
        advanceWarningDays ??= new Dictionary<DeadlineKind, int>();
        var errors = Validate(advanceWarningDays);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(advanceWarningDays));
        }

        overrides = advanceWarningDays.ToFrozenDictionary();
    }

    /// <summary>Three working days for every kind.</summary>
    public static ReminderPolicy Default { get; } = new();

    /// <summary>The kinds whose advance warning differs from <see cref="DefaultAdvanceWarningDays"/>.</summary>
    public IReadOnlyDictionary<DeadlineKind, int> Overrides => overrides;

    /// <summary>Every reason <paramref name="advanceWarningDays"/> is not a valid set of overrides; empty when it is.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyDictionary<DeadlineKind, int> advanceWarningDays)
    {
        ArgumentNullException.ThrowIfNull(advanceWarningDays);
        var errors = new List<string>();
        foreach (var (kind, days) in advanceWarningDays.OrderBy(e => e.Key))
        {
            if (!Enum.IsDefined(kind))
            {
                errors.Add($"{kind} is not a deadline kind");
            }
            else if (days is < 0 or > MaxAdvanceWarningDays)
            {
                errors.Add($"{kind}: {days} working days of advance warning is outside 0-{MaxAdvanceWarningDays}");
            }
        }

        return errors;
    }

    /// <summary>Working days of advance warning for <paramref name="kind"/>; 0 when it gets none.</summary>
    public int AdvanceWarningDays(DeadlineKind kind) => overrides.TryGetValue(kind, out var days) ? days : DefaultAdvanceWarningDays;

    /// <summary>This policy with <paramref name="kind"/> warning <paramref name="days"/> working days ahead.</summary>
    /// <exception cref="ArgumentException"><paramref name="days"/> is outside 0–30.</exception>
    public ReminderPolicy WithAdvanceWarningDays(DeadlineKind kind, int days) =>
        new(new Dictionary<DeadlineKind, int>(overrides) { [kind] = days });

    /// <summary>The Beijing date of the advance warning for <paramref name="deadline"/>: the working day
    /// <see cref="AdvanceWarningDays"/> working days before its due date. Null when the kind has no warning, or when
    /// that day is not after the day the deadline (or its current segment, after a resumption) started: a warning on
    /// the day the period is set, or before it, would tell the officer nothing new.</summary>
    public DateOnly? AdvanceWarningOn(Deadline deadline, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(calendar);
        var days = AdvanceWarningDays(deadline.Kind);
        if (days == 0)
        {
            return null;
        }

        var on = calendar.SubtractWorkingDays(deadline.DueOn, days).Date;
        return on > deadline.SegmentStartedOn ? on : null;
    }

    /// <summary>The Beijing date <paramref name="step"/> fires on for a deadline due on <paramref name="dueOn"/>, given the
    /// advance warning's date; overdue fires on the day after the due date.</summary>
    public static DateOnly DateOf(ReminderStep step, DateOnly dueOn, DateOnly? advanceWarningOn = null) => step switch
    {
        ReminderStep.AdvanceWarning => advanceWarningOn ?? throw new ArgumentNullException(nameof(advanceWarningOn), "An advance warning needs its date."),
        ReminderStep.DueToday => dueOn,
        ReminderStep.Overdue => dueOn.AddDays(1),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a reminder step."),
    };

    /// <summary>The Beijing time of day <paramref name="step"/> fires: 08:30, or 00:00 for overdue.</summary>
    public static TimeOnly TimeOf(ReminderStep step) => step == ReminderStep.Overdue ? TimeOnly.MinValue : MorningReminderTime;

    /// <summary>The UTC instant <paramref name="step"/> fires when its Beijing date is <paramref name="on"/>.</summary>
    public static DateTimeOffset FireAt(ReminderStep step, DateOnly on) =>
        new DateTimeOffset(on, TimeOf(step), ChinaTime.Offset).ToUniversalTime();
}
