using System.Text.Json.Serialization;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;

namespace CaseGrains.Domain.Cases;

/// <summary>
/// A reminder step fired on a running deadline: the notifier tells <see cref="Audiences"/>. For an overdue period the
/// law attaches a consequence to, <see cref="Consequence"/> names it and, when it is a step of the workflow,
/// <see cref="ConsequenceEvent"/> is the event the manual action would have recorded (视为受理, 视为放弃申请,
/// 逾期未答复), with the same effect on the case.
/// </summary>
public sealed record ReminderFired : CaseEvent
{
    public required DeadlineKind Kind { get; init; }

    /// <summary>The deadline's position in <see cref="ReconsiderationCase.Deadlines"/>.</summary>
    public required int DeadlineId { get; init; }

    public required ReminderStep Step { get; init; }

    public required DateOnly DueOn { get; init; }

    /// <summary>The Beijing date the step was recorded.</summary>
    public required DateOnly FiredOn { get; init; }

    public required IReadOnlyList<NotificationAudience> Audiences { get; init; }

    public ReminderConsequence? Consequence { get; init; }

    public CaseEvent? ConsequenceEvent { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.FireReminder;
}
